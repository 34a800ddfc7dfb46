import type Database from 'better-sqlite3';
import type { IsoDate } from '../../../shared/dates';

/**
 * Post-dated vouchers post once their date has come, as Tally counts it: when the company's date of last
 * entry (its latest regular voucher) reaches them; until then they are pending (help.tallysolutions.com,
 * post-dated vouchers and post-dated cheque management; see docs/TALLY.md). The date follows the books,
 * not the wall clock, so the same books give the same figures on any day, as in Tally.
 */

/** The company's date of last entry: its latest voucher that posts and is not post-dated. */
export function lastEntryDate(db: Database.Database, companyId: number): IsoDate | null {
  const row = db
    .prepare(
      `SELECT date FROM vouchers INDEXED BY vouchers_date
       WHERE company_id = ? AND is_post_dated = 0 AND off_books IS NULL ORDER BY date DESC LIMIT 1`,
    )
    .pluck()
    .get(companyId) as IsoDate | undefined;
  return row ?? null;
}

/**
 * Posts the post-dated vouchers the date of last entry has reached, and takes back into waiting any it no
 * longer reaches (its latest voucher deleted). Returns the ledgers and months whose summaries changed.
 * A probe of a partial index when the company has no post-dated voucher.
 */
export function settlePostDated(
  db: Database.Database,
  companyId: number,
): { vouchers: number; ledgers: Set<string>; months: Set<string> } {
  const ledgers = new Set<string>();
  const months = new Set<string>();
  const any = db
    .prepare(
      'SELECT 1 FROM vouchers INDEXED BY vouchers_post_dated WHERE company_id = ? AND is_post_dated = 1 LIMIT 1',
    )
    .get(companyId);
  if (any === undefined) return { vouchers: 0, ledgers, months };
  const last = lastEntryDate(db, companyId) ?? '';
  const changing = db
    .prepare(
      `SELECT id, date, off_books IS NULL AS posted FROM vouchers INDEXED BY vouchers_post_dated
       WHERE company_id = ? AND is_post_dated = 1
         AND ((off_books = 'post-dated' AND date <= @last) OR (off_books IS NULL AND date > @last))`,
    )
    .all(companyId, { last }) as { id: number; date: string; posted: number }[];
  const ledgersOf = db
    .prepare(
      'SELECT DISTINCT l.guid FROM entries e JOIN ledgers l ON l.id = e.ledger_id WHERE e.voucher_id = ?',
    )
    .pluck();
  const mark = db.prepare('UPDATE vouchers SET off_books = ? WHERE id = ?');
  for (const v of changing) {
    for (const guid of ledgersOf.all(v.id) as string[]) ledgers.add(guid);
    months.add(v.date.slice(0, 7));
    mark.run(v.posted === 1 ? 'post-dated' : null, v.id);
  }
  return { vouchers: changing.length, ledgers, months };
}
