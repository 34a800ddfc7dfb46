import { AppError } from '../../../shared/errors';
import { lastDayOfMonth, yearStartOf, type IsoDate } from '../../../shared/dates';
import type { CompanyWriter, TallyStockValue } from '../db/records';
import { VOUCHER_MAY_MOVE_STOCK } from '../db/stock-moves';
import type { TallyClient } from '../tally/client';
import { fetchStockInHand } from '../tally/fetch';
import type { PeriodSession } from './tally-period';
import type { TallyCompany } from '../tally/mappers';
import { STOCK_IN_HAND_GROUP } from '../tally/requests';
import type { Store } from '../db/store';
import type { ProgressTracker } from './progress';

/**
 * Closing stock as Tally values it, asked of Tally inside the sync's write so the books and the stock
 * figures always belong together. Tally computes the figure per request, so only the dates the reports
 * need are asked: every month end (the P&L's and balance sheet's usual periods, the financial year ends
 * among them) and the date of the last voucher that moves stock (any later date has the same stock). An
 * incremental sync asks again only from the earliest date it changed. If Tally does not answer, the
 * stored figures from that date on are dropped and the reports value the stock themselves, saying so.
 */

/** More than this many dates (20 years of month ends) are not asked: the newest are kept. */
export const MAX_STOCK_DATES = 240;

/** Month ends from the month of `from` to the month of `last` that are not after `last`, then `last`. */
export function stockDates(from: IsoDate, last: IsoDate): IsoDate[] {
  if (from > last) return [];
  const dates: IsoDate[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  for (;;) {
    const end = lastDayOfMonth(`${year}-${String(month).padStart(2, '0')}`);
    if (end > last) break;
    dates.push(end);
    if (end === last) return dates.slice(-MAX_STOCK_DATES);
    month++;
    if (month === 13) {
      month = 1;
      year++;
    }
  }
  dates.push(last);
  return dates.slice(-MAX_STOCK_DATES);
}

/** Whether the company keeps stock at all: stock items, or ledgers directly under Stock-in-Hand. */
function keepsStock(db: Store['db'], companyGuid: string): boolean {
  return (
    (db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM stock_items s JOIN companies c ON c.id = s.company_id WHERE c.guid = @guid)
           OR EXISTS (SELECT 1 FROM ledgers l JOIN companies c ON c.id = l.company_id
             JOIN groups g ON g.company_id = l.company_id AND g.name = l.group_name
             WHERE c.guid = @guid AND (g.reserved_name = @stock OR g.name = @stock OR g.parent_name = @stock))`,
      )
      .pluck()
      .get({ guid: companyGuid, stock: STOCK_IN_HAND_GROUP }) as number) === 1
  );
}

/** Date of the last voucher that moves stock, as the write left the company (uncommitted rows included). */
function lastStockDate(db: Store['db'], companyGuid: string): IsoDate | null {
  return (db
    .prepare(
      `SELECT max(v.date) FROM vouchers v JOIN companies c ON c.id = v.company_id
       WHERE c.guid = ? AND ${VOUCHER_MAY_MOVE_STOCK}`,
    )
    .pluck()
    .get(companyGuid) ?? null) as IsoDate | null;
}

/**
 * Asks Tally for the closing stock on the dates from `changedFrom` (null: the whole books) and puts the
 * answers into the write. Never fails the sync except on cancel: without Tally's figures the reports value
 * the stock themselves.
 */
export async function putTallyStock(
  company: TallyCompany,
  writer: CompanyWriter,
  deps: {
    client: TallyClient;
    store: Pick<Store, 'db'>;
    progress: ProgressTracker;
    signal: AbortSignal;
    /** Tally's current period, moved to each date's year before its stock is asked (tally-period.ts). */
    period?: PeriodSession;
  },
  changedFrom: IsoDate | null,
): Promise<void> {
  const db = deps.store.db;
  if (!keepsStock(db, company.guid)) {
    writer.putTallyStockValues(null, []);
    return;
  }
  const last = lastStockDate(db, company.guid);
  const start = changedFrom ?? company.booksFrom ?? last;
  if (last === null || start === null) {
    writer.putTallyStockValues(changedFrom, []);
    return;
  }
  const dates = stockDates(start, last);
  deps.progress.phase('stock', dates.length, `${company.name}: asking Tally for its closing stock`);
  const values: TallyStockValue[] = [];
  try {
    for (const date of dates) {
      const value = await askTally(deps, company, date, last);
      if (value === null) break;
      values.push({ date, value });
      deps.progress.advance(1);
    }
  } catch (error) {
    if (error instanceof AppError && error.code === 'CANCELLED') throw error;
    // Tally busy or an answer it could not give: the reports value the stock themselves from here on.
    deps.progress.phase(
      'stock',
      null,
      `${company.name}: Tally did not value the closing stock; computed instead`,
    );
    writer.putTallyStockValues(changedFrom, []);
    return;
  }
  writer.putTallyStockValues(changedFrom, values);
}

async function askTally(
  deps: { client: TallyClient; signal: AbortSignal; period?: PeriodSession },
  company: TallyCompany,
  date: IsoDate,
  last: IsoDate,
): Promise<number | null> {
  // The financial year of the date (as Tally's own period would be), not before the books begin.
  const yearStart = yearStartOf(date, company.yearStartMonth ?? 4);
  const from = company.booksFrom !== null && company.booksFrom > yearStart ? company.booksFrom : yearStart;
  const period = { from: from > date ? date : from, to: date };
  // Tally values the stock as on its current period's end: make that the date asked for. The period Tally
  // already has does as well when it starts the same day and ends on or after the last voucher that moves
  // stock (no stock moves between that voucher and the period's end), so it is left as the accountant set it.
  const current = deps.period?.current ?? null;
  if (date === last && current !== null && current.from === period.from && current.to >= date) {
    return fetchStockInHand(deps.client, company.name, current.from, current.to, deps.signal);
  }
  await deps.period?.use(period);
  return fetchStockInHand(deps.client, company.name, period.from, period.to, deps.signal);
}
