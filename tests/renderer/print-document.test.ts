import type { ExportSheet } from '../../renderer/src/lib/export';
import { documentFromSheet, type PrintDocument } from '../../shared/print/document';
import {
  documentWithLetterhead,
  LETTERHEAD_LINE_CHARS,
  letterheadFromProfile,
  sheetWithLetterhead,
} from '../../shared/print/letterhead';
import { paginate } from '../../shared/print/paginate';
import { estimateHeights, HEAD_MM, LETTERHEAD_LINE_MM, renderDocument } from '../../shared/print/render';
import type { CompanyProfile } from '../../shared/types/collections';

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

describe('letterhead on every printed page', () => {
  const profile: CompanyProfile = {
    companyGuid: 'co-1',
    name: 'Sharma & Sons - 2025-26',
    mailingName: 'Sharma & Sons',
    address: ['Office 4, Laxmi Road', 'Pune'],
    state: 'Maharashtra',
    pincode: '411030',
    country: 'India',
    email: 'accounts@sharma.example',
    phone: null,
    gstin: '27AAAFS1234K1Z5',
    registrationType: 'Regular',
  };
  const labels = {
    page: (p: number, n: number) => `Page ${p} of ${n}`,
    printedOn: 'Printed on 07-12-2026 09:15 pm',
  };
  const carry = {
    debit: 2,
    credit: 3,
    balance: 4,
    labels: { broughtForward: 'Brought forward', carriedForward: 'Carried forward' },
  };
  const pagesOf = (doc: PrintDocument) =>
    renderDocument(doc, estimateHeights(doc), labels, money).split('<section class="pd-page"').slice(1);
  const headOf = (page: string) => /<header class="pd-head"[^>]*>([\s\S]*?)<\/header>/.exec(page)![1]!;

  it('makes a compact letterhead: the printed (mailing) name, the address on one line, the GSTIN', () => {
    expect(letterheadFromProfile(profile, { gstin: 'GSTIN' })).toEqual({
      name: 'Sharma & Sons',
      lines: ['Office 4, Laxmi Road, Pune, Maharashtra - 411030', 'GSTIN: 27AAAFS1234K1Z5'],
    });
    // State and pincode already typed into the address are not repeated; no GSTIN, no GSTIN line.
    expect(
      letterheadFromProfile(
        { ...profile, address: ['Plot 7, MIDC', 'Pune 411030, Maharashtra'], gstin: null },
        { gstin: 'GSTIN' },
      )!.lines,
    ).toEqual(['Plot 7, MIDC, Pune 411030, Maharashtra']);
    // A long address on two lines, cut where an address line ends, neither over the limit.
    const long = letterheadFromProfile(
      {
        ...profile,
        address: [
          'Unit 1204, Twelfth Floor, Tower B, Cyber Heights Commercial Complex',
          'Near Old Octroi Naka, Pune-Satara Road, Bibwewadi',
          'Pune',
        ],
      },
      { gstin: 'GSTIN' },
    )!;
    expect(long.lines).toHaveLength(3);
    expect(long.lines[0]).toBe('Unit 1204, Twelfth Floor, Tower B, Cyber Heights Commercial Complex');
    expect(long.lines[1]).toBe(
      'Near Old Octroi Naka, Pune-Satara Road, Bibwewadi, Pune, Maharashtra - 411030',
    );
    for (const line of long.lines) expect(line.length).toBeLessThanOrEqual(LETTERHEAD_LINE_CHARS);
    // A profile with nothing but the name (an older store): the name alone, no lines at all.
    const bare = {
      ...profile,
      mailingName: '',
      address: [' '],
      state: null,
      pincode: null,
      gstin: null,
    };
    expect(letterheadFromProfile(bare, { gstin: 'GSTIN' })).toEqual({
      name: 'Sharma & Sons - 2025-26',
      lines: [],
    });
    expect(letterheadFromProfile(null, { gstin: 'GSTIN' })).toBeNull();
  });

  it('prints the name, address, GSTIN, report, period, page X of Y and the printed-on line on every page', () => {
    const letterhead = letterheadFromProfile(profile, { gstin: 'GSTIN' });
    const doc = documentFromSheet(sheetWithLetterhead(ledger(160), letterhead), format, { carry });
    expect(doc.company).toBe('Sharma & Sons');
    expect(doc.letterhead).toEqual(letterhead!.lines);
    const pages = pagesOf(doc);
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => {
      const head = headOf(page);
      expect(head).toContain('<div class="pd-company">Sharma &#38; Sons</div>');
      expect(head).toContain('<div>Office 4, Laxmi Road, Pune, Maharashtra - 411030</div>');
      expect(head).toContain('<div>GSTIN: 27AAAFS1234K1Z5</div>');
      expect(head).toContain('Ledger statement - Patil');
      expect(head).toContain('Period: 01-04-2025 to 31-03-2026');
      expect(head).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(head).toContain('Printed on 07-12-2026 09:15 pm');
      // The title block is as tall as its lines: two letterhead lines more than the usual one.
      expect(page).toContain(`style="height:${HEAD_MM + 2 * LETTERHEAD_LINE_MM}mm"`);
    });
  });

  it('prints as before without a profile: the name alone, no empty letterhead lines', () => {
    const plain = documentFromSheet(ledger(160), format, { carry });
    const bare = documentFromSheet(
      sheetWithLetterhead(ledger(160), { name: 'Sharma & Sons', lines: [] }),
      format,
      { carry },
    );
    for (const doc of [plain, bare]) {
      expect(doc.letterhead).toBeUndefined();
      const pages = pagesOf(doc);
      expect(pages.length).toBeGreaterThan(2);
      pages.forEach((page, i) => {
        const head = headOf(page);
        expect(head).toContain('<div class="pd-company">Sharma &#38; Sons</div>');
        expect(head).not.toContain('pd-letterhead');
        expect(head).toContain(`Page ${i + 1} of ${pages.length}`);
        expect(head).toContain('Printed on 07-12-2026 09:15 pm');
        expect(page).toContain(`style="height:${HEAD_MM}mm"`);
      });
    }
    // The letterhead takes room from the rows, never from the page: more pages, each still one sheet.
    const withLetterhead = documentFromSheet(
      sheetWithLetterhead(ledger(160), letterheadFromProfile(profile, { gstin: 'GSTIN' })),
      format,
      { carry },
    );
    expect(pagesOf(withLetterhead).length).toBeGreaterThanOrEqual(pagesOf(plain).length);
  });

  it('reaches every worksheet and the sheet printed instead, and leaves a document with its own alone', () => {
    const letterhead = letterheadFromProfile(profile, { gstin: 'GSTIN' })!;
    const own: PrintDocument = {
      ...documentFromSheet(ledger(3), format),
      company: 'Statement Co',
      letterhead: ['Its own address'],
    };
    const inner = ledger(2);
    const outer: ExportSheet<unknown> = {
      ...(ledger(2) as ExportSheet<unknown>),
      more: [inner as ExportSheet<unknown>],
      print: { sheet: inner as ExportSheet<unknown>, document: own },
    };
    const applied = sheetWithLetterhead(outer, letterhead);
    expect(applied.letterhead).toBe(letterhead);
    expect(applied.more![0]!.letterhead).toBe(letterhead);
    expect(applied.print!.sheet!.letterhead).toBe(letterhead);
    expect(applied.print!.document).toBe(own);
    expect(documentWithLetterhead(own, letterhead)).toBe(own);
    const none = documentFromSheet(ledger(3), format);
    expect(documentWithLetterhead(none, letterhead)).toMatchObject({
      company: 'Sharma & Sons',
      letterhead: letterhead.lines,
    });
    expect(sheetWithLetterhead(outer, null)).toBe(outer);
  });
});
