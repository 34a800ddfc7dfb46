import type { ExportSheet } from '../../renderer/src/lib/export';
import { documentFromSheet } from '../../shared/print/document';
import { paginate } from '../../shared/print/paginate';
import { estimateHeights, renderDocument } from '../../shared/print/render';

interface Line {
  date: string;
  name: string;
  debit: number;
  credit: number;
  balance: number;
}

const format = (kind: string, value: string | number | null): string =>
  value === null || value === 0
    ? ''
    : typeof value === 'number'
      ? `${value / 100}${kind === 'drcr' ? (value > 0 ? ' Dr' : ' Cr') : ''}`
      : String(value);
const money = (kind: 'money' | 'drcr', paise: number) => format(kind, paise);

function ledger(lines: number): ExportSheet<Line> {
  let balance = 1_000_00;
  const rows = Array.from({ length: lines }, (_, i) => {
    const debit = i % 2 === 0 ? 100_00 : 0;
    const credit = i % 2 === 1 ? 40_00 : 0;
    balance += debit - credit;
    return { date: '2025-04-01', name: `Line <${i + 1}> Sales Account`, debit, credit, balance };
  });
  const pinned = (name: string, amount: number): Line => ({
    date: '2025-04-01',
    name,
    debit: 0,
    credit: 0,
    balance: amount,
  });
  return {
    title: 'Ledger statement - Patil',
    company: 'Sharma & Sons',
    period: 'Period: 01-04-2025 to 31-03-2026',
    columns: [
      { header: 'Date', kind: 'date', value: (r) => r.date },
      { header: 'Particulars', kind: 'text', value: (r) => r.name },
      { header: 'Debit', kind: 'money', value: (r) => r.debit },
      { header: 'Credit', kind: 'money', value: (r) => r.credit },
      { header: 'Balance', kind: 'drcr', value: (r) => r.balance },
    ],
    leading: [pinned('Opening balance', 1_000_00)],
    rows,
    totals: { label: 'Total' },
    trailing: [pinned('Closing balance', balance)],
    print: { carry: { debit: 2, credit: 3, balance: 4 } },
  };
}

describe('paginate', () => {
  it('fills pages up to their height, leaving room for the carry rows', () => {
    expect(paginate([5, 5, 5, 5, 5], { body: 12, carryRow: 0, carry: false })).toEqual([[0, 1], [2, 3], [4]]);
    // First page: one carried-forward row; later pages: brought and carried forward.
    expect(paginate([5, 5, 5, 5, 5], { body: 16, carryRow: 3, carry: true })).toEqual([[0, 1], [2, 3], [4]]);
    expect(paginate([5, 5, 5, 5, 5], { body: 15, carryRow: 3, carry: true })).toEqual([
      [0, 1],
      [2],
      [3],
      [4],
    ]);
    expect(paginate([50, 5], { body: 12, carryRow: 0, carry: false })).toEqual([[0], [1]]);
    expect(paginate([], { body: 12, carryRow: 0, carry: false })).toEqual([[]]);
  });
});

describe('print document', () => {
  const sheet = ledger(120);
  const doc = documentFromSheet(sheet, format, {
    carry: {
      debit: 2,
      credit: 3,
      balance: 4,
      labels: { broughtForward: 'Brought forward', carriedForward: 'Carried forward' },
    },
  });

  it('prints the opening once, the totals of the lines once, and the closing', () => {
    expect(doc.leading.map((r) => r.cells[1])).toEqual(['Opening balance']);
    expect(doc.trailing.map((r) => [r.cells[1], r.cells[2], r.cells[3]])).toEqual([
      ['Total', '6000', '2400'],
      ['Closing balance', '', ''],
    ]);
    expect(doc.orientation).toBe('portrait');
    // Particulars gets the most room of the text columns.
    expect(doc.columns[1]!.weight).toBeGreaterThan(doc.columns[0]!.weight);
  });

  it('numbers every page, repeats the headings and carries the running totals from page to page', () => {
    const html = renderDocument(doc, estimateHeights(doc), { page: (p, n) => `Page ${p} of ${n}` }, money);
    const pages = html.split('<section class="pd-page"').slice(1);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain('<thead><tr><th>Date</th><th>Particulars</th>');
      expect(page).toContain('Sharma &#38; Sons');
      expect(page.includes('Brought forward')).toBe(i > 0);
      expect(page.includes('Carried forward')).toBe(i < pages.length - 1);
    });
    expect(html.match(/Opening balance/g)).toHaveLength(1);
    expect(html).toContain('Line &#60;1&#62;');
    // The first page's carried-forward row equals the next page's brought-forward row.
    const carried =
      /Carried forward<\/td><td class="num">([^<]*)<\/td><td class="num">([^<]*)<\/td><td class="num">([^<]*)</.exec(
        pages[0]!,
      )!;
    const brought =
      /Brought forward<\/td><td class="num">([^<]*)<\/td><td class="num">([^<]*)<\/td><td class="num">([^<]*)</.exec(
        pages[1]!,
      )!;
    expect(brought.slice(1)).toEqual(carried.slice(1));
    // ... and is the running total of the lines on the first page.
    const firstPageLines = (pages[0]!.match(/Line &#60;/g) ?? []).length;
    const debit = Math.ceil(firstPageLines / 2) * 100;
    expect(carried[1]).toBe(String(debit));
  });
});
