import type Database from 'better-sqlite3';
import type { IsoDate } from '../../../shared/dates';
import type { LedgerMonth, LedgerMonthly } from '../../../shared/types/reports';
import { lastDayOfMonth, movements, openingsAt } from './balances';
import { ledgerRef } from './ledger-statement';
import type { Masters } from './masters';

function nextMonth(month: string): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * A ledger's Monthly Summary: debit, credit and the balance at the end of each month of the period.
 * Whole months come from the summary table (ledger_month_totals) in one query; only a period starting or
 * ending inside a month reads that month's entries. One balance runs through the whole period, as in the
 * ledger statement and the trial balance: a revenue ledger opens at zero only at the start of the
 * financial year the period starts in (earlier years are in the Profit & Loss A/c's opening) and does
 * not restart at a 1 April inside the period, so opening + debit − credit = closing on the page and the
 * last month's balance is the statement's closing (docs/TALLY.md, "A period spanning two years").
 */
export function ledgerMonthly(
  db: Database.Database,
  masters: Masters,
  params: { ledgerGuid: string; from: IsoDate; to: IsoDate },
): LedgerMonthly {
  const ledger = masters.ledger(params.ledgerGuid);
  const opening = openingsAt(db, masters, params.from, [ledger]).byLedger.get(ledger.guid) ?? 0;
  const whole = new Map(
    (
      db
        .prepare(
          `SELECT month, sum(debit) AS debit, sum(credit) AS credit FROM ledger_month_totals
           WHERE company_id = ? AND ledger_guid = ? AND month >= ? AND month <= ? GROUP BY month`,
        )
        .all(masters.company.id, ledger.guid, params.from.slice(0, 7), params.to.slice(0, 7)) as {
        month: string;
        debit: number;
        credit: number;
      }[]
    ).map((r) => [r.month, r]),
  );
  const months: LedgerMonth[] = [];
  let running = opening;
  let totalDebit = 0;
  let totalCredit = 0;
  for (let month = params.from.slice(0, 7); month <= params.to.slice(0, 7); month = nextMonth(month)) {
    const start = `${month}-01` < params.from ? params.from : `${month}-01`;
    const end = lastDayOfMonth(month) > params.to ? params.to : lastDayOfMonth(month);
    let debit = 0;
    let credit = 0;
    if (start === `${month}-01` && end === lastDayOfMonth(month)) {
      const row = whole.get(month);
      debit = row?.debit ?? 0;
      credit = row?.credit ?? 0;
    } else {
      const m = movements(db, masters.company.id, start, end, [ledger.guid], masters.allInBooks).get(
        ledger.guid,
      );
      debit = m?.debit ?? 0;
      credit = m?.credit ?? 0;
    }
    running += debit - credit;
    totalDebit += debit;
    totalCredit += credit;
    months.push({ month, debit, credit, closing: running });
  }
  return {
    companyGuid: masters.company.guid,
    ledger: ledgerRef(ledger),
    from: params.from,
    to: params.to,
    opening,
    months,
    totalDebit,
    totalCredit,
    closing: running,
  };
}
