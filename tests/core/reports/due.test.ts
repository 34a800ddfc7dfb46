import type { CompanyRecord, LedgerRecord } from '../../../electron/core/db/records';
import { openStore, type Store } from '../../../electron/core/db/store';
import { predefinedGroups } from '../../../electron/core/demo/groups';
import { findNotices } from '../../../electron/core/live/notices';
import { billHistory } from '../../../electron/core/reports/bill-history';
import { dashboard } from '../../../electron/core/reports/dashboard';
import { dueDateOf, isOverdue, overdueDays, overdueDaysOn } from '../../../electron/core/reports/due';
import { loadMasters, type Masters } from '../../../electron/core/reports/masters';
import { outstanding } from '../../../electron/core/reports/outstanding';
import { ledger, tempDir } from '../db/fixtures';
import { bill, handBooks, voucherTypes } from '../db/books';

/**
 * One rule of "due" and "overdue" for every report (issue 23: the dashboard left out the bills due on the
 * as-on date that the outstanding report aged, ₹1,20,282.00 on the demo company). Tally's rule
 * (docs/TALLY.md, "Due and overdue bills"): Overdue by days = as-on date − due date; not due while the
 * due date is after the as-on date; a bill due on the as-on date is overdue by 0 days.
 *
 * Asha's bills, each with 30 days' credit, as on 10-05-2025:
 *   A1 of 01-04 (due 01-05, 9 days overdue) ₹1,000; A2 of 10-04 (due 10-05, due today) ₹2,000;
 *   A3 of 20-04 (due 20-05, not due) ₹4,000. Bharat's B1 of 05-04 has no credit period: due on its own
 *   date, 35 days overdue, ₹500.
 */

const GUID = 'due-rule-co';
const AS_ON = '2025-05-10';
const COMPANY: CompanyRecord = {
  guid: GUID,
  name: 'Due Rule Traders',
  source: 'import',
  booksFrom: '2025-04-01',
  masterAlterId: 5,
  voucherAlterId: 20,
};
const ledgers: LedgerRecord[] = [
  ledger('L-CASH', 'Cash', 'Cash-in-Hand', { openingBalance: 10_000_00 }),
  ledger('L-CAP', 'Capital', 'Capital Account', { openingBalance: -10_000_00 }),
  ledger('L-SALES', 'Sales', 'Sales Accounts'),
  ledger('L-ASHA', 'Asha Stores', 'Sundry Debtors', { isBillWise: true, creditPeriodDays: 30 }),
  ledger('L-BHARAT', 'Bharat Traders', 'Sundry Debtors', { isBillWise: true }),
];
const { voucher: v, dr, cr } = handBooks(ledgers);
const vouchers = [
  v('S1', '2025-04-01', 'Sales', [
    dr('L-ASHA', 1_000, [bill('A1', 'New Ref', 1_000, 30)]),
    cr('L-SALES', 1_000),
  ]),
  v('S2', '2025-04-10', 'Sales', [
    dr('L-ASHA', 2_000, [bill('A2', 'New Ref', 2_000, 30)]),
    cr('L-SALES', 2_000),
  ]),
  v('S3', '2025-04-20', 'Sales', [
    dr('L-ASHA', 4_000, [bill('A3', 'New Ref', 4_000, 30)]),
    cr('L-SALES', 4_000),
  ]),
  v('S4', '2025-04-05', 'Sales', [dr('L-BHARAT', 500, [bill('B1', 'New Ref', 500)]), cr('L-SALES', 500)]),
];

describe('the due rule (due.ts)', () => {
  it('counts overdue days from the due date, else the bill date, and calls the due date overdue', () => {
    expect(dueDateOf({ dueDate: '2025-05-10', billDate: '2025-04-10' })).toBe('2025-05-10');
    expect(dueDateOf({ dueDate: null, billDate: '2025-04-05' })).toBe('2025-04-05');
    expect(dueDateOf({ dueDate: null, billDate: null })).toBeNull();
    expect(overdueDays('2025-05-01', AS_ON)).toBe(9);
    expect(overdueDays(AS_ON, AS_ON)).toBe(0);
    expect(overdueDays('2025-05-20', AS_ON)).toBe(-10);
    expect([isOverdue(9), isOverdue(0), isOverdue(-1)]).toEqual([true, true, false]);
    const days = overdueDaysOn(AS_ON);
    expect([days('2025-05-01'), days('2025-05-01'), days('2025-05-11')]).toEqual([9, 9, -1]);
  });
});

describe('due and overdue bills agree across the reports', () => {
  const dir = tempDir('tc-due-rule-');
  let store: Store;
  let masters: Masters;
  beforeAll(() => {
    store = openStore(dir.path('due.db'));
    const writer = store.beginCompanyWrite(COMPANY, 'replace');
    writer.putGroups(predefinedGroups((id) => `due-g-${id}`, 1));
    writer.putVoucherTypes(voucherTypes('due-vt', ['Sales', 'Receipt']));
    writer.putLedgers(ledgers);
    writer.putVouchers(vouchers);
    writer.commit(COMPANY);
    masters = loadMasters(store.db, store.requireCompany(GUID));
  });
  afterAll(() => {
    store.close();
    dir.cleanup();
  });

  it('ages the bill due on the as-on date at 0 days in the outstanding report, not in Not due', () => {
    const report = outstanding(store.db, masters, { kind: 'receivable', asOn: AS_ON, buckets: [30, 60] });
    const asha = report.parties.find((p) => p.ledgerGuid === 'L-ASHA')!;
    expect(asha.bills.map((b) => [b.billName, b.dueDate, b.overdueDays, b.ageDays])).toEqual([
      ['A1', '2025-05-01', 9, 9],
      ['A2', '2025-05-10', 0, 0],
      ['A3', '2025-05-20', -10, null],
    ]);
    expect(report.notDue).toBe(4_000_00);
    expect(report.buckets.map((b) => b.amount)).toEqual([3_000_00, 500_00, 0]);
  });

  it('lists on the dashboard exactly the bills the outstanding report calls overdue (A2 too)', () => {
    const d = dashboard(store.db, masters, { fy: '2025-26', today: AS_ON });
    expect(d.asOn).toBe(AS_ON);
    expect(d.overdueReceivables.map((b) => [b.billName, b.overdueDays, b.amount])).toEqual([
      ['A2', 0, 2_000_00],
      ['A1', 9, 1_000_00],
      ['B1', 35, 500_00],
    ]);
    const report = outstanding(store.db, masters, { kind: 'receivable', asOn: AS_ON, buckets: [30, 60] });
    // Outstanding's total less "Not due" (and On Account, none here) is the dashboard's overdue total.
    expect(d.overdueReceivablesTotal).toBe(report.total - report.notDue - report.onAccount);
    expect(d.overdueReceivablesTotal).toBe(3_500_00);
  });

  it('says in the bill history whether the bill is overdue, by the same rule', () => {
    const of = (billName: string, ledgerGuid = 'L-ASHA') =>
      billHistory(store.db, masters, { ledgerGuid, billName, kind: 'receivable', asOn: AS_ON });
    expect([of('A1').overdueDays, of('A1').overdue]).toEqual([9, true]);
    expect([of('A2').overdueDays, of('A2').overdue]).toEqual([0, true]);
    expect([of('A3').overdueDays, of('A3').overdue]).toEqual([-10, false]);
    expect([of('B1', 'L-BHARAT').overdueDays, of('B1', 'L-BHARAT').overdue]).toEqual([35, true]);
  });

  it('counts a bill due today (and one with only a bill date) in the live notice of a receipt', () => {
    // A receipt on account from each party: only the bills due on or before today count as overdue.
    const before = store.db.prepare('SELECT coalesce(max(id), 0) AS id FROM vouchers').get() as {
      id: number;
    };
    const writer = store.beginCompanyWrite(COMPANY, 'merge');
    writer.putVouchers([
      v('R1', AS_ON, 'Receipt', [dr('L-CASH', 100), cr('L-ASHA', 100)], { partyLedgerName: 'Asha Stores' }),
      v('R2', AS_ON, 'Receipt', [dr('L-CASH', 100), cr('L-BHARAT', 100)], {
        partyLedgerName: 'Bharat Traders',
      }),
    ]);
    writer.commit(COMPANY);
    const notices = findNotices(
      store.db,
      GUID,
      before.id,
      { receiptsFromOverdueParties: true, paymentsAbovePaise: 0 },
      AS_ON,
    );
    expect(notices.map((n) => [n.party, n.overdue])).toEqual([
      ['Asha Stores', 3_000_00],
      ['Bharat Traders', 500_00],
    ]);
  });
});
