import type Database from 'better-sqlite3';
import type { LedgerEntryRecord, VoucherRecord } from '../../../electron/core/db/records';
import { BACKFILL_PARTICULARS_SQL } from '../../../electron/core/db/migrations/007-entry-particulars';
import { openStore, type Store } from '../../../electron/core/db/store';
import { voucherParticulars } from '../../../electron/core/db/particulars';
import { generateDemoCompany } from '../../../electron/core/demo/generator';
import { writeDemoCompany } from '../../../electron/core/demo/load';
import { ledgerStatement } from '../../../electron/core/reports/ledger-statement';
import { loadMasters, type Masters } from '../../../electron/core/reports/masters';
import { TINY, TINY_GUID, tempDir, tinyLedgers, voucher, writeTiny } from '../db/fixtures';

/**
 * Since schema v7 the statement's particulars are computed when a voucher is written. These tests hold
 * them equal to what the statement computed before, joining each line to its voucher's other entries.
 */
const dir = tempDir();
afterAll(() => dir.cleanup());

const FROM = '2000-01-01';
const TO = '2099-12-31';

type JoinRow = [entryId: number, amount: number, other: string | null, otherAmount: number | null];

/** The particulars of a ledger's statement lines as the pre-v7 statement computed them (its code, kept). */
function joinedParticulars(db: Database.Database, masters: Masters, ledgerGuid: string): string[] {
  const rows = db
    .prepare(
      `SELECT e.id, e.amount, ol.guid, o.amount
       FROM entries e
       JOIN vouchers v ON v.id = e.voucher_id
       LEFT JOIN entries o ON o.voucher_id = e.voucher_id AND o.id <> e.id
       LEFT JOIN ledgers ol ON ol.id = o.ledger_id
       WHERE e.ledger_id = (SELECT id FROM ledgers WHERE company_id = ? AND guid = ?)
         AND e.date >= ? AND e.date <= ?
         AND v.is_cancelled = 0 AND v.is_optional = 0
       ORDER BY e.date, e.voucher_id, e.id`,
    )
    .raw()
    .all(masters.company.id, ledgerGuid, FROM, TO) as JoinRow[];
  const result: string[] = [];
  let i = 0;
  while (i < rows.length) {
    const [entryId, amount] = rows[i]!;
    const opposite: [string, number][] = [];
    const sameSide: [string, number][] = [];
    for (; i < rows.length && rows[i]![0] === entryId; i++) {
      const [, , other, otherAmount] = rows[i]!;
      if (other === null || otherAmount === null || other === ledgerGuid) continue;
      (Math.sign(otherAmount) === Math.sign(amount) ? sameSide : opposite).push([other, otherAmount]);
    }
    const chosen = (opposite.length > 0 ? opposite : sameSide).sort(
      (a, b) => Math.abs(b[1]) - Math.abs(a[1]),
    );
    const names: string[] = [];
    for (const [guid] of chosen) {
      const name = masters.ledgers.get(guid)?.name ?? guid;
      if (!names.includes(name)) names.push(name);
    }
    const shown = names.slice(0, 3).join(', ');
    result.push(names.length > 3 ? `${shown} +${names.length - 3} more` : shown);
  }
  return result;
}

/** Every ledger's statement particulars, stored vs joined; returns all lines' particulars. */
function expectSameAsJoin(store: Store, companyGuid: string): string[] {
  const masters = loadMasters(store.db, store.requireCompany(companyGuid));
  const all: string[] = [];
  for (const ledger of masters.ledgers.values()) {
    const stored = ledgerStatement(store.db, masters, { ledgerGuid: ledger.guid, from: FROM, to: TO });
    const particulars = stored.lines.map((l) => l.particulars);
    expect(particulars, ledger.name).toEqual(joinedParticulars(store.db, masters, ledger.guid));
    all.push(...particulars);
  }
  return all;
}

type StoredRow = [id: number, other: number | null, count: number, more: string | null];
const storedParticulars = (db: Database.Database): StoredRow[] =>
  db
    .prepare('SELECT id, other_ledger_id, other_ledger_count, more_ledger_ids FROM entries ORDER BY id')
    .raw()
    .all() as StoredRow[];

/** The migration's SQL backfill, run over the stored entries, reproduces what the writer stored. */
function expectBackfillAgrees(db: Database.Database): void {
  const written = storedParticulars(db);
  db.exec('SAVEPOINT backfill');
  db.exec('UPDATE entries SET other_ledger_id = NULL, other_ledger_count = 0, more_ledger_ids = NULL');
  db.exec(BACKFILL_PARTICULARS_SQL);
  const backfilled = storedParticulars(db);
  db.exec('ROLLBACK TO backfill');
  db.exec('RELEASE backfill');
  expect(backfilled).toEqual(written);
}

describe('precomputed particulars', () => {
  const demo = generateDemoCompany({ vouchers: 3_000, seed: 11, until: '2026-11-25' });
  let store: Store;
  beforeAll(() => {
    store = openStore(dir.path('demo.db'));
    writeDemoCompany(store, demo);
  });
  afterAll(() => store.close());

  it('equal the join over each voucher’s other entries, for every ledger of a generated company', () => {
    const all = expectSameAsJoin(store, demo.company.guid);
    // The data exercises several names per line and the "+N more" tail, not just two-entry vouchers.
    expect(all.some((p) => p.includes(', '))).toBe(true);
    expect(all.some((p) => p.endsWith(' more'))).toBe(true);
    expectBackfillAgrees(store.db);
  });

  it('follow an incremental merge that changes a voucher’s ledgers, and a deleted voucher', () => {
    const vouchers = [...demo.vouchers()];
    const sale = vouchers.find((v) => v.voucherType === 'Sales' && v.entries.length >= 4)!;
    const receipt = vouchers.find((v) => v.voucherType === 'Receipt' && v.entries.length === 2)!;
    const gone = vouchers.find((v) => v.voucherType === 'Payment')!;
    const byName = new Map(demo.ledgers.map((l) => [l.name, l]));
    const swap = (entry: LedgerEntryRecord, name: string): LedgerEntryRecord => ({
      ...entry,
      ledgerGuid: byName.get(name)!.guid,
      ledgerName: name,
    });
    // The sale now credits a different income ledger and the receipt lands in cash instead of a bank.
    const income = demo.ledgers.find(
      (l) => l.parent === 'Indirect Incomes' && !sale.entries.some((e) => e.ledgerGuid === l.guid),
    )!;
    const biggestCredit = sale.entries.reduce((a, b) => (b.amount < a.amount ? b : a));
    const changedSale: VoucherRecord = {
      ...sale,
      alterId: sale.alterId + 1_000_000,
      entries: sale.entries.map((e) => (e === biggestCredit ? swap(e, income.name) : e)),
    };
    const cash = demo.ledgers.find((l) => l.parent === 'Cash-in-Hand')!;
    const changedReceipt: VoucherRecord = {
      ...receipt,
      alterId: receipt.alterId + 1_000_000,
      entries: receipt.entries.map((e) => (e.amount > 0 ? swap(e, cash.name) : e)),
    };
    const writer = store.beginCompanyWrite(demo.company, 'merge');
    writer.putVouchers([changedSale, changedReceipt]);
    writer.deleteVouchers([gone.guid]);
    writer.commit(demo.company);

    const masters = loadMasters(store.db, store.requireCompany(demo.company.guid));
    const party = sale.entries.find((e) => e.amount > 0)!;
    const line = ledgerStatement(store.db, masters, {
      ledgerGuid: party.ledgerGuid!,
      from: sale.date,
      to: sale.date,
    }).lines.find((l) => l.voucherGuid === sale.guid)!;
    expect(line.particulars.startsWith(income.name)).toBe(true);
    expectSameAsJoin(store, demo.company.guid);
    expectBackfillAgrees(store.db);
    // No entry names a ledger that its voucher does not use.
    const stray = store.db
      .prepare(
        `SELECT count(*) FROM entries e WHERE e.other_ledger_id IS NOT NULL AND NOT EXISTS
           (SELECT 1 FROM entries o WHERE o.voucher_id = e.voucher_id AND o.ledger_id = e.other_ledger_id)`,
      )
      .pluck()
      .get();
    expect(stray).toBe(0);
  });
});

describe('particulars edge cases', () => {
  const name = (guid: string): string => tinyLedgers.find((l) => l.guid === guid)!.name;
  const e = (ledgerGuid: string, amount: number): LedgerEntryRecord => ({
    ledgerGuid,
    ledgerName: name(ledgerGuid),
    amount,
    bills: [],
  });
  const edgeVouchers: VoucherRecord[] = [
    // Five ledgers on the other side, two of them tied: three names and "+2 more".
    voucher('E1', '2025-07-01', 'Journal', 'J1', [
      e('L-RENT', 10_000),
      e('L-SALES', -4_000),
      e('L-INT', -2_000),
      e('L-CAP', -2_000),
      e('L-BANK', -1_000),
      e('L-CASH', -1_000),
    ]),
    // The same ledger on both sides, and again on the other side: it never names itself.
    voucher('E2', '2025-07-02', 'Journal', 'J2', [e('L-CASH', 500), e('L-BANK', 300), e('L-CASH', -800)]),
    // A zero line, and a ledger that appears twice on the other side (ranked by its bigger amount).
    voucher('E3', '2025-07-03', 'Journal', 'J3', [
      e('L-RENT', 900),
      e('L-CAP', -100),
      e('L-BANK', -300),
      e('L-CAP', -500),
      e('L-INT', 0),
    ]),
    // Only one ledger in the whole voucher: no particulars at all.
    voucher('E4', '2025-07-04', 'Contra', 'C1', [e('L-CASH', 700), e('L-CASH', -700)]),
  ];

  it('match the join for ties, repeated ledgers, zero lines and single-ledger vouchers', () => {
    const store = openStore(dir.path('edges.db'));
    writeTiny(store, edgeVouchers);
    const all = expectSameAsJoin(store, TINY_GUID);
    expect(all).toContain('Sales, Interest Received, Capital +2 more');
    expectBackfillAgrees(store.db);

    // Rewriting one voucher in a merge changes only its own entries' particulars.
    const writer = store.beginCompanyWrite(TINY, 'merge');
    writer.putVouchers([
      voucher('E1', '2025-07-01', 'Journal', 'J1', [e('L-RENT', 10_000), e('L-PURCH', -10_000)]),
    ]);
    writer.commit(TINY);
    const masters = loadMasters(store.db, store.requireCompany(TINY_GUID));
    const rent = ledgerStatement(store.db, masters, { ledgerGuid: 'L-RENT', from: FROM, to: TO });
    expect(rent.lines.map((l) => [l.voucherNumber, l.particulars])).toEqual([
      ['J1', 'Purchases'],
      ['J3', 'Capital, HDFC Bank, Interest Received'],
    ]);
    expectSameAsJoin(store, TINY_GUID);
    expectBackfillAgrees(store.db);
    store.close();
  });

  it('pick the opposite side when there is one, else the same side', () => {
    // Ledgers 1, 2, 3 with 1 on both sides: ledger 1's debit line falls back to the same side.
    expect(voucherParticulars([1, 2, 1], [100, 50, -150])).toEqual([
      [2, 1, null],
      [1, 1, null],
      [2, 1, null],
    ]);
    expect(voucherParticulars([1, 2, 3, 4, 5], [-10, 4, 3, 3, 0])).toEqual([
      [2, 4, '3,4'],
      [1, 2, '5'],
      [1, 2, '5'],
      [1, 2, '5'],
      [1, 4, '2,3'],
    ]);
    expect(voucherParticulars([7, 7], [5, -5])).toEqual([
      [null, 0, null],
      [null, 0, null],
    ]);
  });

  it('agree with the statement’s old per-line rule on random vouchers, short and long', () => {
    /** The pre-v7 statement's rule for one line, as it ran on the joined rows. */
    const reference = (ids: number[], list: number[], i: number): [number | null, number, string | null] => {
      const opposite: [number, number][] = [];
      const sameSide: [number, number][] = [];
      ids.forEach((id, j) => {
        if (j === i || id === ids[i]) return;
        (Math.sign(list[j]!) === Math.sign(list[i]!) ? sameSide : opposite).push([id, list[j]!]);
      });
      const chosen = (opposite.length > 0 ? opposite : sameSide).sort(
        (a, b) => Math.abs(b[1]) - Math.abs(a[1]),
      );
      const names: number[] = [];
      for (const [id] of chosen) if (!names.includes(id)) names.push(id);
      return [names[0] ?? null, names.length, names.length > 1 ? names.slice(1, 3).join(',') : null];
    };
    let seed = 12345;
    const next = (below: number): number => {
      seed = (seed * 48_271) % 2_147_483_647; // MINSTD: exact in doubles
      return seed % below;
    };
    for (let round = 0; round < 2_000; round++) {
      // Few ledgers and few distinct amounts: repeated ledgers, ties and zero lines are common.
      const n = 2 + next(round % 10 === 0 ? 60 : 8);
      const ids = Array.from({ length: n }, () => 1 + next(Math.max(2, n - 1)));
      const list = Array.from({ length: n }, () => (next(7) - 3) * 100);
      const expected = ids.map((_, i) => reference(ids, list, i));
      expect(voucherParticulars(ids, list), JSON.stringify({ ids, list })).toEqual(expected);
    }
  });
});
