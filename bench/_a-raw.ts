import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { migration001 } from '../electron/core/db/migrations/001-initial';
const variant = process.argv[2] ?? 'base';
const path = '/tmp/a-raw.db';
for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
const db = new Database(path);
db.pragma('journal_mode = WAL'); db.pragma('synchronous = NORMAL');
if (variant !== 'nofk') db.pragma('foreign_keys = ON');
db.exec(migration001);
if (variant === 'noidx') db.exec('DROP INDEX ledger_entries_ledger_date; DROP INDEX bill_allocations_ledger;');
db.prepare("insert into companies (guid,name,source) values ('c','c','demo')").run();
const pre = 'bf0a4c3e-1111-2222-3333-444455556666-';
const ledgers = Array.from({ length: 500 }, (_, i) => pre + i.toString(16).padStart(8, '0'));
const ins = db.prepare('insert into ledgers (company_id, guid, name, group_name) values (1, ?, ?, ?)');
for (const l of ledgers) ins.run(l, l, 'g');
const iv = db.prepare(`INSERT INTO vouchers (company_id, guid, alter_id, master_id, date, voucher_type, base_type, voucher_number, party_name, narration, reference, is_cancelled, is_optional) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
const ie = db.prepare('INSERT INTO ledger_entries (voucher_id, company_id, ledger_guid, date, amount) VALUES (?, ?, ?, ?, ?)');
const ib = db.prepare(`INSERT INTO bill_allocations (entry_id, company_id, ledger_guid, date, bill_name, bill_type, amount, credit_period_days, due_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
const t = performance.now();
db.exec('BEGIN');
for (let i = 0; i < 100000; i++) {
  const date = `2025-${String(1 + (i * 12 / 100000 | 0)).padStart(2, '0')}-15`;
  const vid = Number(iv.run(1, pre + (100000 + i).toString(16).padStart(8, '0'), i, i, date, 'Sales', 'Sales', 'SI/25-26/' + i, 'party', 'Being goods sold', null, 0, 0).lastInsertRowid);
  for (let k = 0; k < 3.6; k++) {
    const led = ledgers[(i * 7 + k * 131) % 500]!;
    const eid = Number(ie.run(vid, 1, led, date, k === 0 ? 300 : -100).lastInsertRowid);
    if (k === 0) ib.run(eid, 1, led, date, 'SI/25-26/' + i, 'New Ref', 300, 30, date);
  }
}
db.exec('COMMIT');
console.log(variant, (performance.now() - t).toFixed(0), 'ms');
