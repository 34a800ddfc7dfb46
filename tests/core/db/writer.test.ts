import { AppError } from '../../../shared/errors';
import { openStore, type Store } from '../../../electron/core/db/store';
import { DEFERRED_INDEXES } from '../../../electron/core/db/writer';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import {
  TINY,
  TINY_GUID,
  tempDir,
  tinyGroups,
  tinyLedgers,
  tinyVoucherTypes,
  tinyVouchers,
  voucher,
  writeTiny,
} from './fixtures';

const dir = tempDir();
afterAll(() => dir.cleanup());
let n = 0;
const fresh = (): Store => openStore(dir.path(`w${n++}.db`));

const count = (store: Store, table: string): number =>
  store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

function appError(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('company writer', () => {
  it('writes a company and records counts, dates, alter ids and a data version', () => {
    const store = fresh();
    const { dataVersion } = writeTiny(store);
    expect(dataVersion).toBe(200);
    const row = store.db.prepare('SELECT * FROM companies WHERE guid = ?').get(TINY_GUID) as Record<
      string,
      unknown
    >;
    expect(row).toMatchObject({
      name: 'Tiny Traders',
      count_vouchers: tinyVouchers.length,
      count_ledgers: 9,
      count_groups: 28,
      first_voucher_date: '2025-04-05',
      last_voucher_date: '2026-04-10',
      sync_status: 'ok',
      voucher_alter_id: 200,
    });
    // Primary groups are derived from the parent chain.
    expect(
      store.db.prepare("SELECT primary_group FROM groups WHERE name = 'Sundry Debtors'").pluck().get(),
    ).toBe('Current Assets');
    store.close();
  });

  it('bumps the data version on every commit even when alter ids stay', () => {
    const store = fresh();
    const first = writeTiny(store).dataVersion;
    const second = writeTiny(store).dataVersion;
    expect(second).toBe(first + 1);
    store.close();
  });

  it('refuses an unknown ledger, naming the voucher, and keeps the previous data', () => {
    const store = fresh();
    writeTiny(store);
    const before = count(store, 'ledger_entries');
    const bad = voucher('BAD-1', '2025-07-01', 'Payment', 'PY9', [
      { ledgerGuid: null, ledgerName: 'Nobody Knows Me', amount: 100, bills: [] },
      { ledgerGuid: 'L-CASH', ledgerName: 'Cash', amount: -100, bills: [] },
    ]);
    const error = appError(() => writeTiny(store, [...tinyVouchers, bad]));
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.message).toContain('Nobody Knows Me');
    expect(error.message).toContain('BAD-1');
    expect(error.details).toMatchObject({ voucherGuid: 'BAD-1', voucherNumber: 'PY9', date: '2025-07-01' });
    expect(count(store, 'ledger_entries')).toBe(before);
    expect(store.db.inTransaction).toBe(false);
    store.close();
  });

  it('refuses an unbalanced voucher with the difference', () => {
    const store = fresh();
    const bad = voucher('UNBAL', '2025-07-01', 'Payment', 'PY9', [
      { ledgerGuid: 'L-RENT', ledgerName: 'Rent', amount: 100_00, bills: [] },
      { ledgerGuid: 'L-CASH', ledgerName: 'Cash', amount: -99_99, bills: [] },
    ]);
    const error = appError(() => writeTiny(store, [bad]));
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.message).toMatch(/does not balance/);
    expect(error.details).toMatchObject({ voucherGuid: 'UNBAL', differencePaise: 1 });
    expect(count(store, 'companies')).toBe(0);
    store.close();
  });

  it('refuses a duplicate GUID in a replace write', () => {
    const store = fresh();
    const error = appError(() => writeTiny(store, [...tinyVouchers, tinyVouchers[0]!]));
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.message).toMatch(/duplicate GUID/);
    expect(error.details).toMatchObject({ voucherGuid: 'V1' });
    store.close();
  });

  it('refuses bill allocations that do not add up to their entry', () => {
    const store = fresh();
    const bad = voucher('BILLS', '2025-07-01', 'Sales', 'S9', [
      {
        ledgerGuid: 'L-A',
        ledgerName: 'Asha Stores',
        amount: 100_00,
        bills: [
          { billName: 'S9', billType: 'New Ref', amount: 90_00, creditPeriodDays: null, dueDate: null },
        ],
      },
      { ledgerGuid: 'L-SALES', ledgerName: 'Sales', amount: -100_00, bills: [] },
    ]);
    expect(appError(() => writeTiny(store, [bad])).message).toMatch(/bill allocations/);
    store.close();
  });

  it('shows nothing to another connection before commit, and everything after', () => {
    const path = dir.path('visibility.db');
    const store = openStore(path);
    const reader = openStore(path, { readonly: true });
    const writer = store.beginCompanyWrite(TINY, 'replace');
    writer.putGroups(tinyGroups);
    writer.putVoucherTypes(tinyVoucherTypes);
    writer.putLedgers(tinyLedgers);
    writer.putVouchers(tinyVouchers);
    expect(store.db.prepare('SELECT count(*) FROM vouchers').pluck().get()).toBe(tinyVouchers.length);
    expect(reader.db.prepare('SELECT count(*) FROM companies').pluck().get()).toBe(0);
    expect(reader.db.prepare('SELECT count(*) FROM vouchers').pluck().get()).toBe(0);
    writer.rollback();
    expect(store.db.prepare('SELECT count(*) FROM vouchers').pluck().get()).toBe(0);
    writeTiny(store);
    expect(reader.db.prepare('SELECT count(*) FROM vouchers').pluck().get()).toBe(tinyVouchers.length);
    reader.close();
    store.close();
  });

  it('rolls back explicitly and allows a new write afterwards', () => {
    const store = fresh();
    writeTiny(store);
    const writer = store.beginCompanyWrite(TINY, 'replace');
    expect(() => store.beginCompanyWrite(TINY, 'replace')).toThrow(/Another company write/);
    writer.rollback();
    expect(count(store, 'vouchers')).toBe(tinyVouchers.length);
    expect(() => writer.putVouchers([])).toThrow(/already committed or rolled back/);
    writeTiny(store);
    store.close();
  });

  it('merges: replaces a voucher by GUID, deletes, renumbers, and keeps history through a ledger rename', () => {
    const store = fresh();
    writeTiny(store);
    const writer = store.beginCompanyWrite(TINY, 'merge');
    expect(writer.voucherAlterIds().get('V1')).toBe(1);
    writer.putLedgers([
      {
        guid: 'L-RENT',
        name: 'Office Rent',
        parent: 'Indirect Expenses',
        openingBalance: 0,
        isBillWise: false,
        creditPeriodDays: null,
        gstin: null,
        state: null,
        alterId: 7,
        openingBills: [],
      },
    ]);
    writer.putVouchers([
      voucher(
        'V4',
        '2025-05-15',
        'Payment',
        'PY1',
        [
          { ledgerGuid: null, ledgerName: 'Office Rent', amount: 2_500_00, bills: [] },
          { ledgerGuid: 'L-CASH', ledgerName: 'Cash', amount: -2_500_00, bills: [] },
        ],
        { alterId: 9 },
      ),
    ]);
    writer.deleteVouchers(['V8']);
    writer.renumberVouchers([{ guid: 'V1', voucherNumber: 'S1-renumbered' }]);
    writer.commit({ ...TINY, voucherAlterId: 201 });
    const rent = store.db
      .prepare("SELECT sum(amount) FROM ledger_entries WHERE ledger_guid = 'L-RENT'")
      .pluck()
      .get();
    expect(rent).toBe(2_500_00);
    expect(count(store, 'vouchers')).toBe(tinyVouchers.length - 1);
    expect(store.db.prepare("SELECT voucher_number FROM vouchers WHERE guid = 'V1'").pluck().get()).toBe(
      'S1-renumbered',
    );
    const summary = store.db
      .prepare("SELECT sum(debit) FROM ledger_month_totals WHERE ledger_guid = 'L-RENT'")
      .pluck()
      .get();
    expect(summary).toBe(2_500_00);
    store.close();
  });

  it("keeps a ledger's integer key when a merge re-puts or renames it", () => {
    const store = fresh();
    writeTiny(store);
    const idOf = (guid: string): number =>
      store.db.prepare('SELECT id FROM ledgers WHERE guid = ?').pluck().get(guid) as number;
    const rentId = idOf('L-RENT');
    const entriesBefore = store.db
      .prepare('SELECT count(*) FROM entries WHERE ledger_id = ?')
      .pluck()
      .get(rentId) as number;
    expect(entriesBefore).toBeGreaterThan(0);
    const writer = store.beginCompanyWrite(TINY, 'merge');
    const rent = tinyLedgers.find((l) => l.guid === 'L-RENT')!;
    writer.putLedgers([{ ...rent, name: 'Office Rent', alterId: rent.alterId + 1 }]);
    writer.putLedgers([{ ...rent, name: 'Office Rent', alterId: rent.alterId + 2 }]);
    writer.commit({ ...TINY, masterAlterId: 500 });
    expect(idOf('L-RENT')).toBe(rentId);
    expect(store.db.prepare('SELECT count(*) FROM entries WHERE ledger_id = ?').pluck().get(rentId)).toBe(
      entriesBefore,
    );
    expect(
      store.db
        .prepare(
          'SELECT count(*) FROM entries e LEFT JOIN ledgers l ON l.id = e.ledger_id WHERE l.id IS NULL',
        )
        .pluck()
        .get(),
    ).toBe(0);
    store.close();
  });

  it('passes renamed groups, ledgers and voucher types on to the names stored with them', () => {
    const store = fresh();
    const counterSale = {
      guid: 'tiny-vt-counter',
      name: 'Counter Sale',
      parent: 'Sales',
      autoNumbered: true,
      alterId: 1,
    };
    const writer0 = store.beginCompanyWrite(TINY, 'replace');
    writer0.putGroups([
      ...tinyGroups,
      {
        ...tinyGroups.find((g) => g.name === 'Sundry Debtors')!,
        guid: 'tiny-g-local',
        name: 'Local Debtors',
        parent: 'Sundry Debtors',
        reservedName: null,
      },
    ]);
    writer0.putVoucherTypes([...tinyVoucherTypes, counterSale]);
    const lata = {
      ...tinyLedgers.find((l) => l.guid === 'L-A')!,
      guid: 'L-LOCAL',
      name: 'Lata Stores',
      parent: 'Local Debtors',
      openingBalance: 0,
      openingBills: [],
    };
    writer0.putLedgers([...tinyLedgers, lata]);
    writer0.putVouchers([
      ...tinyVouchers,
      voucher(
        'V-COUNTER',
        '2025-06-02',
        'Counter Sale',
        'CS1',
        [
          { ledgerGuid: 'L-LOCAL', ledgerName: 'Lata Stores', amount: 1_000_00, bills: [] },
          { ledgerGuid: 'L-SALES', ledgerName: 'Sales', amount: -1_000_00, bills: [] },
        ],
        { partyLedgerName: 'Lata Stores' },
      ),
    ]);
    writer0.commit(TINY);

    // Tally renames the masters only; what refers to them keeps its AlterID and is not sent again.
    const writer = store.beginCompanyWrite(TINY, 'merge');
    const debtors = tinyGroups.find((g) => g.name === 'Sundry Debtors')!;
    writer.putGroups([{ ...debtors, name: 'Trade Receivables', alterId: 300 }]);
    writer.putVoucherTypes([{ ...counterSale, name: 'Shop Sale', alterId: 301 }]);
    writer.putLedgers([{ ...lata, name: 'Lata Stores & Sons', alterId: 302 }]);
    writer.commit({ ...TINY, masterAlterId: 302 });

    const one = (sql: string): unknown => store.db.prepare(sql).pluck().get();
    expect(one("SELECT parent_name FROM groups WHERE guid = 'tiny-g-local'")).toBe('Trade Receivables');
    expect(one("SELECT primary_group FROM groups WHERE guid = 'tiny-g-local'")).toBe('Current Assets');
    expect(one("SELECT group_name FROM ledgers WHERE guid = 'L-A'")).toBe('Trade Receivables');
    expect(one("SELECT voucher_type FROM vouchers WHERE guid = 'V-COUNTER'")).toBe('Shop Sale');
    expect(one("SELECT base_type FROM vouchers WHERE guid = 'V-COUNTER'")).toBe('Sales');
    expect(one("SELECT party_name FROM vouchers WHERE guid = 'V-COUNTER'")).toBe('Lata Stores & Sons');
    // A voucher of the renamed type written later still finds its base type.
    const later = store.beginCompanyWrite(TINY, 'merge');
    later.putVouchers([
      voucher('V-COUNTER-2', '2025-06-03', 'Shop Sale', 'CS2', [
        { ledgerGuid: 'L-LOCAL', ledgerName: 'Lata Stores & Sons', amount: 500_00, bills: [] },
        { ledgerGuid: 'L-SALES', ledgerName: 'Sales', amount: -500_00, bills: [] },
      ]),
    ]);
    later.commit({ ...TINY, voucherAlterId: 400 });
    expect(one("SELECT base_type FROM vouchers WHERE guid = 'V-COUNTER-2'")).toBe('Sales');
    store.close();
  });

  it("keeps what a sync itself sends when a new master takes a renamed one's old name", () => {
    const store = fresh();
    writeTiny(store);
    const debtors = tinyGroups.find((g) => g.name === 'Sundry Debtors')!;
    const writer = store.beginCompanyWrite(TINY, 'merge');
    // "Sundry Debtors" becomes "Old Debtors"; a new group takes the name, with a new ledger under it.
    writer.putGroups([
      { ...debtors, name: 'Old Debtors', alterId: 300 },
      { ...debtors, guid: 'tiny-g-new', name: 'Sundry Debtors', reservedName: null, alterId: 301 },
    ]);
    const asha = tinyLedgers.find((l) => l.guid === 'L-A')!;
    writer.putLedgers([{ ...asha, guid: 'L-NEW', name: 'Naya Traders', openingBills: [], alterId: 302 }]);
    writer.commit({ ...TINY, masterAlterId: 302 });
    const groupOf = (guid: string): unknown =>
      store.db.prepare('SELECT group_name FROM ledgers WHERE guid = ?').pluck().get(guid);
    expect(groupOf('L-A')).toBe('Old Debtors');
    expect(groupOf('L-NEW')).toBe('Sundry Debtors');
    store.close();
  });

  it('refuses to delete a ledger that vouchers still use', () => {
    const store = fresh();
    writeTiny(store);
    const writer = store.beginCompanyWrite(TINY, 'merge');
    expect(() => writer.deleteMasters(['L-CASH'])).toThrow(/vouchers still use it/);
    expect(count(store, 'ledgers')).toBe(9);
    store.close();
  });

  it('rebuilds deferred indexes after a bulk replace exactly as the migrations define them', () => {
    const store = fresh();
    const many = Array.from({ length: 600 }, (_, i) =>
      voucher(`BULK-${i}`, '2025-07-01', 'Payment', `PY-${i}`, [
        { ledgerGuid: 'L-RENT', ledgerName: 'Rent', amount: 100, bills: [] },
        { ledgerGuid: 'L-CASH', ledgerName: 'Cash', amount: -100, bills: [] },
      ]),
    );
    writeTiny(store, many);
    for (const index of DEFERRED_INDEXES) {
      const sql = store.db
        .prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?")
        .pluck()
        .get(index.name);
      expect(sql).toBe(index.sql);
      expect(MIGRATIONS.join('\n').replace(/\s+/g, ' ')).toContain(`${index.sql.replace(/\s+/g, ' ')};`);
      // A fresh database (built by the migrations) has the very same definition.
      const freshSql = openStore(dir.path(`fresh-${index.name}.db`))
        .db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?")
        .pluck()
        .get(index.name);
      expect(freshSql).toBe(index.sql);
    }
    store.close();
  });

  it('deletes a company with everything it owns, and records sync status', () => {
    const store = fresh();
    writeTiny(store);
    expect(store.markSyncStatus(TINY_GUID, 'error', 'Tally closed')).toBe(true);
    expect(store.db.prepare('SELECT sync_error FROM companies').pluck().get()).toBe('Tally closed');
    expect(store.markSyncStatus('nobody', 'syncing')).toBe(false);
    expect(store.deleteCompany(TINY_GUID)).toBe(true);
    for (const table of [
      'companies',
      'vouchers',
      'ledger_entries',
      'bill_allocations',
      'ledgers',
      'bill_totals',
    ]) {
      expect(count(store, table)).toBe(0);
    }
    expect(store.deleteCompany(TINY_GUID)).toBe(false);
    store.close();
  });
});
