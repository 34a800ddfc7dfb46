// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../render-app';
import { GSTIN, gstr1Answer, gstr3bAnswer, recoAnswer } from './answers';

const handlers = {
  'gst.gstr1': () => gstr1Answer,
  'gst.gstr3b': () => gstr3bAnswer,
  'gst.gstr2bReco': () => recoAnswer,
} as const;

/** The file name and text of the next download (the app saves through a link's download attribute). */
function captureDownload(): { name: () => string | null; blob: () => Blob | null } {
  let name: string | null = null;
  let blob: Blob | null = null;
  URL.createObjectURL = (b: Blob | MediaSource) => {
    blob = b as Blob;
    return 'blob:x';
  };
  URL.revokeObjectURL = () => undefined;
  HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
    name = this.download;
  };
  return { name: () => name, blob: () => blob };
}

describe('GSTR-1 screen', () => {
  it('shows each section with its totals, drills to its vouchers, and Enter opens a voucher', async () => {
    const { bridge } = renderApp('#/gstr1?m=2024-08', { handlers });
    const table = await screen.findByRole('grid', { name: 'GSTR-1' });
    expect(bridge.calls.find((c) => c.operation === 'gst.gstr1')?.input).toEqual({
      companyGuid: 'co-1',
      month: '2024-08',
    });
    const b2b = within(table).getByText('B2B').closest('tr')!;
    // ₹20,000 taxable, CGST and SGST ₹1,800 each.
    expect(b2b).toHaveTextContent('₹20,000.00');
    expect(b2b).toHaveTextContent('₹1,800.00');
    const b2cs = within(table).getByText('B2CS').closest('tr')!;
    expect(b2cs).toHaveTextContent('₹5,000.00');
    // The total adds up the sections with amounts: ₹25,000.
    expect(table.querySelector('tfoot tr')).toHaveTextContent('₹25,000.00');
    expect(screen.getByTestId('gst-counts')).toHaveTextContent(
      '2 vouchers in the return · 0 cancelled · 1 left out',
    );
    fireEvent.keyDown(b2b, { key: 'Enter' });
    await waitFor(() => expect(window.location.hash).toContain('s=b2b'));
    const vouchers = await screen.findByRole('grid', { name: /B2B — Supplies to registered persons/ });
    const row = within(vouchers).getByText('S/1').closest('tr')!;
    expect(row).toHaveTextContent('Kulkarni Stores');
    expect(row).toHaveTextContent('₹23,600.00');
    fireEvent.keyDown(row, { key: 'Enter' });
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/voucher\?.*v=v-s1/));
  });

  it('lists the HSN summary and the vouchers of an HSN row', async () => {
    renderApp('#/gstr1?m=2024-08&s=hsn', { handlers });
    const hsn = await screen.findByRole('grid', { name: 'HSN/SAC summary' });
    fireEvent.click(within(hsn).getByText('9403'));
    await waitFor(() => expect(window.location.hash).toContain('h=0'));
    const vouchers = await screen.findByRole('grid', { name: 'Vouchers of HSN/SAC 9403 at 18%' });
    expect(
      within(vouchers)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(expect.arrayContaining([expect.stringContaining('S/1'), expect.stringContaining('S/2')]));
  });

  it('saves the portal JSON as GSTR1_<GSTIN>_<MMYYYY>.json', async () => {
    const download = captureDownload();
    renderApp('#/gstr1?m=2024-08', { handlers });
    fireEvent.click(await screen.findByTestId('download-json'));
    expect(download.name()).toBe(`GSTR1_${GSTIN}_082024.json`);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(download.blob()!);
    });
    const json = JSON.parse(text) as { gstin: string; fp: string };
    expect(json).toMatchObject({ gstin: GSTIN, fp: '082024' });
  });

  it('asks the month chosen', async () => {
    const { bridge } = renderApp('#/gstr1?m=2024-08', { handlers });
    fireEvent.change(await screen.findByTestId('gst-month'), { target: { value: '2024-07' } });
    await waitFor(() =>
      expect(
        bridge.calls.some(
          (c) => c.operation === 'gst.gstr1' && (c.input as { month: string }).month === '2024-07',
        ),
      ).toBe(true),
    );
  });
});

describe('GSTR-3B screen', () => {
  it("lays the figures out in the form's tables and lists the vouchers behind one", async () => {
    renderApp('#/gstr3b?m=2024-08', { handlers });
    const t31 = await screen.findByRole('grid', { name: /^3\.1 Details of outward supplies/ });
    const a = within(t31)
      .getByText(/^\(a\) Outward taxable supplies/)
      .closest('tr')!;
    expect(a).toHaveTextContent('₹25,000.00');
    const t4 = screen.getByRole('grid', { name: '4 Eligible ITC' });
    const other = within(t4).getByText('(5) All other ITC').closest('tr')!;
    expect(other).toHaveTextContent('₹900.00');
    expect(within(t4).getByText('(A) ITC available (whether in full or part)')).toBeInTheDocument();
    fireEvent.click(other);
    await waitFor(() => expect(window.location.hash).toContain('f=4A5'));
    const vouchers = await screen.findByRole('grid', { name: '4(A)(5) (5) All other ITC' });
    const row = within(vouchers).getByText('P/1').closest('tr')!;
    expect(row).toHaveTextContent('Deccan Suppliers');
    fireEvent.click(row);
    await waitFor(() => expect(window.location.hash).toMatch(/v=v-p1/));
  });

  it('names the tables in Marathi', async () => {
    renderApp('#/gstr3b?m=2024-08', { handlers, language: 'mr' });
    expect(await screen.findByRole('grid', { name: '4 पात्र इनपुट टॅक्स क्रेडिट (ITC)' })).toBeInTheDocument();
    expect(screen.getByText('(5) इतर सर्व ITC')).toBeInTheDocument();
  });
});

describe('GSTR-2B reconciliation screen', () => {
  it('sends the chosen 2B file, shows the buckets with their totals and drills into one', async () => {
    const { bridge } = renderApp('#/gstr2b?m=2024-08', { handlers });
    const input = await screen.findByTestId('gstr2b-file');
    const file = new File(
      [JSON.stringify({ data: { gstin: GSTIN, rtnprd: '082024', docdata: {} } })],
      '2B.json',
      {
        type: 'application/json',
      },
    );
    fireEvent.change(input, { target: { files: [file] } });
    const buckets = await screen.findByRole('grid', { name: 'GSTR-2B reconciliation' });
    expect(bridge.calls.find((c) => c.operation === 'gst.gstr2bReco')?.input).toEqual({
      companyGuid: 'co-1',
      month: '2024-08',
      gstr2b: { data: { gstin: GSTIN, rtnprd: '082024', docdata: {} } },
    });
    expect(within(buckets).getByText('Mismatched').closest('tr')).toHaveTextContent('₹5,000.00');
    // The buckets add up to the 2B file's total (₹17,000) and the books' (₹14,000).
    const foot = buckets.querySelector('tfoot tr')!;
    expect(foot).toHaveTextContent('₹17,000.00');
    expect(foot).toHaveTextContent('₹14,000.00');
    fireEvent.click(within(buckets).getByText('Mismatched'));
    await waitFor(() => expect(window.location.hash).toContain('b=mismatched'));
    const rows = await screen.findByRole('grid', { name: 'Mismatched' });
    expect(within(rows).getByText('DS/2').closest('tr')).toHaveTextContent('taxable value, CGST, SGST');
  });

  it('says so when the chosen file is not JSON, and sends nothing', async () => {
    const { bridge } = renderApp('#/gstr2b?m=2024-08', { handlers });
    const input = await screen.findByTestId('gstr2b-file');
    fireEvent.change(input, { target: { files: [new File(['<xml/>'], 'GSTR2B.xml')] } });
    expect(await screen.findByTestId('gstr2b-problem')).toHaveTextContent('GSTR2B.xml is not a JSON file');
    expect(bridge.calls.some((c) => c.operation === 'gst.gstr2bReco')).toBe(false);
  });

  it("shows the core's refusal of another GSTIN's file", async () => {
    renderApp('#/gstr2b?m=2024-08', {
      handlers: {
        ...handlers,
        'gst.gstr2bReco': () => ({
          code: 'VALIDATION',
          message: `This GSTR-2B is for GSTIN 29AAAAA0000A1Z5, not the company's ${GSTIN}`,
        }),
      },
    });
    const input = await screen.findByTestId('gstr2b-file');
    fireEvent.change(input, { target: { files: [new File(['{}'], '2B.json')] } });
    expect(await screen.findByText(/not the company's/)).toBeInTheDocument();
  });
});

describe('GST exceptions screen', () => {
  it('lists what to correct and the vouchers behind the tax ledgers’ difference', async () => {
    renderApp('#/gstExceptions?m=2024-08', { handlers });
    const list = await screen.findByRole('grid', { name: 'GST exceptions' });
    const row = within(list).getByText('S/3').closest('tr')!;
    expect(row).toHaveTextContent('Registered party without GSTIN');
    expect(row).toHaveTextContent('Left out');
    const heads = await screen.findByRole('grid', { name: 'Tax ledgers / Returns' });
    // Tax ledgers, returns and the ₹180 IGST difference.
    expect(within(heads).getByText('Difference').closest('tr')).toHaveTextContent('₹180.00');
    const vouchers = screen.getByRole('grid', { name: 'Tax ledgers against the returns' });
    fireEvent.click(within(vouchers).getByText('S/3'));
    await waitFor(() => expect(window.location.hash).toMatch(/v=v-s3/));
  });
});

describe('GST in the menu', () => {
  it('is a group of its own for the desktop owner', async () => {
    renderApp('#/gstr1?m=2024-08', { handlers });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    for (const name of ['GSTR-1', 'GSTR-3B', 'GSTR-2B reconciliation', 'GST exceptions'])
      expect(within(nav).getByText(name)).toBeInTheDocument();
  });

  it('is hidden from office-portal users, whose server refuses its operations', async () => {
    const { bridge } = renderApp('#/gstr1?m=2024-08', {
      handlers: {
        ...handlers,
        'auth.me': () => ({
          username: 'meera',
          displayName: 'Meera Joshi',
          role: 'owner',
          companies: [],
          disabled: false,
          createdAt: '2026-01-01T00:00:00.000Z',
        }),
      },
    });
    expect(await screen.findByTestId('desktop-only')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(nav.querySelector('[data-screen^="gst"]')).toBeNull();
    expect(bridge.calls.some((c) => c.operation.startsWith('gst.'))).toBe(false);
  });
});
