import { addDays, daysBetween, financialYearRange } from '../../../shared/dates';
import { openStore, type Store } from '../../../electron/core/db/store';
import { summaryStatements } from '../../../electron/core/db/summaries';
import { loadDemoCompany } from '../../../electron/core/demo/load';
import { movements, net } from '../../../electron/core/reports/balances';
import { OVERDUE_LIST_LIMIT, dashboard } from '../../../electron/core/reports/dashboard';
import { ledgerStatement } from '../../../electron/core/reports/ledger-statement';
import { loadMasters, type Masters } from '../../../electron/core/reports/masters';
import {
  ON_ACCOUNT,
  allocatedBy,
  billsAsOn,
  outstanding,
  partyLedgers,
} from '../../../electron/core/reports/outstanding';
import { trialBalance } from '../../../electron/core/reports/trial-balance';
import { tempDir } from '../db/fixtures';

/** Accounting invariants on a generated company: they must hold whatever the seed. */
const dir = tempDir();
let store: Store;
let masters: Masters;
beforeAll(() => {
  store = openStore(dir.path('demo.db'));
  const { companyGuid } = loadDemoCompany(store, { vouchers: 6_000, seed: 2024, until: '2026-11-25' });
  masters = loadMasters(store.db, store.requireCompany(companyGuid));
});
afterAll(() => {
  store.close();
  dir.cleanup();
});

const BUCKETS = [30, 60, 90, 180];

describe('accounting invariants on the demo company', () => {
  it('every stored voucher balances to zero', () => {
    const unbalanced = store.db
      .prepare('SELECT voucher_id, sum(amount) AS s FROM ledger_entries GROUP BY voucher_id HAVING s <> 0')
      .all();
    expect(unbalanced).toEqual([]);
    expect(store.db.prepare('SELECT count(*) FROM vouchers').pluck().get()).toBe(6_000);
  });

  it.each(['2024-25', '2025-26', '2026-27'])('the trial balance for %s agrees', (fy) => {
    const { from, to } = financialYearRange(fy);
    const tb = trialBalance(store.db, masters, { from, to });
    expect(tb.totalDebit).toBeGreaterThan(0);
    expect(tb.totalDebit).toBe(tb.totalCredit);
    expect(tb.closingDebit).toBe(tb.closingCredit);
    // Group rows add up their ledgers (and the stock the items hold, under Stock-in-Hand).
    const primaries = tb.rows.filter((r) => r.kind === 'group' && r.depth === 0);
    const ledgers = tb.rows.filter(
      (r) => (r.kind === 'ledger' && r.guid !== 'profit-and-loss') || r.kind === 'stock',
    );
    // The items' opening stock is an opening balance the demo's capital agrees with.
    expect(tb.rows.some((r) => r.kind === 'difference')).toBe(false);
    expect(tb.rows.filter((r) => r.kind === 'stock')).toHaveLength(1);
    expect(primaries.reduce((s, r) => s + r.closing, 0)).toBe(ledgers.reduce((s, r) => s + r.closing, 0));
  });

  it('a ledger closes at opening plus its movements, and the next period opens there', () => {
    for (const ledger of [...masters.ledgers.values()].slice(0, 40)) {
      const a = ledgerStatement(store.db, masters, {
        ledgerGuid: ledger.guid,
        from: '2025-04-01',
        to: '2025-09-17',
      });
      expect(a.closing).toBe(a.opening + a.totalDebit - a.totalCredit);
      expect(a.lines.at(-1)?.balance ?? a.opening).toBe(a.closing);
      const b = ledgerStatement(store.db, masters, {
        ledgerGuid: ledger.guid,
        from: '2025-09-18',
        to: '2025-12-31',
      });
      expect(b.opening).toBe(a.closing);
      // The statement's movements equal the summary-based movements for the same period.
      const m = movements(store.db, masters.company.id, '2025-04-01', '2025-09-17', [ledger.guid]).get(
        ledger.guid,
      );
      expect(a.totalDebit - a.totalCredit).toBe(net(m));
    }
  });

  it('movements for many ledgers at once equal the movements read one ledger at a time', () => {
    const guids = [...masters.ledgers.keys()];
    for (const allInBooks of [true, false]) {
      for (const [from, to] of [
        ['2025-04-01', '2025-09-17'],
        ['2024-11-12', '2026-11-25'],
        ['0001-01-01', '2025-03-31'],
      ] as const) {
        const together = movements(store.db, masters.company.id, from, to, guids, allInBooks);
        for (const guid of guids) {
          const alone = movements(store.db, masters.company.id, from, to, [guid], allInBooks).get(guid);
          expect(together.get(guid)).toEqual(alone);
        }
      }
    }
  });

  it('movements over any range equal the entries summed directly, part months read from either side', () => {
    const company = masters.company.id;
    const direct = store.db.prepare(`SELECT l.guid AS guid,
        sum(CASE WHEN e.amount > 0 THEN e.amount ELSE 0 END) AS debit,
        sum(CASE WHEN e.amount < 0 THEN -e.amount ELSE 0 END) AS credit
      FROM entries e JOIN vouchers v ON v.id = e.voucher_id JOIN ledgers l ON l.id = e.ledger_id
      WHERE e.company_id = ? AND e.date >= ? AND e.date <= ? AND v.off_books IS NULL
      GROUP BY l.guid HAVING debit <> 0 OR credit <> 0`);
    const guids = [...masters.ledgers.keys()];
    const ranges = [
      ['2025-04-01', '2025-11-25'], // ends late in a month: the month less its last days
      ['2025-04-03', '2025-11-10'], // starts early, ends early: days at both ends
      ['2025-04-28', '2025-06-30'], // starts late: the month less its first days
      ['2025-05-04', '2025-05-27'], // inside one month: the month less both ends
      ['2025-05-14', '2025-05-16'], // a few days inside one month
      ['2024-02-02', '2024-02-29'], // leap February
      ['2026-11-01', '2026-11-25'], // the running month, empty after today
    ] as const;
    const check = (everyVoucherInBooks: boolean): void => {
      for (const [from, to] of ranges) {
        const expected = new Map(
          (direct.all(company, from, to) as { guid: string; debit: number; credit: number }[]).map((r) => [
            r.guid,
            { debit: r.debit, credit: r.credit },
          ]),
        );
        // allInBooks (a promise that no voucher is off the books) only where it holds.
        for (const allInBooks of everyVoucherInBooks ? [true, false] : [false]) {
          const all = movements(store.db, company, from, to, undefined, allInBooks);
          expect(new Map([...all].filter(([, m]) => m.debit !== 0 || m.credit !== 0))).toEqual(expected);
          const many = movements(store.db, company, from, to, guids, allInBooks);
          for (const guid of guids.slice(0, 12)) {
            const one = movements(store.db, company, from, to, [guid], allInBooks).get(guid);
            expect(one).toEqual(expected.get(guid) ?? { debit: 0, credit: 0 });
          }
          for (const guid of guids)
            expect(many.get(guid)).toEqual(expected.get(guid) ?? { debit: 0, credit: 0 });
        }
      }
    };
    expect(masters.allInBooks).toBe(true);
    check(true);
    // Again with cancelled and optional vouchers in the books: the summary and the days both leave them out.
    store.db.exec('SAVEPOINT off_books');
    try {
      store.db
        .prepare(
          `UPDATE vouchers SET off_books = CASE id % 2 WHEN 0 THEN 'cancelled' ELSE 'optional' END
          WHERE company_id = ? AND id % 7 = 3`,
        )
        .run(company);
      summaryStatements(store.db).rebuildCompany(company);
      check(false);
    } finally {
      store.db.exec('ROLLBACK TO off_books; RELEASE off_books');
    }
  });

  it.each(['2025-03-31', '2025-10-15', '2026-11-25'])(
    'outstanding per party equals the party ledger balance as on %s, with no on-account remainder',
    (asOn) => {
      for (const kind of ['receivable', 'payable'] as const) {
        const report = outstanding(store.db, masters, { kind, asOn, buckets: BUCKETS });
        expect(report.parties.length).toBeGreaterThan(0);
        for (const party of report.parties) {
          expect(party.bills.some((b) => b.billName === ON_ACCOUNT)).toBe(false);
          expect(party.bills.reduce((s, b) => s + b.amount, 0)).toBe(party.total);
          // Not-due bills and On Account amounts are not aged: they have their own columns.
          expect(party.notDue + party.onAccount + party.buckets.reduce((s, b) => s + b, 0)).toBe(party.total);
          const statement = ledgerStatement(store.db, masters, {
            ledgerGuid: party.ledgerGuid,
            from: addDays(asOn, 1),
            to: addDays(asOn, 1),
          });
          expect(party.total).toBe(kind === 'receivable' ? statement.opening : -statement.opening);
        }
        expect(report.notDue + report.onAccount + report.buckets.reduce((s, b) => s + b.amount, 0)).toBe(
          report.total,
        );
      }
    },
  );

  it.each(['2024-09-30', '2025-03-31', '2025-10-15', '2026-11-25'])(
    'the overdue bills read for %s are exactly the overdue ones among all bills, in the same order',
    (asOn) => {
      const debtors = new Set(partyLedgers(masters, 'receivable').map((l) => l.guid));
      const all = billsAsOn(store.db, masters.company.id, debtors, asOn);
      const overdue = all.filter((b) => {
        const due = b.dueDate ?? b.billDate;
        // Overdue from the due date on (a bill due on the as-on date too, 0 days): reports/due.ts.
        return b.amount > 0 && due !== null && daysBetween(due, asOn) >= 0;
      });
      expect(overdue.length).toBeGreaterThan(0);
      expect(billsAsOn(store.db, masters.company.id, debtors, asOn, true)).toEqual(overdue);
      // Only the requested ledgers' bills are read.
      expect(all.every((b) => debtors.has(b.ledgerGuid))).toBe(true);
    },
  );

  it('sums a bill history up to and including the as-on date', () => {
    const history = '2025-04-05:1180000;2025-06-01:-600000;2025-06-01:-80000;2025-09-30:-500000';
    expect(allocatedBy('', '2025-06-01')).toBe(0);
    expect(allocatedBy(history, '2025-04-04')).toBe(0);
    expect(allocatedBy(history, '2025-04-05')).toBe(11_800_00);
    expect(allocatedBy(history, '2025-06-01')).toBe(5_000_00);
    expect(allocatedBy(history, '2025-09-29')).toBe(5_000_00);
    expect(allocatedBy(history, '2026-01-01')).toBe(0);
  });

  it.each([
    ['2024-25', '2026-11-25'],
    ['2025-26', '2026-11-25'],
    ['2026-27', '2026-11-25'],
    ['2025-26', '2025-10-15'],
  ] as const)(
    'the dashboard for %s (today %s) lists the overdue bills a full sort would list',
    (fy, today) => {
      const d = dashboard(store.db, masters, { fy, today });
      const { from, to } = financialYearRange(fy);
      const asOn = today < to ? (today < from ? from : today) : to;
      const debtors = new Set(partyLedgers(masters, 'receivable').map((l) => l.guid));
      const overdue = billsAsOn(store.db, masters.company.id, debtors, asOn)
        .map((b) => ({ b, days: daysBetween(b.dueDate ?? b.billDate ?? asOn, asOn) }))
        .filter(({ b, days }) => b.amount > 0 && (b.dueDate ?? b.billDate) !== null && days >= 0)
        .sort((x, y) => y.b.amount - x.b.amount || y.days - x.days);
      expect(d.overdueReceivablesTotal).toBe(overdue.reduce((s, { b }) => s + b.amount, 0));
      expect(d.overdueReceivables.map((o) => [o.ledgerGuid, o.billName, o.overdueDays, o.amount])).toEqual(
        overdue.slice(0, OVERDUE_LIST_LIMIT).map(({ b, days }) => [b.ledgerGuid, b.billName, days, b.amount]),
      );
      expect(d.overdueReceivables.length).toBe(Math.min(OVERDUE_LIST_LIMIT, overdue.length));
    },
  );

  it('the dashboard totals equal the sums of the underlying ledgers', () => {
    const fy = '2025-26';
    const { from, to } = financialYearRange(fy);
    const d = dashboard(store.db, masters, { fy, today: '2026-11-25' });
    const tb = trialBalance(store.db, masters, { from, to });
    const under = (group: string) => new Set(masters.ledgersUnder(group).map((l) => l.guid));
    const sum = (group: string, pick: (r: (typeof tb.rows)[number]) => number) =>
      tb.rows.filter((r) => r.kind === 'ledger' && under(group).has(r.guid)).reduce((s, r) => s + pick(r), 0);
    expect(d.kpis.sales).toBe(sum('Sales Accounts', (r) => r.credit - r.debit));
    expect(d.kpis.purchases).toBe(sum('Purchase Accounts', (r) => r.debit - r.credit));
    expect(d.kpis.receivables).toBe(sum('Sundry Debtors', (r) => r.closing));
    expect(d.kpis.payables).toBe(-sum('Sundry Creditors', (r) => r.closing));
    expect(d.kpis.cashBalance).toBe(sum('Cash-in-Hand', (r) => r.closing));
    expect(d.kpis.bankBalance).toBe(sum('Bank Accounts', (r) => r.closing));
    expect(d.monthly.reduce((s, m) => s + m.sales, 0)).toBe(d.kpis.sales);
    expect(d.monthly.reduce((s, m) => s + m.purchases, 0)).toBe(d.kpis.purchases);
    const receivable = outstanding(store.db, masters, { kind: 'receivable', asOn: to, buckets: BUCKETS });
    expect(receivable.total).toBe(d.kpis.receivables);
    expect(d.overdueReceivablesTotal).toBeGreaterThan(0);
    expect(d.overdueReceivablesTotal).toBeLessThanOrEqual(receivable.total);
    expect(d.topCustomers.length).toBe(10);
  });

  it.each([
    ['2025-26', '2025-10-15'],
    ['2026-27', '2026-11-25'],
  ] as const)(
    'the dashboard’s overdue receivables (%s, today %s) are the outstanding report’s aged debtor bills',
    (fy, today) => {
      // Issue 23: the dashboard left out the bills due on the as-on date that the outstanding report aged.
      const d = dashboard(store.db, masters, { fy, today });
      const debtors = new Set(partyLedgers(masters, 'receivable').map((l) => l.guid));
      const receivable = outstanding(store.db, masters, {
        kind: 'receivable',
        asOn: d.asOn,
        buckets: BUCKETS,
      });
      const aged = receivable.parties
        .filter((p) => debtors.has(p.ledgerGuid))
        .flatMap((p) => p.bills)
        .filter((b) => !b.onAccount && b.ageDays !== null && b.amount > 0);
      // The demo company has bills falling due on both days: the case the issue is about.
      expect(aged.filter((b) => b.overdueDays === 0).length).toBeGreaterThan(0);
      expect(d.overdueReceivablesTotal).toBe(aged.reduce((sum, b) => sum + b.amount, 0));
    },
  );
});
