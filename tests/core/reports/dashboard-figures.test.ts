import type { CompanyRecord, LedgerRecord } from '../../../electron/core/db/records';
import { openStore, type Store } from '../../../electron/core/db/store';
import { predefinedGroups } from '../../../electron/core/demo/groups';
import { dashboard, partyLinesSql } from '../../../electron/core/reports/dashboard';
import { loadMasters, type Masters } from '../../../electron/core/reports/masters';
import { profitLoss } from '../../../electron/core/reports/profit-loss';
import { ledger, tempDir } from '../db/fixtures';
import { handBooks, voucherTypes } from '../db/books';

/**
 * The dashboard's figures on a small hand-built trading company. Every expected amount below is worked
 * out by hand from the vouchers in this file (rupees × 100 = paise):
 *
 * FY 2025-26
 *   Sales (net of GST): Sales 18% 10,000 + 10,000 + 5,000 − 1,000 (credit note) + 2,000 (cash sale)
 *     = 26,000; Sales Exempt 21,000; total 47,000.
 *   Purchases: 15,000 + 16,000 − 1,000 (debit note) = 30,000. Freight inward (direct) 500.
 *   Gross profit 47,000 − 30,000 − 500 = 16,500; net profit 16,500 − rent 3,000 + interest 250 = 13,750.
 *   Customers net of tax: Bharat 21,000 (exempt), Asha 10,000 + 10,000 = 20,000, Chetan 5,000 − 1,000 =
 *     4,000. By gross party debits Asha (23,600) would lead Bharat (21,000).
 *   Suppliers net of tax: Eknath 16,000 (no GST), Deepak 15,000 − 1,000 = 14,000. By gross party credits
 *     Deepak (17,700 − 1,180 = 16,520) would lead.
 *   Receipts (debits to cash and bank, contra left out): cash sale 2,360 + Asha's receipt 11,800 +
 *     Bharat's payment into the bank booked as a journal 21,000 + interest 250 = 35,410.
 *   Payments: freight 500 + Deepak 16,520 + rent 3,000 + Eknath from the OD account 10,000 = 30,020.
 *   Contras (withdrawal 5,000, deposit 2,000, OD to HDFC 3,000) count in neither.
 *   Balances on 31-03-2026: cash 20,000 + 2,360 − 500 + 5,000 − 2,000 − 3,000 = 21,860; HDFC 50,000 +
 *     11,800 + 21,000 − 5,000 + 2,000 − 16,520 + 250 + 3,000 = 66,530; SBI OD −10,000 − 3,000 = −13,000;
 *     bank 53,530. Receivables Asha 11,800 + Chetan 4,720 = 16,520; payables Eknath 6,000.
 * FY 2027-28 (a year to come) is shown as on 01-04-2027: receivables 14,160 + 5,000 = 19,160, cash 25,580.
 * FY 2026-27 (today 15-05-2026)
 *   Before today: Chetan pays 4,720 in cash (10-04), sale to Asha 2,000 + GST 360 (05-05). After today:
 *   rent 1,000 in cash (20-05), exempt sale to Bharat 5,000 (10-06).
 *   Net profit up to today 2,000 (the rent is later); sales of the year 7,000 (whole year, as the card
 *   says); cash on 15-05 21,860 + 4,720 = 26,580; receivables Asha 11,800 + 2,360 = 14,160.
 */

const GUID = 'dashboard-figures-0001';
const COMPANY: CompanyRecord = {
  guid: GUID,
  name: 'Figures Traders',
  source: 'import',
  booksFrom: '2025-04-01',
  masterAlterId: 10,
  voucherAlterId: 90,
};

const ledgers: LedgerRecord[] = [
  ledger('L-CASH', 'Cash', 'Cash-in-Hand', { openingBalance: 20_000_00 }),
  ledger('L-HDFC', 'HDFC Bank', 'Bank Accounts', { openingBalance: 50_000_00 }),
  ledger('L-SBI', 'SBI OD', 'Bank OD A/c'),
  ledger('L-CAP', 'Capital', 'Capital Account', { openingBalance: -70_000_00 }),
  ledger('L-S18', 'Sales 18%', 'Sales Accounts'),
  ledger('L-SEX', 'Sales Exempt', 'Sales Accounts'),
  ledger('L-PUR', 'Purchases', 'Purchase Accounts'),
  ledger('L-CGST', 'Output CGST', 'Duties & Taxes'),
  ledger('L-SGST', 'Output SGST', 'Duties & Taxes'),
  ledger('L-IGST', 'Input IGST', 'Duties & Taxes'),
  ledger('L-FRT', 'Freight Inward', 'Direct Expenses'),
  ledger('L-RENT', 'Rent', 'Indirect Expenses'),
  ledger('L-INT', 'Interest Received', 'Indirect Incomes'),
  ledger('L-ASHA', 'Asha Stores', 'Sundry Debtors'),
  ledger('L-BHARAT', 'Bharat Traders', 'Sundry Debtors'),
  ledger('L-CHETAN', 'Chetan & Co', 'Sundry Debtors'),
  ledger('L-DEEPAK', 'Deepak Supplies', 'Sundry Creditors'),
  ledger('L-EKNATH', 'Eknath Agencies', 'Sundry Creditors'),
];

const types = voucherTypes('dft', [
  'Sales',
  'Purchase',
  'Receipt',
  'Payment',
  'Journal',
  'Contra',
  'Credit Note',
  'Debit Note',
  'Sales Order',
]);

const { voucher: v, dr, cr } = handBooks(ledgers);

const fy26 = [
  v('S1', '2025-04-10', 'Sales', [
    dr('L-ASHA', 11_800),
    cr('L-S18', 10_000),
    cr('L-CGST', 900),
    cr('L-SGST', 900),
  ]),
  v('P1', '2025-04-20', 'Purchase', [dr('L-PUR', 15_000), dr('L-IGST', 2_700), cr('L-DEEPAK', 17_700)]),
  v('FR1', '2025-04-21', 'Payment', [dr('L-FRT', 500), cr('L-CASH', 500)]),
  v('S2', '2025-05-12', 'Sales', [dr('L-BHARAT', 21_000), cr('L-SEX', 21_000)]),
  v('P2', '2025-05-20', 'Purchase', [dr('L-PUR', 16_000), cr('L-EKNATH', 16_000)]),
  v('R1', '2025-06-01', 'Receipt', [dr('L-HDFC', 11_800), cr('L-ASHA', 11_800)]),
  v('S3', '2025-06-15', 'Sales', [
    dr('L-ASHA', 11_800),
    cr('L-S18', 10_000),
    cr('L-CGST', 900),
    cr('L-SGST', 900),
  ]),
  v('DN1', '2025-06-20', 'Debit Note', [dr('L-DEEPAK', 1_180), cr('L-PUR', 1_000), cr('L-IGST', 180)]),
  v('S4', '2025-07-01', 'Sales', [
    dr('L-CHETAN', 5_900),
    cr('L-S18', 5_000),
    cr('L-CGST', 450),
    cr('L-SGST', 450),
  ]),
  // Bharat's payment straight into the bank, booked as a journal: money in all the same.
  v('J1', '2025-07-10', 'Journal', [dr('L-HDFC', 21_000), cr('L-BHARAT', 21_000)]),
  v('C1', '2025-07-15', 'Contra', [dr('L-CASH', 5_000), cr('L-HDFC', 5_000)]),
  v('CN1', '2025-08-01', 'Credit Note', [
    dr('L-S18', 1_000),
    dr('L-CGST', 90),
    dr('L-SGST', 90),
    cr('L-CHETAN', 1_180),
  ]),
  v('PY1', '2025-08-01', 'Payment', [dr('L-DEEPAK', 16_520), cr('L-HDFC', 16_520)]),
  v('C2', '2025-08-15', 'Contra', [dr('L-HDFC', 2_000), cr('L-CASH', 2_000)]),
  // A cash sale: no party, money in through a sales voucher.
  v('CS1', '2025-09-01', 'Sales', [
    dr('L-CASH', 2_360),
    cr('L-S18', 2_000),
    cr('L-CGST', 180),
    cr('L-SGST', 180),
  ]),
  v('PY2', '2025-09-10', 'Payment', [dr('L-RENT', 3_000), cr('L-CASH', 3_000)]),
  v('R2', '2025-10-01', 'Receipt', [dr('L-HDFC', 250), cr('L-INT', 250)]),
  v('PY3', '2025-11-05', 'Payment', [dr('L-EKNATH', 10_000), cr('L-SBI', 10_000)]),
  v('C3', '2025-12-01', 'Contra', [dr('L-HDFC', 3_000), cr('L-SBI', 3_000)]),
];
const fy27 = [
  v('R3', '2026-04-10', 'Receipt', [dr('L-CASH', 4_720), cr('L-CHETAN', 4_720)]),
  v('S5', '2026-05-05', 'Sales', [
    dr('L-ASHA', 2_360),
    cr('L-S18', 2_000),
    cr('L-CGST', 180),
    cr('L-SGST', 180),
  ]),
  v('PY4', '2026-05-20', 'Payment', [dr('L-RENT', 1_000), cr('L-CASH', 1_000)]),
  v('S6', '2026-06-10', 'Sales', [dr('L-BHARAT', 5_000), cr('L-SEX', 5_000)]),
];
/** Stored off the books (with ledger amounts, as real exports carry them): they must move nothing. */
const offBooks = [
  v('SO1', '2025-04-08', 'Sales Order', [dr('L-ASHA', 99_000), cr('L-S18', 99_000)]),
  v('RX', '2025-09-09', 'Receipt', [dr('L-HDFC', 7_000), cr('L-ASHA', 7_000)], { isCancelled: true }),
  v('JX', '2025-09-10', 'Journal', [dr('L-CASH', 4_000), cr('L-SEX', 4_000)], { isOptional: true }),
];

const dir = tempDir('tc-dashboard-figures-');
afterAll(() => dir.cleanup());

describe.each([
  ['every voucher in the books', [...fy26, ...fy27]],
  ['orders, cancelled and optional vouchers stored too', [...fy26, ...offBooks, ...fy27]],
])('dashboard figures (%s)', (label, vouchers) => {
  let store: Store;
  let masters: Masters;
  beforeAll(() => {
    store = openStore(dir.path(`${label.replace(/\W+/g, '-')}.db`));
    const writer = store.beginCompanyWrite(COMPANY, 'replace');
    writer.putGroups(predefinedGroups((id) => `dfg-${id}`, 1));
    writer.putVoucherTypes(types);
    writer.putLedgers(ledgers);
    writer.putVouchers(vouchers);
    writer.commit(COMPANY);
    masters = loadMasters(store.db, store.requireCompany(GUID));
  });
  afterAll(() => store.close());

  it('reads the company as the case says (the party lines skip the voucher rows only when all post)', () => {
    expect(masters.allInBooks).toBe(vouchers.length === fy26.length + fy27.length);
  });

  it('adds up a closed year as on its last day, with the P&L’s gross and net profit', () => {
    const d = dashboard(store.db, masters, { fy: '2025-26', today: '2026-05-15' });
    expect(d.asOn).toBe('2026-03-31');
    expect(d.kpis).toEqual({
      sales: 47_000_00,
      purchases: 30_000_00,
      receipts: 35_410_00,
      payments: 30_020_00,
      grossProfit: 16_500_00,
      netProfit: 13_750_00,
      receivables: 16_520_00,
      payables: 6_000_00,
      cashBalance: 21_860_00,
      bankBalance: 53_530_00,
    });
    const pl = profitLoss(store.db, masters, { from: '2025-04-01', to: '2026-03-31' });
    expect([d.kpis.grossProfit, d.kpis.netProfit]).toEqual([pl.grossProfit, pl.netProfit]);
  });

  it('counts money in and out of cash and bank in any voucher but a contra', () => {
    const { receipts, payments } = dashboard(store.db, masters, { fy: '2025-26', today: '2026-05-15' }).kpis;
    // Only Receipt vouchers into cash or bank would be 11,800 + 250; the journal and the cash sale count.
    expect(receipts).toBe(2_360_00 + 11_800_00 + 21_000_00 + 250_00);
    // With the contras (5,000 + 2,000 + 3,000 each way) both would be 10,000 higher.
    expect(payments).toBe(500_00 + 16_520_00 + 3_000_00 + 10_000_00);
  });

  it('ranks customers and suppliers by their net-of-tax sales and purchases, as the cards count them', () => {
    const d = dashboard(store.db, masters, { fy: '2025-26', today: '2026-05-15' });
    expect(d.topCustomers).toEqual([
      { ledgerGuid: 'L-BHARAT', name: 'Bharat Traders', amount: 21_000_00 },
      { ledgerGuid: 'L-ASHA', name: 'Asha Stores', amount: 20_000_00 },
      { ledgerGuid: 'L-CHETAN', name: 'Chetan & Co', amount: 4_000_00 },
    ]);
    expect(d.topSuppliers).toEqual([
      { ledgerGuid: 'L-EKNATH', name: 'Eknath Agencies', amount: 16_000_00 },
      { ledgerGuid: 'L-DEEPAK', name: 'Deepak Supplies', amount: 14_000_00 },
    ]);
    // The parties' figures and the cash sale make up the card.
    const customers = d.topCustomers.reduce((s, p) => s + p.amount, 0);
    expect(customers + 2_000_00).toBe(d.kpis.sales);
    expect(d.topSuppliers.reduce((s, p) => s + p.amount, 0)).toBe(d.kpis.purchases);
  });

  it('shows a running year as on today: balances and profit to today, flows for the whole year', () => {
    const d = dashboard(store.db, masters, { fy: '2026-27', today: '2026-05-15' });
    expect(d.asOn).toBe('2026-05-15');
    expect(d.kpis).toMatchObject({
      sales: 7_000_00,
      grossProfit: 2_000_00,
      netProfit: 2_000_00,
      receivables: 14_160_00,
      payables: 6_000_00,
      cashBalance: 26_580_00,
      bankBalance: 53_530_00,
    });
    const pl = profitLoss(store.db, masters, { from: '2026-04-01', to: '2026-05-15' });
    expect([d.kpis.grossProfit, d.kpis.netProfit]).toEqual([pl.grossProfit, pl.netProfit]);
    expect(d.topCustomers.map((p) => [p.name, p.amount])).toEqual([
      ['Bharat Traders', 5_000_00],
      ['Asha Stores', 2_000_00],
    ]);
  });

  // Issue 23: after F2 → 09-09-2025 every card follows the period's end, not the year's. By hand, up to
  // 09-09-2025: sales 10,000 + 21,000 + 10,000 + 5,000 − 1,000 + 2,000 (cash sale of 01-09) = 47,000;
  // purchases 30,000; receipts 2,360 + 11,800 + 21,000 = 35,160 (interest of 01-10 later, the cancelled
  // receipt of 09-09 never); payments 500 + 16,520 = 17,020 (rent of 10-09 and Eknath's 10,000 later);
  // profit 16,500 (no rent yet); cash 20,000 − 500 + 5,000 − 2,000 + 2,360 = 24,860; bank 50,000 + 11,800
  // + 21,000 − 5,000 − 16,520 + 2,000 = 63,280; payables Eknath 16,000 (not yet paid).
  it('follows the period end inside a month: flows, profit, balances and the monthly trend stop there', () => {
    const d = dashboard(store.db, masters, { fy: '2025-26', today: '2026-05-15', to: '2025-09-09' });
    expect([d.from, d.to, d.asOn]).toEqual(['2025-04-01', '2025-09-09', '2025-09-09']);
    expect(d.kpis).toEqual({
      sales: 47_000_00,
      purchases: 30_000_00,
      receipts: 35_160_00,
      payments: 17_020_00,
      grossProfit: 16_500_00,
      netProfit: 16_500_00,
      receivables: 16_520_00,
      payables: 16_000_00,
      cashBalance: 24_860_00,
      bankBalance: 63_280_00,
    });
    const pl = profitLoss(store.db, masters, { from: '2025-04-01', to: '2025-09-09' });
    expect([d.kpis.grossProfit, d.kpis.netProfit]).toEqual([pl.grossProfit, pl.netProfit]);
    expect(d.monthly.map((m) => [m.month, m.sales])).toEqual([
      ['2025-04', 10_000_00],
      ['2025-05', 21_000_00],
      ['2025-06', 10_000_00],
      ['2025-07', 5_000_00],
      ['2025-08', -1_000_00],
      ['2025-09', 2_000_00],
      ['2025-10', 0],
      ['2025-11', 0],
      ['2025-12', 0],
      ['2026-01', 0],
      ['2026-02', 0],
      ['2026-03', 0],
    ]);
  });

  it('follows a period end at a month end, and within a running year stops the flows there too', () => {
    const september = dashboard(store.db, masters, { fy: '2025-26', today: '2026-05-15', to: '2025-09-30' });
    expect(september.kpis).toMatchObject({ receipts: 35_160_00, payments: 20_020_00, netProfit: 13_500_00 });
    // Today 15-05-2026 inside a period ending 31-05-2026: balances as on today, flows to the period end
    // (Bharat's sale of 10-06 is after it).
    const may = dashboard(store.db, masters, { fy: '2026-27', today: '2026-05-15', to: '2026-05-31' });
    expect([may.to, may.asOn]).toEqual(['2026-05-31', '2026-05-15']);
    expect(may.kpis).toMatchObject({ sales: 2_000_00, receivables: 14_160_00, cashBalance: 26_580_00 });
    expect(may.topCustomers.map((p) => [p.name, p.amount])).toEqual([['Asha Stores', 2_000_00]]);
  });

  it('answers a caller that sends only the year with the whole year, and refuses an end outside it', () => {
    const year = dashboard(store.db, masters, { fy: '2025-26', today: '2026-05-15' });
    expect(year.to).toBe('2026-03-31');
    expect(dashboard(store.db, masters, { fy: '2025-26', today: '2026-05-15', to: '2026-03-31' })).toEqual(
      year,
    );
    expect(() =>
      dashboard(store.db, masters, { fy: '2025-26', today: '2026-05-15', to: '2026-04-01' }),
    ).toThrow('to 2026-04-01 is not in the financial year 2025-26 (2025-04-01 to 2026-03-31)');
  });

  it('shows a year still to come as on its first day', () => {
    const d = dashboard(store.db, masters, { fy: '2027-28', today: '2026-05-15' });
    expect(d.asOn).toBe('2027-04-01');
    // Every voucher so far is before it: Bharat's sale of 10-06-2026 and the rent of 20-05-2026 count too.
    expect(d.kpis).toMatchObject({ sales: 0, netProfit: 0, receivables: 19_160_00, cashBalance: 25_580_00 });
  });
});

describe('dashboard speed', () => {
  it('reads the party lines of the sales and purchase ledgers from the ledger index alone', () => {
    const store = openStore(dir.path('plan.db'));
    try {
      const plan = store.db
        .prepare(`EXPLAIN QUERY PLAN ${partyLinesSql(true)}`)
        .all('[1]', '2025-04-01', '2026-03-31') as { detail: string }[];
      const details = plan.map((p) => p.detail).join('\n');
      expect(details).toMatch(
        /SEARCH e USING COVERING INDEX entries_ledger_date \(ledger_id=\? AND date>\? AND date<\?\)/,
      );
      expect(details).not.toMatch(/SCAN e\b/);
      expect(details).not.toMatch(/TEMP B-TREE/);
    } finally {
      store.close();
    }
  });
});
