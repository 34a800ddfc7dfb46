import { rmSync } from 'node:fs';
import { openStore } from '../electron/core/db/store';
import { generateDemoCompany } from '../electron/core/demo/generator';
import type { VoucherRecord } from '../electron/core/db/records';
const n = Number(process.argv[2] ?? 100000);
const path = `/tmp/a-demo-${n}.db`;
for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
const demo = generateDemoCompany({ vouchers: n, seed: 42, until: '2026-11-25' });
const all: VoucherRecord[] = [...demo.vouchers()];
const store = openStore(path); store.db.pragma('cache_size = -' + (process.env.CACHE ?? '65536'));
const w = store.beginCompanyWrite(demo.company, 'replace');
w.putGroups(demo.groups); w.putVoucherTypes(demo.voucherTypes); w.putLedgers(demo.ledgers);
let t = performance.now();
for (let i = 0; i < all.length; i += 2000) w.putVouchers(all.slice(i, i + 2000));
console.log('put', (performance.now() - t).toFixed(0));
const db = store.db;
t = performance.now();
db.prepare('DELETE FROM ledger_month_totals').run();
db.prepare(`INSERT INTO ledger_month_totals (company_id, ledger_guid, month, base_type, debit, credit, entries)
  SELECT e.company_id, e.ledger_guid, substr(e.date, 1, 7), v.base_type, sum(CASE WHEN e.amount > 0 THEN e.amount ELSE 0 END), sum(CASE WHEN e.amount < 0 THEN -e.amount ELSE 0 END), count(*)
  FROM ledger_entries e JOIN vouchers v ON v.id = e.voucher_id WHERE e.company_id = 1 AND v.is_cancelled = 0 AND v.is_optional = 0
  GROUP BY e.ledger_guid, substr(e.date, 1, 7), v.base_type`).run();
console.log('month totals', (performance.now() - t).toFixed(0));
t = performance.now();
const r = w.commit(demo.company);
console.log('commit', (performance.now() - t).toFixed(0), r);
console.log(db.prepare('select count(*) c from ledger_entries').get(), db.prepare('select count(*) c from bill_allocations').get(), db.prepare('select count(*) from bill_totals').get());
store.close();
