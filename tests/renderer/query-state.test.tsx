// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import type { ReactNode } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../renderer/src/i18n';
import { QueryState, type QueryLike } from '../../renderer/src/components/QueryState';
import { OperationError } from '../../renderer/src/data/client';

function query<D>(state: Partial<QueryLike<D>>): QueryLike<D> {
  return { isPending: false, isError: false, error: null, data: undefined, refetch: vi.fn(), ...state };
}

function renderEn(ui: ReactNode) {
  return render(<I18nextProvider i18n={createI18n('en')}>{ui}</I18nextProvider>);
}

describe('QueryState', () => {
  it('shows the spinner while the first answer is on its way', () => {
    const children = vi.fn(() => 'rows');
    renderEn(<QueryState query={query<string[]>({ isPending: true })}>{children}</QueryState>);
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
    expect(screen.getByRole('status')).toHaveClass('state', 'state-loading');
    expect(children).not.toHaveBeenCalled();
  });

  it("shows the error's message and tries again on request", () => {
    const q = query<string[]>({
      isError: true,
      error: new OperationError({ code: 'NOT_FOUND', message: 'No such company: co-9' }),
    });
    const children = vi.fn(() => 'rows');
    renderEn(<QueryState query={q}>{children}</QueryState>);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveClass('state', 'state-error');
    expect(alert).toHaveTextContent('This could not be loaded');
    // The user reads what the code means; the core's English words are for Diagnostics.
    expect(alert).toHaveTextContent('What you asked for is not in the books.');
    expect(alert).not.toHaveTextContent('No such company: co-9');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(q.refetch).toHaveBeenCalledTimes(1);
    expect(children).not.toHaveBeenCalled();
  });

  it('shows the empty note when isEmpty says there is nothing to show', () => {
    const children = vi.fn(() => 'rows');
    const { container } = renderEn(
      <QueryState
        query={query({ data: [] as string[] })}
        isEmpty={(d) => d.length === 0}
        empty="Nothing here."
      >
        {children}
      </QueryState>,
    );
    expect(screen.getByText('Nothing here.')).toHaveClass('state', 'state-empty');
    expect(container.querySelector('[role="status"], [role="alert"]')).toBeNull();
    expect(children).not.toHaveBeenCalled();
  });

  it('hands the data to its children once answered', () => {
    renderEn(
      <QueryState
        query={query({ data: ['Cash', 'Bank'] })}
        isEmpty={(d) => d.length === 0}
        empty="Nothing here."
      >
        {(names) => (
          <ul>
            {names.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        )}
      </QueryState>,
    );
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Cash', 'Bank']);
    expect(screen.queryByText('Nothing here.')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('renders nothing when there is neither an answer nor an error yet', () => {
    const { container } = renderEn(<QueryState query={query<string>({})}>{(d) => <p>{d}</p>}</QueryState>);
    expect(container).toBeEmptyDOMElement();
  });
});
