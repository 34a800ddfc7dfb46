// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { InputOf } from '../../../shared/contract';
import type { FakeBridge } from '../fake-bridge';
import { renderApp } from '../render-app';
import {
  GSTIN,
  gstr1Answer,
  gstr1JsonAnswer,
  gstr3bAnswer,
  manyVoucherRefs,
  recoAnswer,
  vouchersHandler,
  vouchersPage,
} from './answers';

const handlers = {
  'gst.gstr1': () => gstr1Answer,
  'gst.gstr1Json': () => gstr1JsonAnswer,
  'gst.gstr3b': () => gstr3bAnswer,
  'gst.gstr2bReco': () => recoAnswer,
  'gst.vouchers': vouchersHandler,
} as const;

/** What the screen asked `gst.vouchers`, in order. */
const vouchersAsked = (bridge: FakeBridge) =>
  bridge.calls.filter((c) => c.operation === 'gst.vouchers').map((c) => c.input as InputOf<'gst.vouchers'>);

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
    // The section's vouchers are asked of the core when it opens, the first page of 500.
    expect(vouchersAsked(bridge)).toEqual([
      {
        companyGuid: 'co-1',
        month: '2024-08',
        of: { return: 'gstr1', section: 'b2b' },
        offset: 0,
        limit: 500,
      },
    ]);
    const row = within(vouchers).getByText('S/1').closest('tr')!;
    expect(row).toHaveTextContent('Kulkarni Stores');
    expect(row).toHaveTextContent('₹23,600.00');
    // The totals row is the section's sum as the core states it.
    expect(vouchers.querySelector('tfoot tr')).toHaveTextContent('₹20,000.00');
    expect(screen.queryByTestId('gst-vouchers-shown')).toBeNull();
    fireEvent.keyDown(row, { key: 'Enter' });
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/voucher\?.*v=v-s1/));
  });

  it('lists the HSN summary and the vouchers of an HSN row', async () => {
    const { bridge } = renderApp('#/gstr1?m=2024-08&s=hsn', { handlers });
    const hsn = await screen.findByRole('grid', { name: 'HSN/SAC summary' });
    fireEvent.click(within(hsn).getByText('9403'));
    await waitFor(() => expect(window.location.hash).toContain('h=0'));
    const vouchers = await screen.findByRole('grid', { name: 'Vouchers of HSN/SAC 9403 at 18%' });
    // The row is named by its table, HSN, UQC and rate (before May 2025 one table: "all").
    expect(vouchersAsked(bridge).map((i) => i.of)).toEqual([
      { return: 'gstr1-hsn', table: 'all', hsn: '9403', uqc: 'NOS', rate: 1800 },
    ]);
    expect(
      within(vouchers)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(expect.arrayContaining([expect.stringContaining('S/1'), expect.stringContaining('S/2')]));
    // S/1 ₹20,000 and S/2 ₹5,000: the row's ₹25,000.
    expect(vouchers.querySelector('tfoot tr')).toHaveTextContent('₹25,000.00');
  });

  it('does not open a section without vouchers', async () => {
    const { bridge } = renderApp('#/gstr1?m=2024-08', { handlers });
    const table = await screen.findByRole('grid', { name: 'GSTR-1' });
    expect(gstr1Answer.view.sections.find((s) => s.section === 'cdnr')!.count).toBe(0);
    const cdnr = within(table).getByText('CDNR').closest('tr')!;
    fireEvent.click(cdnr);
    fireEvent.keyDown(cdnr, { key: 'Enter' });
    // B2B opens, so the click above would have, had CDNR had vouchers.
    fireEvent.click(within(table).getByText('B2B'));
    await waitFor(() => expect(window.location.hash).toContain('s=b2b'));
    expect(vouchersAsked(bridge).map((i) => i.of)).not.toContainEqual({ return: 'gstr1', section: 'cdnr' });
  });

  it('pages through a section of many vouchers, its totals the whole section’s', async () => {
    const all = manyVoucherRefs(1234);
    const { bridge } = renderApp('#/gstr1?m=2024-08&s=b2cs', {
      handlers: { ...handlers, 'gst.vouchers': (input) => vouchersPage(input, all) },
    });
    const grid = await screen.findByRole('grid', { name: /B2CS/ });
    expect(await screen.findByTestId('gst-vouchers-shown')).toHaveTextContent('Vouchers 1–500 of 1,234');
    expect(within(grid).getAllByText(/^M\/\d+$/)).toHaveLength(500);
    // 1,234 × ₹100 taxable and ₹9 CGST: the sum of every page, not of this one.
    const foot = grid.querySelector('tfoot tr')!;
    expect(foot).toHaveTextContent('₹1,23,400.00');
    expect(foot).toHaveTextContent('₹11,106.00');
    fireEvent.click(screen.getByRole('button', { name: /Next/ }));
    await waitFor(() => expect(window.location.hash).toContain('page=2'));
    expect(await screen.findByText('M/501')).toBeInTheDocument();
    expect(screen.getByTestId('gst-vouchers-shown')).toHaveTextContent('Vouchers 501–1,000 of 1,234');
    expect(screen.queryByText('M/500')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /Next/ }));
    expect(await screen.findByText('M/1234')).toBeInTheDocument();
    expect(screen.getByTestId('gst-vouchers-shown')).toHaveTextContent('Vouchers 1,001–1,234 of 1,234');
    expect(vouchersAsked(bridge).map((i) => [i.offset, i.limit])).toEqual([
      [0, 500],
      [500, 500],
      [1000, 500],
    ]);
    expect(vouchersAsked(bridge).every((i) => i.of.return === 'gstr1' && i.of.section === 'b2cs')).toBe(true);
  });

  it('exports every voucher of the section, gathered in pages of 5,000, not the page on screen', async () => {
    const download = captureDownload();
    const all = manyVoucherRefs(1234);
    const { bridge } = renderApp('#/gstr1?m=2024-08&s=b2cs&page=2', {
      handlers: { ...handlers, 'gst.vouchers': (input) => vouchersPage(input, all) },
    });
    await screen.findByText('M/501');
    fireEvent.click(screen.getByRole('button', { name: /CSV/ }));
    await waitFor(() => expect(download.name()).toMatch(/GSTR-1 - B2CS.*\.csv$/));
    expect(vouchersAsked(bridge).map((i) => [i.offset, i.limit])).toEqual([
      [500, 500],
      [0, 5000],
    ]);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(download.blob()!);
    });
    const lines = text.split(/\r?\n/);
    expect(lines.filter((l) => /M\/\d+/.test(l))).toHaveLength(1234);
  });

  it('refuses a workbook whose figures changed while their vouchers were read', async () => {
    captureDownload();
    renderApp('#/gstr1?m=2024-08', {
      handlers: {
        ...handlers,
        // The sum stated is not the vouchers' (a sync between two pages).
        'gst.vouchers': (input) => {
          const page = vouchersHandler(input);
          return { ...page, sum: { ...page.sum, taxable: page.sum.taxable + 1 } };
        },
      },
    });
    await screen.findByRole('grid', { name: 'GSTR-1' });
    fireEvent.click(screen.getByRole('button', { name: /Excel/ }));
    expect(await screen.findByTestId('export-refused')).toHaveTextContent(
      'The books changed while the vouchers were read',
    );
  });

  it('saves the portal JSON as GSTR1_<GSTIN>_<MMYYYY>.json', async () => {
    const download = captureDownload();
    renderApp('#/gstr1?m=2024-08', { handlers });
    fireEvent.click(await screen.findByTestId('download-json'));
    // GSTR-1's JSON (every invoice) is asked for when it is downloaded.
    await waitFor(() => expect(download.name()).toBe(`GSTR1_${GSTIN}_082024.json`));
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
    const { bridge } = renderApp('#/gstr3b?m=2024-08', { handlers });
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
    expect(vouchersAsked(bridge)).toEqual([
      {
        companyGuid: 'co-1',
        month: '2024-08',
        of: { return: 'gstr3b', figure: '4A5' },
        offset: 0,
        limit: 500,
      },
    ]);
    const row = within(vouchers).getByText('P/1').closest('tr')!;
    expect(row).toHaveTextContent('Deccan Suppliers');
    expect(vouchers.querySelector('tfoot tr')).toHaveTextContent('₹10,000.00');
    fireEvent.click(row);
    await waitFor(() => expect(window.location.hash).toMatch(/v=v-p1/));
  });

  it('does not open a figure without vouchers', async () => {
    const { bridge } = renderApp('#/gstr3b?m=2024-08', { handlers });
    const t4 = await screen.findByRole('grid', { name: '4 Eligible ITC' });
    expect(gstr3bAnswer.view.figures.find((f) => f.id === '4A1')!.count).toBe(0);
    fireEvent.click(within(t4).getByText('(1) Import of goods').closest('tr')!);
    fireEvent.click(within(t4).getByText('(5) All other ITC').closest('tr')!);
    await waitFor(() => expect(window.location.hash).toContain('f=4A5'));
    expect(vouchersAsked(bridge).map((i) => i.of)).toEqual([{ return: 'gstr3b', figure: '4A5' }]);
  });

  it('lists the vouchers of a state of table 3.2, its totals the state’s', async () => {
    const karnataka = manyVoucherRefs(3).map((v) => ({
      ...v,
      placeOfSupply: '29',
      igst: 18_00,
      cgst: 0,
      sgst: 0,
    }));
    const answer = {
      ...gstr3bAnswer,
      view: {
        ...gstr3bAnswer.view,
        states: { ...gstr3bAnswer.view.states, '29': 'Karnataka' },
        interState: [{ placeOfSupply: '29', taxable: 300_00, igst: 54_00, count: 3 }],
      },
    };
    const { bridge } = renderApp('#/gstr3b?m=2024-08', {
      handlers: {
        ...handlers,
        'gst.gstr3b': () => answer,
        'gst.vouchers': (input) => vouchersPage(input, karnataka),
      },
    });
    const t32 = await screen.findByRole('grid', { name: /^3\.2 / });
    fireEvent.click(within(t32).getByText('29-Karnataka'));
    await waitFor(() => expect(window.location.hash).toContain('f=3.2%3A29'));
    const vouchers = await screen.findByRole('grid', { name: /Karnataka/ });
    expect(vouchersAsked(bridge).map((i) => i.of)).toEqual([{ return: 'gstr3b-state', placeOfSupply: '29' }]);
    expect(within(vouchers).getAllByText(/^M\/\d$/)).toHaveLength(3);
    const foot = vouchers.querySelector('tfoot tr')!;
    expect(foot).toHaveTextContent('₹300.00');
    expect(foot).toHaveTextContent('₹54.00');
  });

  it('does not print a figure too large for paper, pointing to Excel, before fetching its vouchers', async () => {
    const all = manyVoucherRefs(25_000);
    const answer = {
      ...gstr3bAnswer,
      view: {
        ...gstr3bAnswer.view,
        figures: gstr3bAnswer.view.figures.map((f) => (f.id === '3.1a' ? { ...f, count: all.length } : f)),
      },
    };
    const { bridge } = renderApp('#/gstr3b?m=2024-08&f=3.1a', {
      handlers: {
        ...handlers,
        'gst.gstr3b': () => answer,
        'gst.vouchers': (input) => vouchersPage(input, all),
      },
    });
    await screen.findByTestId('gst-vouchers-shown');
    fireEvent.click(screen.getByTestId('print-report'));
    expect(await screen.findByTestId('export-refused')).toHaveTextContent('25,000');
    expect(vouchersAsked(bridge).map((i) => i.limit)).toEqual([500]);
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
