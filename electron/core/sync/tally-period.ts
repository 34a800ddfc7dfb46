import { AppError } from '../../../shared/errors';
import { yearStartOf, type IsoDate } from '../../../shared/dates';
import type { TallyClient } from '../tally/client';
import { fetchCurrentPeriod, setCurrentPeriod, type Period } from '../tally/fetch';
import type { TallyCompany } from '../tally/mappers';

/**
 * Tally's current period while a sync reads a company. Tally's collections answer for its current period
 * (Alt+F2), not for the dates a request names: a live TallyPrime sent only the current financial year's
 * vouchers however the request was dated, and ledger opening balances are as on the period's first day
 * (docs/TALLY.md "Tally's current period"). So the sync makes the whole books the current period before it
 * reads, each stock date's year before it asks for that date's stock, and puts the accountant's own period
 * back at the end.
 */
export interface PeriodSession {
  /**
   * Makes `period` Tally's current period (no request when it already is). False when Tally refused and
   * its own period, as far as known, does not cover `period` (the answers would leave part of it out).
   */
  use(period: Period): Promise<boolean>;
  /** Tally's period before the sync, when Tally said. */
  readonly original: Period | null;
  /** Tally's period now, as far as known (null: Tally did not say and the sync changed nothing). */
  readonly current: Period | null;
  /** Puts back the period Tally had before the sync, if the sync changed it. */
  restore(): Promise<void>;
}

/**
 * The whole books: from the books' first day (the masters' opening balances are as on it) to the 31st of
 * December a year past today, so post-dated vouchers are in. Tally was seen to ignore a statement's end
 * date unless it fell on a 31st (MarketingBNG/Tally-MCP): this end is always one.
 */
export function booksPeriod(company: TallyCompany, today: IsoDate): Period {
  const from = company.booksFrom ?? yearStartOf(today, company.yearStartMonth ?? 4);
  return { from, to: `${Number(today.slice(0, 4)) + 1}-12-31` };
}

const same = (a: Period | null, b: Period): boolean => a !== null && a.from === b.from && a.to === b.to;

/** Whether `outer` holds all of `inner`. */
export const covers = (outer: Period, inner: Period): boolean =>
  outer.from <= inner.from && outer.to >= inner.to;

/**
 * Reads Tally's period and returns a session that changes and restores it. A Tally that refuses either
 * request is read as before (the requests still name their dates); only a cancel stops the sync.
 */
export async function openPeriodSession(
  client: TallyClient,
  signal: AbortSignal,
  warn: (message: string) => void = () => undefined,
): Promise<PeriodSession> {
  const passOn = (error: unknown): void => {
    if (error instanceof AppError && error.code === 'CANCELLED') throw error;
    warn(error instanceof Error ? error.message : String(error));
  };
  const readPeriod = async (): Promise<Period | null> => {
    try {
      return await fetchCurrentPeriod(client, signal);
    } catch (error) {
      passOn(error);
      return null;
    }
  };
  const original = await readPeriod();
  let current = original;
  let refused = false;
  return {
    original,
    get current() {
      return current;
    },
    async use(period) {
      if (same(current, period)) return true;
      if (!refused) {
        try {
          await setCurrentPeriod(client, period, signal);
          current = period;
          return true;
        } catch (error) {
          passOn(error);
          // What Tally answers to "Change Period" is not documented (an empty answer reads as an error
          // here): where Tally says its period, believe the period, not the answer.
          if (original !== null && same(await readPeriod(), period)) {
            current = period;
            return true;
          }
          refused = true;
        }
      }
      return current === null || covers(current, period);
    },
    async restore() {
      if (original === null || same(current, original) || refused) return;
      try {
        await setCurrentPeriod(client, original);
        current = original;
      } catch (error) {
        // Never fails a sync that has landed: the accountant can set the period again with Alt+F2.
        if (!(error instanceof AppError && error.code === 'CANCELLED')) passOn(error);
      }
    },
  };
}
