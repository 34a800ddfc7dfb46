import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PartyStatement } from '../../../electron/core/collections/statement';
import {
  statementHtml,
  statementOfAccountFrom,
  statementPdf,
  type StatementPdfInput,
} from '../../../electron/core/collections/statement-pdf';
import { ChromiumPdfRenderer } from '../../../electron/core/print/chromium-pdf';
import { statementAgeing, statementDocument } from '../../../shared/print/statement';
import { STATEMENT_WORDS } from '../../../shared/print/statement-words';
import type { StatementLedgerLine } from '../../../shared/print/statement';

const OUT = path.join(__dirname, '../../../test-output/statement-pdf');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A debtor with an old overdue bill, a newer one, one not yet due and an advance On Account. */
const statement: PartyStatement = {
  ledgerGuid: 'L-PATIL',
  partyName: 'पाटील ट्रेडर्स (Patil Traders)',
  group: 'Sundry Debtors',
  companyName: 'Sharma & Sons',
  kind: 'receivable',
  asOn: '2026-03-31',
  totalDue: 1_22_500_00,
  overdue: 95_000_00,
  notDue: 30_000_00,
  onAccount: -2_500_00,
  bills: [
    {
      billName: 'INV/001',
      billDate: '2025-10-01',
      dueDate: '2025-10-31',
      overdueDays: 151,
      amount: 50_000_00,
      interest: 3_719_18,
    },
    {
      billName: 'INV/014',
      billDate: '2026-01-10',
      dueDate: '2026-02-09',
      overdueDays: 50,
      amount: 45_000_00,
      interest: 1_109_59,
    },
    {
      billName: 'INV/020',
      billDate: '2026-03-20',
      dueDate: '2026-04-19',
      overdueDays: -19,
      amount: 30_000_00,
      interest: 0,
    },
  ],
  interest: 4_828_77,
  interestNote: null,
};

function ledgerOf(count: number) {
  let balance = 20_000_00;
  const lines: StatementLedgerLine[] = Array.from({ length: count }, (_, i) => {
    const debit = i % 2 === 0 ? 10_000_00 : 0;
    const credit = i % 2 === 1 ? 4_000_00 : 0;
    balance += debit - credit;
    return {
      date: `2025-${String(4 + Math.floor(i / 16)).padStart(2, '0')}-${String(1 + (i % 16)).padStart(2, '0')}`,
      particulars: i % 2 === 0 ? 'Sales Account' : 'Bank of Maharashtra',
      voucherType: i % 2 === 0 ? 'Sales' : 'Receipt',
      voucherNumber: String(101 + i),
      narration: i % 5 === 0 ? `Challan ${i} दिनांक` : '',
      debit,
      credit,
      balance,
    };
  });
  return {
    from: '2025-04-01',
    to: '2026-03-31',
    opening: 20_000_00,
    lines,
    totalDebit: lines.reduce((s, l) => s + l.debit, 0),
    totalCredit: lines.reduce((s, l) => s + l.credit, 0),
    closing: balance,
  };
}

const input = (overrides: Partial<StatementPdfInput> = {}): StatementPdfInput => ({
  statement,
  company: {
    name: 'Sharma & Sons',
    address: ['12, M.G. Road', 'Pune 411001'],
    gstin: '27AAAPS1234A1Z5',
    state: 'Maharashtra',
  },
  party: { address: ['Shop 4, Laxmi Road', 'Pune 411030'], gstin: '27BBBPP9876B1Z2', state: 'Maharashtra' },
  ledger: ledgerOf(6),
  language: 'en',
  ...overrides,
});

/** pdftotext of every page (form feeds split them), spaces squeezed. */
function pagesOf(pdf: Uint8Array, name: string): string[] {
  const file = path.join(OUT, `${name}.pdf`);
  writeFileSync(file, pdf);
  // The pages as pictures, to look at (test-output is git-ignored).
  execFileSync('pdftoppm', ['-r', '80', '-png', file, path.join(OUT, name)]);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((p) => p.trim() !== '')
    .map((p) => p.replace(/[ \t]+/g, ' '));
}

describe('statement of account: the document', () => {
  const soa = statementOfAccountFrom(input());

  it('ages the bills by days overdue and adds up to the party’s total', () => {
    const ageing = statementAgeing(soa);
    expect(ageing.notDue).toBe(30_000_00);
    // Default buckets 0-30, 31-60, 61-90, 91-180, over 180: INV/014 is 50 days, INV/001 151 days overdue.
    expect(ageing.buckets.map((b) => b.amount)).toEqual([0, 45_000_00, 0, 50_000_00, 0]);
    expect(ageing.total).toBe(statement.totalDue);
  });

  it('prints an interest column only when interest is charged', () => {
    const words = STATEMENT_WORDS.en;
    expect(statementDocument(soa, words).columns.map((c) => c.header)).toContain('Interest');
    const none = statementOfAccountFrom(
      input({
        statement: { ...statement, interest: 0, bills: statement.bills.map((b) => ({ ...b, interest: 0 })) },
      }),
    );
    expect(none.interest).toBeNull();
    const doc = statementDocument(none, words);
    expect(doc.columns.map((c) => c.header)).not.toContain('Interest');
    expect(doc.preamble?.[1]?.lines.join('\n')).not.toContain('Interest');
  });

  it('addresses the party with its address and GSTIN under the company’s letterhead', () => {
    const doc = statementDocument(soa, STATEMENT_WORDS.en);
    expect(doc.letterhead).toEqual([
      '12, M.G. Road',
      'Pune 411001',
      'GSTIN: 27AAAPS1234A1Z5 · State: Maharashtra',
    ]);
    expect(doc.preamble?.[0]?.lines).toEqual([
      'पाटील ट्रेडर्स (Patil Traders)',
      'Shop 4, Laxmi Road',
      'Pune 411030',
      'GSTIN: 27BBBPP9876B1Z2',
      'State: Maharashtra',
    ]);
    expect(doc.sections?.map((s) => s.caption)).toEqual([
      'Ageing of pending bills',
      'Ledger account, 01-04-2025 to 31-03-2026',
    ]);
  });
});

describe('statement of account: the PDF (Chromium)', () => {
  const renderer = new ChromiumPdfRenderer({ executablePath: CHROMIUM });
  beforeAll(() => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
  });
  afterAll(() => renderer.close());

  it('prints the figures in English: bills, interest, ageing, the ledger and its closing balance', async () => {
    const pdf = await statementPdf(input({ printedOn: 'Printed on 31-03-2026 10:00' }), renderer);
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    const pages = pagesOf(pdf, 'statement-en');
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    expect(text).toContain('Sharma & Sons');
    expect(text).toContain('GSTIN: 27AAAPS1234A1Z5');
    // The title's Devanagari party name comes out of pdftotext on a line of its own.
    expect(text).toContain('Statement of account -');
    expect(text).toContain('(Patil Traders)');
    expect(text).toContain('As on 31-03-2026');
    expect(text).toContain('Page 1 of 1');
    expect(text).toMatch(/INV\/001 01-10-2025 31-10-2025 151 50,000.00 3,719.18/);
    expect(text).toMatch(/INV\/014 10-01-2026 09-02-2026 50 45,000.00 1,109.59/);
    expect(text).toMatch(/INV\/020 20-03-2026 19-04-2026 Not due 30,000.00/);
    expect(text).toMatch(/On account -2,500.00/);
    expect(text).toMatch(/Total 1,22,500.00 4,828.77/);
    expect(text).toContain('Total due with interest: ₹1,27,328.77');
    // Ageing: not due, 0-30, 31-60, 61-90, 91-180, over 180, On Account, total.
    expect(text).toMatch(/30,000.00 45,000.00 50,000.00 -2,500.00 1,22,500.00/);
    expect(text).toMatch(/Opening balance 20,000.00 Dr/);
    expect(text).toMatch(/Total 30,000.00 12,000.00/);
    expect(text).toMatch(/Closing balance 38,000.00 Dr/);
  });

  it('prints मराठी with its own words and the same figures', async () => {
    const pages = pagesOf(await statementPdf(input({ language: 'mr' }), renderer), 'statement-mr');
    // pdftotext splits some Devanagari clusters with a space: compare without spaces.
    const text = pages.join('').replace(/\s+/g, '');
    for (const word of ['खातेउतारा', 'बाकीबिले', 'मुदतबाकी', 'थकीतबिलांवरीलव्याज', 'आरंभीचीशिल्लक', 'पान1'])
      expect(text).toContain(word);
    expect(text).toContain('INV/00101-10-202531-10-202515150,000.003,719.18');
    expect(text).toContain('38,000.00नावे');
  });

  it('carries a long ledger over pages: carried forward on one page is brought forward on the next', async () => {
    const pages = pagesOf(await statementPdf(input({ ledger: ledgerOf(140) }), renderer), 'statement-long');
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
    for (let i = 0; i < pages.length - 1; i += 1) {
      const carried = /Carried forward ([\d,.]+) ([\d,.]+) ([\d,.]+ Dr)/.exec(pages[i]!);
      const brought = /Brought forward ([\d,.]+) ([\d,.]+) ([\d,.]+ Dr)/.exec(pages[i + 1]!);
      expect(carried, `page ${i + 1}`).not.toBeNull();
      expect(brought?.slice(1)).toEqual(carried?.slice(1));
    }
    expect(pages.at(-1)).toMatch(/Closing balance 4,40,000.00 Dr/);
    // Every ledger line printed once.
    const numbers = pages.join('\n').match(/(?:Sales|Receipt) (\d{3})/g) ?? [];
    expect(numbers).toHaveLength(140);
  });

  it('serves statements asked for at once, one page at a time', async () => {
    const [a, b] = await Promise.all([
      statementHtml(input({ ledger: ledgerOf(140) }), renderer),
      statementPdf(input({ language: 'hi' }), renderer),
    ]);
    expect(a).toContain('Carried forward');
    expect(pagesOf(b, 'statement-hi').join('').replace(/\s+/g, '')).toContain('खातेकाविवरण');
  });
});
