import { addDays } from '../../../shared/dates';
import { openStore, type Store } from '../../../electron/core/db/store';
import { loadDemoCompany } from '../../../electron/core/demo/load';
import { loadMasters, type Masters } from '../../../electron/core/reports/masters';
import { billsAsOn, outstanding, partyLedgers } from '../../../electron/core/reports/outstanding';
import { tempDir } from '../db/fixtures';
import { rng } from '../../helpers/rng';

/**
 * Outstanding bills against a plain recomputation from the stored rows: the report reads bill summaries
 * and their histories (built at write time), the oracle sums every allocation up to the date.
 */
const dir = tempDir();
let store: Store;
let masters: Masters;
beforeAll(() => {
  store = openStore(dir.path('oracle.db'));
  const { companyGuid } = loadDemoCompany(store, { vouchers: 4_000, seed: 77, until: '2026-11-25' });
  masters = loadMasters(store.db, store.requireCompany(companyGuid));
});
afterAll(() => {
  store.close();
  dir.cleanup();
});

/** Each party's bills on a date, summed from opening bills and every allocation in the books. */
function billsByOracle(asOn: string): string[] {
  const rows = store.db
    .prepare(
      `SELECT ledger, name, sum(amount) AS amount FROM (
         SELECT ob.ledger_guid AS ledger, ob.bill_name AS name, ob.amount AS amount
         FROM ledger_opening_bills ob WHERE ob.company_id = @company
         UNION ALL
         SELECT l.guid, b.bill_name, b.amount
         FROM bill_allocations b JOIN entries e ON e.id = b.entry_id JOIN vouchers v ON v.id = e.voucher_id
           JOIN ledgers l ON l.id = b.ledger_id
         WHERE b.company_id = @company AND v.is_cancelled = 0 AND v.is_optional = 0 AND b.date <= @asOn)
       GROUP BY ledger, name HAVING sum(amount) <> 0`,
    )
    .all({ company: masters.company.id, asOn }) as { ledger: string; name: string; amount: number }[];
  return rows.map((r) => `${r.ledger} ${r.name} ${r.amount}`).sort();
}

/** A ledger's balance on a date: opening balance plus every entry in the books up to it. */
function balanceByOracle(ledgerGuid: string, asOn: string): number {
  return store.db
    .prepare(
      `SELECT l.opening_balance + coalesce((SELECT sum(e.amount) FROM entries e JOIN vouchers v ON v.id = e.voucher_id
         WHERE e.ledger_id = l.id AND e.date <= @asOn AND v.is_cancelled = 0 AND v.is_optional = 0), 0)
       FROM ledgers l WHERE l.company_id = @company AND l.guid = @guid`,
    )
    .pluck()
    .get({ company: masters.company.id, asOn, guid: ledgerGuid }) as number;
}

/** The demo's books run from 1 April 2024 (three years up to 25 November 2026). */
function asOnDates(): string[] {
  const random = rng(99);
  const first = '2024-04-01';
  const dates = new Set(['2026-11-25', '2026-03-31', '2025-03-31', '2025-04-01', first, addDays(first, -1)]);
  while (dates.size < 16) dates.add(addDays(first, Math.floor(random() * 1000)));
  return [...dates].sort();
}

describe('outstanding against a recomputation from the stored rows', () => {
  it('covers the books', () => {
    expect(store.db.prepare('SELECT min(date) FROM vouchers').pluck().get()).toBe('2024-04-01');
  });

  it.each(asOnDates())('bills and party totals as on %s', (asOn) => {
    const parties = [...partyLedgers(masters, 'receivable'), ...partyLedgers(masters, 'payable')];
    const bills = billsAsOn(store.db, masters.company.id, new Set(parties.map((l) => l.guid)), asOn);
    expect(bills.map((b) => `${b.ledgerGuid} ${b.billName} ${b.amount}`).sort()).toEqual(billsByOracle(asOn));

    for (const kind of ['receivable', 'payable'] as const) {
      const report = outstanding(store.db, masters, { kind, asOn, buckets: [30, 60, 90] });
      const sign = kind === 'receivable' ? 1 : -1;
      for (const party of report.parties) {
        expect(party.total, `${party.name} on ${asOn}`).toBe(sign * balanceByOracle(party.ledgerGuid, asOn));
        expect(party.bills.reduce((s, b) => s + b.amount, 0)).toBe(party.total);
        // Not-due bills and On Account amounts are not aged: they have their own columns.
        expect(party.notDue + party.onAccount + party.buckets.reduce((s, b) => s + b, 0)).toBe(party.total);
      }
      // Every party with a balance is listed.
      const listed = new Set(report.parties.map((p) => p.ledgerGuid));
      for (const ledger of partyLedgers(masters, kind)) {
        if (balanceByOracle(ledger.guid, asOn) !== 0) expect(listed.has(ledger.guid), ledger.name).toBe(true);
      }
    }
  });
});
