import type { CompanyRecord, LedgerRecord } from '../../../electron/core/db/records';
import { openStore, type Store } from '../../../electron/core/db/store';
import type { Masters } from '../../../electron/core/reports/masters';
import { registerSummary, registerVouchers } from '../../../electron/core/reports/register';
import { AppError } from '../../../shared/errors';
import type { RegisterSummary, RegisterVouchers } from '../../../shared/types/registers';
import { handBooks, voucherTypes, writeHandBooks } from '../db/books';
import { ledger, tempDir } from '../db/fixtures';

/*
 * Register Traders, worked by hand (rupees; debit positive). Voucher types: Sales, Purchase, Credit Note,
 * Journal, "Cash Sales" under Sales and "Export Sales" under Cash Sales (two levels of derived types).
 *
 *   05-Apr  S1   Sales        Customer A Dr 11,800 | Sales Cr 10,000, Output GST Cr 1,800   → Cr 11,800
 *   10-Apr  P1   Purchase     Purchase Dr 5,000, Input GST Dr 900 | Supplier X Cr 5,900   (purchase Dr 5,900)
 *   20-Apr  S2   Sales        Customer B Dr 9,000, Discount Dr 1,000 | Sales Cr 10,000       → Cr 9,000
 *                             (the invoice value, not the 10,000 of its debit lines)
 *   25-Apr  CS1  Cash Sales   Cash Dr 2,360 | Sales Cr 2,000, Output GST Cr 360             → Cr 2,360
 *   28-Apr  C1   Sales, cancelled (Customer A 5,000)           → listed, no amount, not counted
 *   29-Apr  O1   Sales, optional (Customer B 7,000)            → not in the register at all
 *   30-Apr  CN1  Credit Note  Sales Dr 1,000 | Customer A Cr 1,000  → its own register, not the sales one
 *   10-Jun  S3   Sales        Customer A Dr 4,720.50 | Sales Cr 4,000, Output GST Cr 720.50 → Cr 4,720.50
 *   15-Jun  ES1  Export Sales Customer B Dr 3,000 | Sales Cr 3,000                          → Cr 3,000
 *   20-Jun  R1   Sales        Sales Dr 500 | Customer B Cr 500 (a return on a sales voucher)  → Dr 500
 *   15-Jul  PD1  Sales, post-dated (after the last entry, 20-Jun): listed as pending, no amount
 *
 * Sales register 1 Apr – 31 Jul 2025:
 *   April 3 vouchers, Dr 0, Cr 23,160, closing 23,160 Cr; May nothing, 23,160 Cr;
 *   June 3 vouchers, Dr 500, Cr 7,720.50, closing 30,380.50 Cr; July nothing counted, 30,380.50 Cr.
 *   Total 6 vouchers, Dr 500, Cr 30,880.50, closing 30,380.50 Cr.
 */
const COMPANY: CompanyRecord = {
  guid: 'register-co-0001',
  name: 'Register Traders',
  source: 'import',
  booksFrom: '2025-04-01',
  masterAlterId: 10,
  voucherAlterId: 50,
};
const ledgers: LedgerRecord[] = [
  ledger('L-CASH', 'Cash', 'Cash-in-Hand'),
  ledger('L-A', 'Customer A', 'Sundry Debtors'),
  ledger('L-B', 'Customer B', 'Sundry Debtors'),
  ledger('L-X', 'Supplier X', 'Sundry Creditors'),
  ledger('L-SALES', 'Sales', 'Sales Accounts'),
  ledger('L-PUR', 'Purchase', 'Purchase Accounts'),
  ledger('L-OUT', 'Output GST', 'Duties & Taxes'),
  ledger('L-IN', 'Input GST', 'Duties & Taxes'),
  ledger('L-DISC', 'Discount', 'Indirect Expenses'),
];
const { voucher: v, cr, dr } = handBooks(ledgers);
const party = (name: string) => ({ partyLedgerName: name });
const VOUCHERS = [
  v(
    'S1',
    '2025-04-05',
    'Sales',
    [dr('L-A', 11_800), cr('L-SALES', 10_000), cr('L-OUT', 1_800)],
    party('Customer A'),
  ),
  v(
    'P1',
    '2025-04-10',
    'Purchase',
    [dr('L-PUR', 5_000), dr('L-IN', 900), cr('L-X', 5_900)],
    party('Supplier X'),
  ),
  v(
    'S2',
    '2025-04-20',
    'Sales',
    [dr('L-B', 9_000), dr('L-DISC', 1_000), cr('L-SALES', 10_000)],
    party('Customer B'),
  ),
  v('CS1', '2025-04-25', 'Cash Sales', [dr('L-CASH', 2_360), cr('L-SALES', 2_000), cr('L-OUT', 360)]),
  v('C1', '2025-04-28', 'Sales', [dr('L-A', 5_000), cr('L-SALES', 5_000)], {
    ...party('Customer A'),
    isCancelled: true,
  }),
  v('O1', '2025-04-29', 'Sales', [dr('L-B', 7_000), cr('L-SALES', 7_000)], {
    ...party('Customer B'),
    isOptional: true,
  }),
  v('CN1', '2025-04-30', 'Credit Note', [dr('L-SALES', 1_000), cr('L-A', 1_000)], party('Customer A')),
  v(
    'S3',
    '2025-06-10',
    'Sales',
    [dr('L-A', 4_720.5), cr('L-SALES', 4_000), cr('L-OUT', 720.5)],
    party('Customer A'),
  ),
  v('ES1', '2025-06-15', 'Export Sales', [dr('L-B', 3_000), cr('L-SALES', 3_000)], party('Customer B')),
  v('R1', '2025-06-20', 'Sales', [dr('L-SALES', 500), cr('L-B', 500)], party('Customer B')),
  v('PD1', '2025-07-15', 'Sales', [dr('L-A', 800), cr('L-SALES', 800)], {
    ...party('Customer A'),
    isPostDated: true,
  }),
];

const dir = tempDir('tc-registers-');
let store: Store;
let masters: Masters;
beforeAll(() => {
  store = openStore(dir.path('registers.db'));
  masters = writeHandBooks(store, COMPANY, {
    voucherTypes: voucherTypes('t', [
      'Sales',
      'Purchase',
      'Credit Note',
      'Journal',
      ['Cash Sales', 'Sales'],
      ['Export Sales', 'Cash Sales'],
    ]),
    ledgers,
    vouchers: VOUCHERS,
  });
});
afterAll(() => {
  store.close();
  dir.cleanup();
});

const PERIOD = { from: '2025-04-01', to: '2025-07-31' };
const rupees = (r: number) => Math.round(r * 100);
const months = (s: RegisterSummary) =>
  s.months.map((m) => [m.month, m.vouchers, m.debit / 100, m.credit / 100, m.closing / 100]);

/** Every page of a range, the rows joined. */
function allPages(voucherType: string, from: string, to: string, pageSize = 2): RegisterVouchers['vouchers'] {
  const rows: RegisterVouchers['vouchers'] = [];
  for (let page = 1; ; page++) {
    const r = registerVouchers(store.db, masters, { voucherType, from, to, page, pageSize });
    rows.push(...r.vouchers);
    if (r.vouchers.length < pageSize) return rows;
  }
}

describe('the sales register, by hand', () => {
  it('month by month: the invoice values on the credit side, a return on the debit, a running Cr balance', () => {
    const s = registerSummary(store.db, masters, { voucherType: 'Sales', ...PERIOD });
    expect(months(s)).toEqual([
      ['2025-04', 3, 0, 23_160, -23_160],
      ['2025-05', 0, 0, 0, -23_160],
      ['2025-06', 3, 500, 7_720.5, -30_380.5],
      ['2025-07', 0, 0, 0, -30_380.5],
    ]);
    expect({ vouchers: s.vouchers, debit: s.totalDebit, credit: s.totalCredit, closing: s.closing }).toEqual({
      vouchers: 6,
      debit: rupees(500),
      credit: rupees(30_880.5),
      closing: -rupees(30_380.5),
    });
    // Derived types at both levels are in the Sales Register.
    expect(s.scope).toEqual({
      voucherType: 'Sales',
      baseType: 'Sales',
      voucherTypes: ['Cash Sales', 'Export Sales', 'Sales'],
    });
  });

  it("April's vouchers: the cancelled one listed without amount, the optional one and the credit note not at all", () => {
    const april = registerVouchers(store.db, masters, {
      voucherType: 'Sales',
      from: '2025-04-01',
      to: '2025-04-30',
      page: 1,
      pageSize: 50,
    });
    expect(
      april.vouchers.map((r) => [
        r.voucherNumber,
        r.date,
        r.particulars,
        r.voucherType,
        r.debit,
        r.credit,
        r.offBooks,
      ]),
    ).toEqual([
      ['S1', '2025-04-05', 'Customer A', 'Sales', 0, rupees(11_800), null],
      ['S2', '2025-04-20', 'Customer B', 'Sales', 0, rupees(9_000), null],
      // No party on the voucher: its party ledger (Cash) is the particulars.
      ['CS1', '2025-04-25', 'Cash', 'Cash Sales', 0, rupees(2_360), null],
      ['C1', '2025-04-28', 'Customer A', 'Sales', 0, 0, 'cancelled'],
    ]);
    expect({ listed: april.listedVouchers, counted: april.countedVouchers }).toEqual({
      listed: 4,
      counted: 3,
    });
    expect({ debit: april.totalDebit, credit: april.totalCredit }).toEqual({
      debit: 0,
      credit: rupees(23_160),
    });
    // The detailed view's lines (Alt+F1): S2 with its discount.
    expect(april.vouchers[1]!.entries.map((e) => [e.ledgerName, e.amount / 100])).toEqual([
      ['Customer B', 9_000],
      ['Discount', 1_000],
      ['Sales', -10_000],
    ]);
  });

  it('a post-dated voucher still pending is listed in its month without amount', () => {
    const july = registerVouchers(store.db, masters, {
      voucherType: 'Sales',
      from: '2025-07-01',
      to: '2025-07-31',
      page: 1,
      pageSize: 50,
    });
    expect(july.vouchers.map((r) => [r.voucherNumber, r.debit, r.credit, r.offBooks])).toEqual([
      ['PD1', 0, 0, 'post-dated'],
    ]);
    expect({ listed: july.listedVouchers, counted: july.countedVouchers }).toEqual({ listed: 1, counted: 0 });
  });

  it("each month's vouchers, page after page, add up to the month's row of the summary", () => {
    const s = registerSummary(store.db, masters, { voucherType: 'Sales', ...PERIOD });
    for (const m of s.months) {
      const rows = allPages('Sales', m.from, m.to);
      const sum = rows.reduce((a, r) => ({ debit: a.debit + r.debit, credit: a.credit + r.credit }), {
        debit: 0,
        credit: 0,
      });
      expect({ month: m.month, ...sum, counted: rows.filter((r) => r.offBooks === null).length }).toEqual({
        month: m.month,
        debit: m.debit,
        credit: m.credit,
        counted: m.vouchers,
      });
    }
  });

  it('a period starting and ending inside months reads the part months from the entries', () => {
    const s = registerSummary(store.db, masters, {
      voucherType: 'Sales',
      from: '2025-04-15',
      to: '2025-06-12',
    });
    expect(months(s)).toEqual([
      ['2025-04', 2, 0, 11_360, -11_360],
      ['2025-05', 0, 0, 0, -11_360],
      ['2025-06', 1, 0, 4_720.5, -16_080.5],
    ]);
    expect(s.months.map((m) => [m.from, m.to])).toEqual([
      ['2025-04-15', '2025-04-30'],
      ['2025-05-01', '2025-05-31'],
      ['2025-06-01', '2025-06-12'],
    ]);
  });
});

describe('other registers', () => {
  it("a user's own type holds itself and the types derived from it, read from the entries", () => {
    const s = registerSummary(store.db, masters, { voucherType: 'Cash Sales', ...PERIOD });
    expect(s.scope).toEqual({
      voucherType: 'Cash Sales',
      baseType: 'Sales',
      voucherTypes: ['Cash Sales', 'Export Sales'],
    });
    expect(months(s)).toEqual([
      ['2025-04', 1, 0, 2_360, -2_360],
      ['2025-05', 0, 0, 0, -2_360],
      ['2025-06', 1, 0, 3_000, -5_360],
      ['2025-07', 0, 0, 0, -5_360],
    ]);
  });

  it('the purchase register shows the bill on the debit side; the credit note register the note', () => {
    const p = registerSummary(store.db, masters, { voucherType: 'Purchase', ...PERIOD });
    expect(months(p)[0]).toEqual(['2025-04', 1, 5_900, 0, 5_900]);
    expect({ debit: p.totalDebit, credit: p.totalCredit }).toEqual({ debit: rupees(5_900), credit: 0 });
    const rows = allPages('Purchase', '2025-04-01', '2025-04-30');
    expect(rows.map((r) => [r.voucherNumber, r.particulars, r.debit, r.credit])).toEqual([
      ['P1', 'Supplier X', rupees(5_900), 0],
    ]);
    const cn = registerSummary(store.db, masters, { voucherType: 'Credit Note', ...PERIOD });
    expect({ vouchers: cn.vouchers, debit: cn.totalDebit, credit: cn.totalCredit }).toEqual({
      vouchers: 1,
      debit: rupees(1_000),
      credit: 0,
    });
  });

  it('refuses an unknown type (NOT_FOUND) and a type no register is kept for (VALIDATION)', () => {
    const codeOf = (voucherType: string): string => {
      try {
        registerSummary(store.db, masters, { voucherType, ...PERIOD });
        return 'none';
      } catch (e) {
        return e instanceof AppError ? `${e.code}:${e.user?.reason ?? ''}` : 'other';
      }
    };
    expect(codeOf('Proforma')).toBe('NOT_FOUND:unknownVoucherType');
    expect(codeOf('Journal')).toBe('VALIDATION:badInput');
    expect(codeOf('Receipt')).toBe('VALIDATION:badInput');
  });
});
