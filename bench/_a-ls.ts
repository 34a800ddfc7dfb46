import { openStore } from '../electron/core/db/store';
import { loadMasters } from '../electron/core/reports/masters';
import { ledgerStatement } from '../electron/core/reports/ledger-statement';
import { openingsAt } from '../electron/core/reports/balances';
const store = openStore('/tmp/a-demo-100000.db', { readonly: true });
const c = store.db.prepare('select guid from companies').pluck().get() as string;
const m = loadMasters(store.db, store.requireCompany(c));
const busiest = m.ledgersUnder('Sundry Debtors')[0]!;
for (let i = 0; i < 3; i++) {
  let t = performance.now();
  openingsAt(store.db, m, '2025-04-01', [busiest]);
  const a = performance.now() - t;
  t = performance.now();
  const rows = store.db.prepare(`SELECT e.id, e.date, e.amount, v.guid, v.voucher_type, v.voucher_number, v.narration, o.ledger_guid, o.amount
       FROM ledger_entries e JOIN vouchers v ON v.id = e.voucher_id
       LEFT JOIN ledger_entries o ON o.voucher_id = e.voucher_id AND o.id <> e.id
       WHERE e.company_id = ? AND e.ledger_guid = ? AND e.date >= ? AND e.date <= ?
         AND v.is_cancelled = 0 AND v.is_optional = 0 ORDER BY e.date, e.voucher_id, e.id`).raw().all(1, busiest.guid, '2025-04-01', '2026-03-31');
  const b = performance.now() - t;
  t = performance.now();
  const s = ledgerStatement(store.db, m, { ledgerGuid: busiest.guid, from: '2025-04-01', to: '2026-03-31' });
  console.log('opening', a.toFixed(1), 'query', b.toFixed(1), rows.length, 'full', (performance.now() - t).toFixed(1), s.lines.length);
}
