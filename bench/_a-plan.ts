import Database from 'better-sqlite3';
const db = new Database('/tmp/a-demo-100000.db', { readonly: true });
const q = (sql: string) => { console.log(sql.replace(/\s+/g, ' ').slice(0, 100)); for (const r of db.prepare('EXPLAIN QUERY PLAN ' + sql).all() as any[]) console.log('   ', r.detail); };
q(`SELECT e.id, e.date, e.amount, v.guid, v.voucher_type, v.voucher_number, v.narration, o.ledger_guid, o.amount
       FROM ledger_entries e JOIN vouchers v ON v.id = e.voucher_id
       LEFT JOIN ledger_entries o ON o.voucher_id = e.voucher_id AND o.id <> e.id
       WHERE e.company_id = 1 AND e.ledger_guid = 'x' AND e.date >= '2025-04-01' AND e.date <= '2026-03-31'
         AND v.is_cancelled = 0 AND v.is_optional = 0 ORDER BY e.date, e.voucher_id, e.id`);
q(`SELECT ledger_guid FROM bill_totals WHERE company_id = 1 AND amount <> 0 AND (last_date IS NULL OR last_date <= '2025-09-30')`);
q(`SELECT ledger_guid FROM bill_totals WHERE company_id = 1 AND last_date > '2025-09-30' AND (first_date <= '2025-09-30' OR opening_amount <> 0)`);
q(`SELECT coalesce(sum(b.amount), 0) FROM bill_allocations b
    JOIN ledger_entries e ON e.id = b.entry_id JOIN vouchers v ON v.id = e.voucher_id
    WHERE b.company_id = 1 AND b.ledger_guid = 'x' AND b.bill_name = 'y' AND b.date <= '2025-09-30' AND v.is_cancelled = 0 AND v.is_optional = 0`);
console.log(db.prepare("select count(*) from bill_totals where company_id=1 and last_date > '2025-09-30' AND (first_date <= '2025-09-30' OR opening_amount <> 0)").get());
console.log(db.prepare("select count(*) from bill_totals where amount <> 0").get(), db.prepare("select count(*) from bill_totals").get());
