// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../render-app';
import { company } from '../fake-bridge';
import type { CompanySummary } from '../../../shared/types/reports';

/** An imported company whose export files did not carry its facts: the date is an estimate. */
const imported: CompanySummary = {
  ...company,
  guid: 'co-imp',
  name: 'Joshi Agencies',
  source: 'import',
  booksFrom: '2024-04-01',
  booksFromSource: 'estimated',
  yearStartMonth: 4,
};

function withList(list: () => CompanySummary[]) {
  return { 'companies.list': () => ({ data: list(), source: 'database' as const, tookMs: 1 }) };
}

async function card(name: string): Promise<HTMLElement> {
  const heading = await screen.findByRole('heading', { name });
  return heading.closest<HTMLElement>('[data-testid="company-card"]')!;
}

describe('Companies: books from', () => {
  it('shows an estimated date, highlighted, with a Change button', async () => {
    renderApp('#/companies', { handlers: withList(() => [imported]) });
    const c = within(await card('Joshi Agencies'));
    expect(c.getByTestId('books-from')).toHaveTextContent('Books from: 01-04-2024');
    const note = c.getByTestId('books-from-source');
    expect(note).toHaveTextContent('estimated from the first voucher — check it');
    expect(note).toHaveClass('pill-warn');
    expect(c.getByRole('button', { name: /Change/ })).toBeInTheDocument();
    // April is the usual start: not mentioned.
    expect(c.queryByTestId('year-starts')).not.toBeInTheDocument();
  });

  it('saves a corrected date through company.setBooksFrom and shows it', async () => {
    let current = imported;
    const { bridge } = renderApp('#/companies', {
      handlers: {
        ...withList(() => [current]),
        'company.setBooksFrom': (input) => {
          current = { ...current, booksFrom: input.booksFrom, booksFromSource: 'user' };
          return current;
        },
      },
    });
    const c = within(await card('Joshi Agencies'));
    fireEvent.click(c.getByRole('button', { name: /Change/ }));
    const input = c.getByLabelText('Books from');
    // Typed DD-MM-YYYY, as Indian accountants write dates.
    expect(input).toHaveAttribute('placeholder', 'DD-MM-YYYY');
    expect(input).toHaveValue('01-04-2024');
    await waitFor(() => expect(input).toHaveFocus());
    fireEvent.change(input, { target: { value: '01-04-2023' } });
    fireEvent.click(c.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(c.getByTestId('books-from-date')).toHaveTextContent('01-04-2023'));
    expect(c.getByTestId('books-from-source')).toHaveTextContent('set by you');
    expect(c.getByTestId('books-from-source')).not.toHaveClass('pill-warn');
    expect(c.queryByLabelText('Books from')).not.toBeInTheDocument();
    expect(bridge.calls.filter((x) => x.operation === 'company.setBooksFrom').map((x) => x.input)).toEqual([
      { companyGuid: 'co-imp', booksFrom: '2023-04-01' },
    ]);
  });

  it('saves on Enter and cancels on Escape', async () => {
    const { bridge } = renderApp('#/companies', {
      handlers: {
        ...withList(() => [imported]),
        'company.setBooksFrom': (input) => ({ ...imported, booksFrom: input.booksFrom }),
      },
    });
    const c = within(await card('Joshi Agencies'));
    fireEvent.click(c.getByRole('button', { name: /Change/ }));
    fireEvent.keyDown(c.getByLabelText('Books from'), { key: 'Escape' });
    expect(c.queryByLabelText('Books from')).not.toBeInTheDocument();
    await waitFor(() => expect(c.getByRole('button', { name: /Change/ })).toHaveFocus());
    expect(bridge.calls.some((x) => x.operation === 'company.setBooksFrom')).toBe(false);

    fireEvent.click(c.getByRole('button', { name: /Change/ }));
    const input = c.getByLabelText('Books from');
    fireEvent.change(input, { target: { value: '01-04-2022' } });
    // Enter in a form's field submits it (jsdom does not do the implicit submission itself).
    fireEvent.submit(input.closest('form')!);
    await waitFor(() =>
      expect(bridge.calls.find((x) => x.operation === 'company.setBooksFrom')?.input).toEqual({
        companyGuid: 'co-imp',
        booksFrom: '2022-04-01',
      }),
    );
  });

  it("shows the core's refusal in plain words and keeps the form open", async () => {
    renderApp('#/companies', {
      handlers: {
        ...withList(() => [imported]),
        'company.setBooksFrom': () => ({
          code: 'VALIDATION',
          message: 'The books cannot start after the first voucher (01-04-2024).',
        }),
      },
    });
    const c = within(await card('Joshi Agencies'));
    fireEvent.click(c.getByRole('button', { name: /Change/ }));
    fireEvent.change(c.getByLabelText('Books from'), { target: { value: '01-04-2025' } });
    fireEvent.click(c.getByRole('button', { name: 'Save' }));
    const alert = await c.findByRole('alert');
    expect(alert).toHaveTextContent('The date was not saved');
    expect(alert).toHaveTextContent('The books cannot start after the first voucher (01-04-2024).');
    expect(c.getByLabelText('Books from')).toHaveValue('01-04-2025');
    expect(c.getByTestId('books-from-date')).toHaveTextContent('01-04-2024');
    // Cancel closes the form and the message with it.
    fireEvent.click(c.getByRole('button', { name: 'Cancel' }));
    expect(c.queryByRole('alert')).not.toBeInTheDocument();
  });

  it("takes a Tally company's date as Tally gives it: no Change button; names a year not starting in April", async () => {
    const tally: CompanySummary = {
      ...company,
      source: 'tally',
      booksFrom: '2024-01-01',
      booksFromSource: 'tally',
      yearStartMonth: 1,
    };
    renderApp('#/companies', { handlers: withList(() => [tally]) });
    const c = within(await card('Sharma Traders Pvt Ltd'));
    expect(c.getByTestId('books-from')).toHaveTextContent('Books from: 01-01-2024');
    expect(c.getByTestId('books-from-source')).toHaveTextContent('from Tally');
    expect(c.getByTestId('year-starts')).toHaveTextContent('Year starts: January');
    expect(c.queryByRole('button', { name: /Change/ })).not.toBeInTheDocument();
  });

  it('speaks Marathi', async () => {
    renderApp('#/companies', {
      handlers: withList(() => [{ ...imported, yearStartMonth: 1 }]),
      language: 'mr',
    });
    const c = within(await card('Joshi Agencies'));
    expect(c.getByTestId('books-from')).toHaveTextContent('पुस्तके सुरू: 01-04-2024');
    expect(c.getByTestId('books-from-source')).toHaveTextContent('पहिल्या व्हाउचरवरून अंदाज — तपासा');
    expect(c.getByTestId('year-starts')).toHaveTextContent('वर्ष सुरू: जानेवारी');
    expect(c.getByRole('button', { name: /बदला/ })).toBeInTheDocument();
  });
});
