import type Database from 'better-sqlite3';
import { openStore } from '../../../electron/core/db/store';
import { summaryStatements } from '../../../electron/core/db/summaries';
import { loadDemoCompany } from '../../../electron/core/demo/load';
import { TINY_GUID, tempDir, voucher, writeTiny } from './fixtures';

const dir = tempDir();
afterAll(() => dir.cleanup());

const TABLES = {
  ledger_month_totals: 'ledger_guid, month, base_type',
  bill_totals: 'ledger_guid, bill_name',
  voucher_month_counts: 'month, base_type',
} as const;

function snapshot(db: Database.Database, companyId: number): Record<string, unknown[]> {
  return Object.fromEntries(
    Object.entries(TABLES).map(([table, order]) => [
      table,
      db.prepare(`SELECT * FROM ${table} WHERE company_id = ? ORDER BY ${order}`).all(companyId),
    ]),
  );
}

describe('summary tables', () => {
  it('accumulated during a bulk load equal a rebuild from the entries', () => {
    const store = openStore(dir.path('demo.db'));
    const { companyGuid } = loadDemoCompany(store, { vouchers: 3_000, seed: 11, until: '2026-06-30' });
    const id = store.requireCompany(companyGuid).id;
    const accumulated = snapshot(store.db, id);
    expect(accumulated.ledger_month_totals!.length).toBeGreaterThan(100);
    expect(accumulated.bill_totals!.length).toBeGreaterThan(500);
    store.db.transaction(() => summaryStatements(store.db).rebuildCompany(id))();
    expect(snapshot(store.db, id)).toEqual(accumulated);
    store.close();
  });

  it('kept per ledger and month by incremental writes equal a full rebuild', () => {
    const store = openStore(dir.path('tiny.db'));
    writeTiny(store);
    const writer = store.beginCompanyWrite(
      { guid: TINY_GUID, name: 'Tiny Traders', source: 'import' },
      'merge',
    );
    writer.putVouchers([
      voucher('V9', '2025-08-03', 'Receipt', 'R9', [
        { ledgerGuid: 'L-BANK', ledgerName: 'HDFC Bank', amount: 800_00, bills: [] },
        {
          ledgerGuid: 'L-A',
          ledgerName: 'Asha Stores',
          amount: -800_00,
          bills: [
            { billName: 'S1', billType: 'Agst Ref', amount: -800_00, creditPeriodDays: null, dueDate: null },
          ],
        },
      ]),
    ]);
    writer.deleteVouchers(['V4']);
    writer.commit({
      guid: TINY_GUID,
      name: 'Tiny Traders',
      source: 'import',
      booksFrom: '2025-04-01',
      masterAlterId: 100,
      voucherAlterId: 300,
    });
    const id = store.requireCompany(TINY_GUID).id;
    const incremental = snapshot(store.db, id);
    store.db.transaction(() => summaryStatements(store.db).rebuildCompany(id))();
    expect(snapshot(store.db, id)).toEqual(incremental);
    const s1 = incremental.bill_totals!.find((b) => (b as { bill_name: string }).bill_name === 'S1');
    expect(s1).toMatchObject({
      amount: 11_800_00 - 6_000_00 - 800_00,
      last_date: '2025-08-03',
      due_date: '2025-05-05',
    });
    store.close();
  });
});
