/**
 * Schema v7: each entry carries its "particulars", the other ledgers of its voucher as a ledger statement
 * shows them, computed once when the voucher is written instead of joining every statement line to the
 * voucher's other entries and their ledgers (see `voucherParticulars` in particulars.ts for the rule):
 * - other_ledger_id: the first one (biggest amount on the opposite side, what Tally prints), NULL if none;
 * - more_ledger_ids: the next ones in display order, at most two ("12,40"), NULL if none;
 * - other_ledger_count: how many distinct other ledgers there are (for "+N more").
 * Ledger ids are stable per GUID, a ledger cannot be deleted while entries use it, and rewriting a voucher
 * rewrites its entries, so the ids never go stale. The ledger index carries all three, so a statement
 * reads its lines from the index plus one voucher row each; the entry id sits right after the voucher so
 * the index is already in statement order (date, voucher, entry) and SQLite needs no sort.
 */
export const ENTRIES_LEDGER_INDEX_SQL = `CREATE INDEX entries_ledger_date ON entries(ledger_id, date, voucher_id, id,
  amount, other_ledger_id, other_ledger_count, more_ledger_ids)`;

/**
 * The rule of `voucherParticulars`, in SQL: per entry, the entries of its voucher on other ledgers; of
 * those the opposite side (sign differs) when there is any, else the same side; each ledger once (at its
 * biggest amount), biggest amount first, ties in entry order. Three ledgers stored, as in v7's writer.
 */
export const BACKFILL_PARTICULARS_SQL = `
WITH pairs AS (
  SELECT e.id AS entry_id, o.ledger_id AS ledger, abs(o.amount) AS size, o.id AS seq,
         sign(o.amount) = sign(e.amount) AS same_side
  FROM entries e JOIN entries o ON o.voucher_id = e.voucher_id AND o.ledger_id <> e.ledger_id
),
sided AS (
  SELECT *, min(same_side) OVER (PARTITION BY entry_id) AS chosen_side FROM pairs
),
distinct_ledgers AS (
  SELECT entry_id, ledger, size, seq,
         row_number() OVER (PARTITION BY entry_id, ledger ORDER BY size DESC, seq) AS nth
  FROM sided WHERE same_side = chosen_side
),
ordered AS (
  SELECT entry_id, ledger, row_number() OVER (PARTITION BY entry_id ORDER BY size DESC, seq) AS pos
  FROM distinct_ledgers WHERE nth = 1
),
particulars AS (
  SELECT entry_id, max(CASE WHEN pos = 1 THEN ledger END) AS first,
         group_concat(CASE WHEN pos IN (2, 3) THEN ledger END, ',' ORDER BY pos) AS more, count(*) AS n
  FROM ordered GROUP BY entry_id
)
UPDATE entries SET other_ledger_id = p.first, more_ledger_ids = p.more, other_ledger_count = p.n
FROM particulars p WHERE entries.id = p.entry_id`;

export const migration007 = `
ALTER TABLE entries ADD COLUMN other_ledger_id INTEGER;
ALTER TABLE entries ADD COLUMN more_ledger_ids TEXT;
ALTER TABLE entries ADD COLUMN other_ledger_count INTEGER NOT NULL DEFAULT 0;
${BACKFILL_PARTICULARS_SQL};
DROP INDEX entries_ledger_date;
${ENTRIES_LEDGER_INDEX_SQL};
`;
