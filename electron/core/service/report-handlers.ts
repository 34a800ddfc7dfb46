import { todayInIndia } from '../../../shared/dates';
import type { IsoDate } from '../../../shared/dates';
import type { GroupSummaryStock, Served } from '../../../shared/types/reports';
import { cacheKeys, DEFAULT_TTLS, type CacheResource } from '../cache/keys';
import type { ReportCache } from '../cache/types';
import type { CompanyRow, Store } from '../db/store';
import { withDatabaseErrors } from '../db/sqlite-errors';
import { balanceSheet } from '../reports/balance-sheet';
import { billHistory } from '../reports/bill-history';
import { companyList } from '../reports/company-list';
import {
  balanceSheetColumn,
  compareBalanceSheets,
  compareGroupSummaries,
  compareProfitLoss,
  compareTrialBalances,
  resolveColumn,
} from '../reports/comparison';
import { dashboard, dashboardPeriod } from '../reports/dashboard';
import { dayBook } from '../reports/day-book';
import { groupSummary, requireGroup } from '../reports/group-summary';
import { ledgerMonthly } from '../reports/ledger-monthly';
import { ledgerSearch } from '../reports/ledger-search';
import { ledgerStatement } from '../reports/ledger-statement';
import { loadMasters, type Masters } from '../reports/masters';
import { outstanding } from '../reports/outstanding';
import { profitLoss } from '../reports/profit-loss';
import { stockItemRegister } from '../reports/stock-item';
import { stockSummary } from '../reports/stock-summary';
import { trialBalance } from '../reports/trial-balance';
import { voucherView } from '../reports/voucher';
import type { PartialHandlerMap } from './types';

export type ReportOperation =
  | 'companies.list'
  | 'dashboard.get'
  | 'ledgers.search'
  | 'ledger.statement'
  | 'outstanding.get'
  | 'bill.history'
  | 'trialBalance.get'
  | 'profitLoss.get'
  | 'balanceSheet.get'
  | 'groupSummary.get'
  | 'ledgerMonthly.get'
  | 'dayBook.get'
  | 'voucher.get'
  | 'stockSummary.get'
  | 'stockItem.movements'
  | 'trialBalance.compare'
  | 'profitLoss.compare'
  | 'balanceSheet.compare'
  | 'groupSummary.compare';

export interface ReportDeps {
  store: Store;
  /** The report cache; `passThroughCache` until the cache is wired in. */
  cache: ReportCache;
  /** TTL in seconds of a cache resource (configurable by the cache layer). */
  ttl?: (resource: CacheResource) => number;
  now: () => Date;
}

export { todayInIndia };

/**
 * The cache-key parts of a whole-period table view (sort, direction, search, filter, paging), none when
 * every one is at its default, so the keys of the plain reports stay as they were.
 */
export function viewKeyParts(view: {
  sort: string;
  dir: string;
  search: string;
  voucherTypes?: readonly string[];
  page?: number;
  pageSize?: number | undefined;
}): string[] {
  const parts: string[] = [];
  if (view.sort !== 'date' || view.dir !== 'asc') parts.push(`sort=${view.sort}.${view.dir}`);
  if (view.search !== '') parts.push(`q=${view.search}`);
  if (view.voucherTypes && view.voucherTypes.length > 0) parts.push(`types=${view.voucherTypes.join('|')}`);
  if (view.pageSize !== undefined) parts.push(`page=${view.page ?? 1}x${view.pageSize}`);
  return parts;
}

/** What every cached report handler does: look up, serve from the cache or compute, guard the database. */
export interface ReportServer {
  serve<T>(key: string, resource: CacheResource, compute: () => T): Promise<Served<T>>;
  guarded<T>(work: () => T): T;
  company(guid: string): CompanyRow;
  masters(row: CompanyRow): Masters;
}

export function reportServer(deps: Pick<ReportDeps, 'store' | 'cache' | 'ttl'>): ReportServer {
  const { store, cache } = deps;
  const ttl = deps.ttl ?? ((resource: CacheResource) => DEFAULT_TTLS[resource]);
  const guarded = <T>(work: () => T): T => withDatabaseErrors(store.path, work);
  return {
    guarded,
    async serve<T>(key: string, resource: CacheResource, compute: () => T): Promise<Served<T>> {
      const started = performance.now();
      const { value, hit } = await cache.getOrCompute(key, ttl(resource), () => guarded(compute));
      return {
        data: value,
        source: hit ? 'cache' : 'database',
        tookMs: Math.round((performance.now() - started) * 100) / 100,
      };
    },
    company: (guid) => guarded(() => store.requireCompany(guid)),
    masters: (row) => loadMasters(store.db, row),
  };
}

/**
 * Report operations: look the company up (its data version keys the cache), then serve from the cache
 * or compute from the database. A damaged database surfaces as a DATABASE error naming the file.
 */
export function reportHandlers(deps: ReportDeps): PartialHandlerMap<ReportOperation> {
  const { store } = deps;
  const { serve, guarded, company, masters } = reportServer(deps);
  type Period = { from: IsoDate; to: IsoDate };
  const tb = (row: CompanyRow, p: Period) =>
    serve(cacheKeys.report(row.guid, row.dataVersion, 'trial-balance', [p.from, p.to]), 'report', () =>
      trialBalance(store.db, masters(row), p),
    );
  const pl = (row: CompanyRow, p: Period) =>
    serve(cacheKeys.report(row.guid, row.dataVersion, 'profit-loss', [p.from, p.to]), 'report', () =>
      profitLoss(store.db, masters(row), p),
    );
  const bs = (row: CompanyRow, asOn: IsoDate) =>
    serve(cacheKeys.report(row.guid, row.dataVersion, 'balance-sheet', [asOn]), 'report', () =>
      balanceSheet(store.db, masters(row), { asOn }),
    );
  const gs = (row: CompanyRow, groupName: string, stock: GroupSummaryStock, p: Period) =>
    serve(
      cacheKeys.report(row.guid, row.dataVersion, 'group-summary', [groupName, p.from, p.to, stock]),
      'report',
      () => groupSummary(store.db, masters(row), { groupName, stock, from: p.from, to: p.to }),
    );
  /**
   * Several reports (one per column, one after the other: each is a synchronous SQLite computation) made
   * into one answer: from the cache only when every column was.
   */
  const composed = async <R, T>(
    parts: (() => Promise<Served<R>>)[],
    compose: (reports: R[]) => T,
  ): Promise<Served<T>> => {
    const started = performance.now();
    const served: Served<R>[] = [];
    for (const part of parts) served.push(await part());
    return {
      data: compose(served.map((s) => s.data)),
      source: served.every((s) => s.source === 'cache') ? 'cache' : 'database',
      tookMs: Math.round((performance.now() - started) * 100) / 100,
    };
  };

  return {
    'companies.list': async () => serve(cacheKeys.companies(), 'companies', () => companyList(store.db)),
    'dashboard.get': async (input) => {
      const row = company(input.companyGuid);
      const today = todayInIndia(deps.now());
      // The period is settled (and a `to` outside the year refused) before the cache is asked.
      const period = dashboardPeriod(input.fy, row.yearStartMonth, today, input.to);
      return serve(
        cacheKeys.dashboard(row.guid, row.dataVersion, input.fy, period.to, period.asOn),
        'dashboard',
        () => dashboard(store.db, masters(row), { fy: input.fy, today, to: period.to }),
      );
    },
    'ledgers.search': async (input) => {
      const row = company(input.companyGuid);
      return guarded(() => ledgerSearch(masters(row), input));
    },
    'ledger.statement': async (input) => {
      const row = company(input.companyGuid);
      // Validate the ledger before the cache so an unknown ledger is never cached or hidden.
      guarded(() => masters(row).ledger(input.ledgerGuid));
      const view = viewKeyParts(input);
      return serve(
        cacheKeys.ledger(row.guid, row.dataVersion, input.ledgerGuid, input.from, input.to) +
          view.map((part) => `:${encodeURIComponent(part)}`).join(''),
        'ledger',
        () => ledgerStatement(store.db, masters(row), input),
      );
    },
    'outstanding.get': async (input) => {
      const row = company(input.companyGuid);
      return serve(
        cacheKeys.outstanding(row.guid, row.dataVersion, input.kind, input.asOn, input.buckets, input.ageBy),
        'outstanding',
        () => outstanding(store.db, masters(row), input),
      );
    },
    'bill.history': async (input) => {
      const row = company(input.companyGuid);
      // An unknown ledger or bill throws NOT_FOUND inside the computation, so nothing is cached for it.
      return serve(
        cacheKeys.report(row.guid, row.dataVersion, 'bill', [
          input.kind,
          input.asOn,
          input.ledgerGuid,
          input.billName,
        ]),
        'report',
        () => billHistory(store.db, masters(row), input),
      );
    },
    'trialBalance.get': async (input) => tb(company(input.companyGuid), input),
    'profitLoss.get': async (input) => pl(company(input.companyGuid), input),
    'balanceSheet.get': async (input) => bs(company(input.companyGuid), input.asOn),
    'groupSummary.get': async (input) => {
      const row = company(input.companyGuid);
      // Validate the group before the cache so an unknown group is never cached or hidden.
      guarded(() => requireGroup(masters(row), input.groupName));
      return gs(row, input.groupName, input.stock, input);
    },
    // Comparison columns: each column is the single report for its period, served from (and kept in) the
    // cache under the single report's own key; the columns are then aligned (reports/comparison.ts).
    'trialBalance.compare': async (input) => {
      const row = company(input.companyGuid);
      const columns = input.columns.map((c) => resolveColumn(c, row.yearStartMonth));
      return composed(
        columns.map((c) => () => tb(row, c)),
        (reports) => compareTrialBalances(columns, reports),
      );
    },
    'profitLoss.compare': async (input) => {
      const row = company(input.companyGuid);
      const columns = input.columns.map((c) => resolveColumn(c, row.yearStartMonth));
      return composed(
        columns.map((c) => () => pl(row, c)),
        (reports) => compareProfitLoss(columns, reports),
      );
    },
    'balanceSheet.compare': async (input) => {
      const row = company(input.companyGuid);
      const columns = input.columns.map((c) => balanceSheetColumn(c, row.yearStartMonth));
      return composed(
        columns.map((c) => () => bs(row, c.to)),
        (reports) => compareBalanceSheets(columns, reports),
      );
    },
    'groupSummary.compare': async (input) => {
      const row = company(input.companyGuid);
      guarded(() => requireGroup(masters(row), input.groupName));
      const columns = input.columns.map((c) => resolveColumn(c, row.yearStartMonth));
      return composed(
        columns.map((c) => () => gs(row, input.groupName, input.stock, c)),
        (reports) => compareGroupSummaries(columns, reports),
      );
    },
    'ledgerMonthly.get': async (input) => {
      const row = company(input.companyGuid);
      guarded(() => masters(row).ledger(input.ledgerGuid));
      return serve(
        cacheKeys.report(row.guid, row.dataVersion, 'ledger-monthly', [
          input.ledgerGuid,
          input.from,
          input.to,
        ]),
        'report',
        () => ledgerMonthly(store.db, masters(row), input),
      );
    },
    'dayBook.get': async (input) => {
      const row = company(input.companyGuid);
      return serve(
        cacheKeys.report(row.guid, row.dataVersion, 'day-book', [
          input.from,
          input.to,
          input.page,
          input.pageSize,
          ...viewKeyParts({ ...input, page: undefined, pageSize: undefined }),
          // Only with an amount range, so the keys of the plain day book stay as they were.
          ...(input.minAmount !== undefined || input.maxAmount !== undefined
            ? [`amount=${input.minAmount ?? ''}-${input.maxAmount ?? ''}`]
            : []),
        ]),
        'report',
        () => dayBook(store.db, masters(row), input),
      );
    },
    'voucher.get': async (input) => {
      const row = company(input.companyGuid);
      // An unknown voucher throws NOT_FOUND inside the computation, so nothing is cached for it.
      return serve(
        cacheKeys.report(row.guid, row.dataVersion, 'voucher', [input.voucherGuid]),
        'report',
        () => voucherView(store.db, masters(row), input.voucherGuid),
      );
    },
    'stockSummary.get': async (input) => {
      const row = company(input.companyGuid);
      // An unknown stock group throws NOT_FOUND inside the computation, so nothing is cached for it.
      return serve(
        cacheKeys.report(row.guid, row.dataVersion, 'stock-summary', [
          input.from,
          input.to,
          input.groupName ?? '',
        ]),
        'report',
        () => stockSummary(store.db, masters(row), input),
      );
    },
    'stockItem.movements': async (input) => {
      const row = company(input.companyGuid);
      return serve(
        cacheKeys.report(row.guid, row.dataVersion, 'stock-item', [input.itemGuid, input.from, input.to]),
        'report',
        () => stockItemRegister(store.db, masters(row), input),
      );
    },
  };
}
