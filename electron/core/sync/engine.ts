import { AppError, type ErrorInfo } from '../../../shared/errors';
import { todayInIndia, type IsoDate } from '../../../shared/dates';
import type { SyncResult } from '../../../shared/types/sync';
import type { CompanyRecord, CompanyWriter, VoucherRecord } from '../db/records';
import type { Store } from '../db/store';
import { cancelled, type TallyClient } from '../tally/client';
import {
  fetchCompanies,
  fetchMasters,
  fetchVoucherDates,
  fetchVoucherIndex,
  type Masters,
  type Period,
} from '../tally/fetch';
import type { MappedVoucher, TallyCompany } from '../tally/mappers';
import { MAX_VOUCHERS_PER_REQUEST, monthBatches, planBatches, type Batch } from './batches';
import {
  readLocalState,
  storedDateCounts,
  storedVouchersBetween,
  type LocalCompanyState,
} from './local-state';
import { errorInfoOf } from './error-info';
import type { ProgressTracker } from './progress';
import { inThreadFetcher, type VoucherFetcher } from './voucher-fetcher';
import { putTallyStock } from './tally-stock';
import { booksPeriod, covers, openPeriodSession, type PeriodSession } from './tally-period';

/** What the engine needs; all effects injected so it runs the same in a worker, in-process and in tests. */
export interface EngineDeps {
  client: TallyClient;
  store: Pick<Store, 'db' | 'beginCompanyWrite' | 'markSyncStatus'>;
  progress: ProgressTracker;
  now: () => number;
  /** Today's date (India), for Tally's period; default the wall clock (`now` may be a test's counter). */
  today?: () => IsoDate;
  signal: AbortSignal;
  runId: string;
  batchSize?: number;
  /** Where voucher batches are fetched and parsed; default: on this thread through `client`. */
  vouchers?: VoucherFetcher;
  /** Told as each company finishes or fails (the worker forwards these to the main thread). */
  onCompanyDone?: (result: SyncResult) => void;
  onCompanyFailed?: (company: TallyCompany, error: ErrorInfo) => void;
  /** Something the accountant or support should know that does not fail the sync (the worker forwards it to the log). */
  warn?: (message: string) => void;
}

export interface SyncRequest {
  companyGuid?: string;
  full: boolean;
}

/** Voucher requests cover every date Tally may hold. */
const FIRST_DATE: IsoDate = '1900-01-01';
const LAST_DATE: IsoDate = '2099-12-31';

const checkCancel = (signal: AbortSignal): void => {
  if (signal.aborted) throw cancelled();
};

/**
 * Syncs one company or all open ones. A failing company is marked with its error and left exactly as it
 * was; the others still sync. Throws when a single requested company fails, or when all of them fail.
 */
export async function runSync(request: SyncRequest, deps: EngineDeps): Promise<SyncResult[]> {
  deps.progress.phase('companies', null, 'Asking Tally which companies are open');
  const open = await fetchCompanies(deps.client, deps.signal);
  let targets = open;
  if (request.companyGuid !== undefined) {
    targets = open.filter((c) => c.guid === request.companyGuid);
    if (targets.length === 0) {
      throw new AppError(
        'TALLY_ERROR',
        `The company ${request.companyGuid} is not open in Tally; open it there (Alt+F3), then sync again`,
        { companyGuid: request.companyGuid },
      );
    }
  }
  if (targets.length === 0) {
    throw new AppError('TALLY_ERROR', 'No company is open in Tally; open one there, then sync again');
  }
  const results: SyncResult[] = [];
  let firstError: unknown = null;
  for (const company of targets) {
    checkCancel(deps.signal);
    try {
      const result = await syncCompany(company, request.full, deps);
      results.push(result);
      deps.onCompanyDone?.(result);
    } catch (error) {
      if (error instanceof AppError && error.code === 'CANCELLED') throw error;
      firstError ??= error;
      const info = errorInfoOf(error);
      deps.store.markSyncStatus(company.guid, 'error', info.message);
      deps.onCompanyFailed?.(company, info);
    }
  }
  if (firstError !== null && (results.length === 0 || request.companyGuid !== undefined)) throw firstError;
  return results;
}

/** One company, full or incremental, in one atomic write. */
export async function syncCompany(
  company: TallyCompany,
  full: boolean,
  deps: EngineDeps,
): Promise<SyncResult> {
  const started = deps.now();
  deps.progress.company(company.guid, company.name);
  const local = readLocalState(deps.store.db, company.guid);
  const base = { runId: deps.runId, companyGuid: company.guid, companyName: company.name };
  // A copy stored before schema 10 has no inventory: its next sync is a full one.
  const incremental =
    !full && local !== null && local.source === 'tally' && !needsFullSync(deps.store.db, company.guid);
  if (
    incremental &&
    local.masterAlterId === company.masterAlterId &&
    local.voucherAlterId === company.voucherAlterId
  ) {
    // The cheap poll: nothing changed in Tally since the last sync.
    deps.store.markSyncStatus(company.guid, 'ok');
    deps.progress.phase('done', 0, `${company.name}: nothing changed in Tally`);
    return {
      ...base,
      kind: 'unchanged',
      vouchersWritten: 0,
      vouchersDeleted: 0,
      mastersWritten: 0,
      tookMs: deps.now() - started,
    };
  }
  deps.store.markSyncStatus(company.guid, 'syncing');
  // Tally answers for its current period. A full sync makes the whole books current while it reads; an
  // incremental one reads within the accountant's own period first and changes it only when what came back
  // cannot account for Tally's AlterIDs (docs/TALLY.md "Tally's current period"). The accountant's period
  // is put back after, if it was changed.
  const period = await openPeriodSession(deps.client, deps.signal, (message) =>
    deps.warn?.(`${company.name}: Tally's period: ${message}`),
  );
  try {
    const books = booksPeriod(company, (deps.today ?? (() => todayInIndia(new Date())))());
    const useBooks = async (): Promise<void> => {
      if (await period.use(books)) return;
      // Tally would answer for its own, shorter period: a copy missing years would look complete.
      throw new AppError(
        'TALLY_ERROR',
        `Tally did not let TallyConnect read the whole books of "${company.name}": its period is ` +
          `${period.original?.from ?? '?'} to ${period.original?.to ?? '?'}. In Tally, press Alt+F2 and set the ` +
          `period from ${books.from} to ${books.to}, then sync again; the books stored before are kept.`,
        {
          company: company.name,
          periodFrom: period.original?.from ?? null,
          periodTo: period.original?.to ?? null,
          neededFrom: books.from,
          neededTo: books.to,
        },
      );
    };
    if (!incremental) await useBooks();
    return await writeCompany(company, incremental ? local : null, deps, started, {
      period,
      books,
      useBooks,
    });
  } finally {
    await period.restore();
  }
}

/** Tally's period during one company's write, and how to make the whole books current when needed. */
interface PeriodUse {
  period: PeriodSession;
  books: Period;
  /** Makes the whole books Tally's current period, or fails the sync in plain words. */
  useBooks(): Promise<void>;
}

async function writeCompany(
  company: TallyCompany,
  local: LocalCompanyState | null,
  deps: EngineDeps,
  started: number,
  periods: PeriodUse,
): Promise<SyncResult> {
  const incremental = local !== null;
  const base = { runId: deps.runId, companyGuid: company.guid, companyName: company.name };
  const writer = deps.store.beginCompanyWrite(
    { guid: company.guid, name: company.name, source: 'tally' },
    incremental ? 'merge' : 'replace',
  );
  try {
    const { stockFrom, ...counts } = incremental
      ? await incrementalSync(company, local, writer, deps, periods)
      : await fullSync(company, writer, deps);
    checkCancel(deps.signal);
    // Tally's own closing stock for the dates the write may have changed (undefined: nothing changed).
    if (stockFrom !== undefined)
      await putTallyStock(company, writer, { ...deps, period: periods.period }, stockFrom);
    checkCancel(deps.signal);
    deps.progress.phase('storing', null, `${company.name}: saving`);
    const record: CompanyRecord = {
      guid: company.guid,
      name: company.name,
      source: 'tally',
      booksFrom: company.booksFrom,
      booksFromSource: 'tally',
      ...(company.yearStartMonth !== null ? { yearStartMonth: company.yearStartMonth } : {}),
      masterAlterId: company.masterAlterId,
      voucherAlterId: company.voucherAlterId,
      ...(company.profile !== undefined ? { profile: company.profile } : {}),
    };
    const { vouchersRemoved } = writer.commit(record);
    deps.progress.phase('done', null, `${company.name}: synced`);
    return {
      ...base,
      kind: incremental ? 'incremental' : 'full',
      ...counts,
      // What the store really removed (a full sync replacing an older copy removes vouchers too).
      vouchersDeleted: vouchersRemoved,
      tookMs: deps.now() - started,
    };
  } catch (error) {
    writer.rollback();
    throw error;
  }
}

interface WriteCounts {
  vouchersWritten: number;
  vouchersDeleted: number;
  mastersWritten: number;
  /**
   * The earliest date whose stock the write may have changed: null for all of it (a full sync, changed
   * masters), undefined when nothing that moves stock changed.
   */
  stockFrom?: IsoDate | null;
}

async function fetchAndPutMasters(
  company: TallyCompany,
  writer: CompanyWriter,
  deps: EngineDeps,
  alteredAfter: number | null,
): Promise<{ masters: Masters; written: number }> {
  deps.progress.phase(
    'masters',
    null,
    `${company.name}: reading groups, ledgers, voucher types and stock masters`,
  );
  const masters = await fetchMasters(deps.client, company.name, deps.signal);
  const changed = <T extends { alterId: number }>(items: T[]): T[] =>
    alteredAfter === null ? items : items.filter((x) => x.alterId > alteredAfter);
  const groups = changed(masters.groups);
  const ledgers = changed(masters.ledgers);
  const types = changed(masters.voucherTypes);
  const stockGroups = changed(masters.stock.stockGroups);
  const units = changed(masters.stock.units);
  const godowns = changed(masters.stock.godowns);
  const stockItems = changed(masters.stock.stockItems);
  writer.putGroups(groups);
  writer.putVoucherTypes(types);
  writer.putLedgers(ledgers);
  writer.putStockGroups(stockGroups);
  writer.putUnits(units);
  writer.putGodowns(godowns);
  writer.putStockItems(stockItems);
  return {
    masters,
    written:
      groups.length +
      ledgers.length +
      types.length +
      stockGroups.length +
      units.length +
      godowns.length +
      stockItems.length,
  };
}

/** Fetches batches one ahead: Tally prepares the next answer while this one is being stored. */
async function streamBatches(
  batches: Batch[],
  fetch: (batch: Batch) => Promise<MappedVoucher[]>,
  handle: (vouchers: MappedVoucher[], batch: Batch) => void,
  signal: AbortSignal,
): Promise<void> {
  let next: Promise<MappedVoucher[]> | null = batches[0] ? fetch(batches[0]) : null;
  for (let i = 0; i < batches.length; i++) {
    checkCancel(signal);
    const current = next as Promise<MappedVoucher[]>;
    const following = batches[i + 1];
    next = following ? fetch(following) : null;
    // A failure of the prefetch surfaces when it is awaited; never as an unhandled rejection.
    next?.catch(() => undefined);
    handle(await current, batches[i] as Batch);
  }
}

const fetcherOf = (deps: EngineDeps): VoucherFetcher => deps.vouchers ?? inThreadFetcher(deps.client);

/**
 * Everything Tally still has is stored: cancelled, optional and non-accounting vouchers too (the store
 * keeps them off the books, the day book lists them). Only deleted ones go.
 */
const kept = (v: MappedVoucher): boolean => !v.deleted;

async function fullSync(
  company: TallyCompany,
  writer: CompanyWriter,
  deps: EngineDeps,
): Promise<WriteCounts> {
  deps.vouchers?.warmUp?.();
  const { written: mastersWritten } = await fetchAndPutMasters(company, writer, deps, null);
  deps.progress.phase('counting', null, `${company.name}: counting vouchers per date`);
  const dates = await fetchVoucherDates(
    deps.client,
    company.name,
    company.booksFrom ?? FIRST_DATE,
    LAST_DATE,
    {
      signal: deps.signal,
    },
  );
  // An empty count while Tally's company says it has vouchers is a count this Tally did not answer the way
  // it was asked, never "no vouchers": read month by month instead.
  const batches =
    dates.length === 0 && company.voucherAlterId > 0
      ? monthBatches(company.booksFrom, todayInIndia(new Date(deps.now())), LAST_DATE)
      : planBatches(dates, deps.batchSize ?? MAX_VOUCHERS_PER_REQUEST);
  const total = batches.reduce((n, b) => n + b.count, 0);
  const byMonth = dates.length === 0 && batches.length > 0;
  deps.progress.phase(
    'vouchers',
    byMonth ? null : total,
    byMonth
      ? `${company.name}: Tally sent no voucher count; reading vouchers month by month`
      : `${company.name}: reading ${total.toLocaleString('en-IN')} vouchers`,
  );
  let written = 0;
  await streamBatches(
    batches,
    (b) => fetcherOf(deps).fetch(company.name, b, { signal: deps.signal }),
    (vouchers) => {
      const records: VoucherRecord[] = [];
      for (const v of vouchers) if (kept(v)) records.push(v.record);
      writer.putVouchers(records);
      written += records.length;
      deps.progress.advance(vouchers.length);
    },
    deps.signal,
  );
  if (written === 0 && company.voucherAlterId > 0) {
    // No silent empty copy: the books would show nothing while Tally holds vouchers.
    throw new AppError(
      'TALLY_ERROR',
      `Tally says "${company.name}" has vouchers (last voucher AlterID ${company.voucherAlterId}) but sent ` +
        'none, neither by date nor month by month. Check that the company is fully open in Tally and that no ' +
        'Tally window is waiting for an answer, then sync again; the books stored before are kept.',
      { companyGuid: company.guid },
    );
  }
  return { vouchersWritten: written, vouchersDeleted: 0, mastersWritten, stockFrom: null };
}

async function incrementalSync(
  company: TallyCompany,
  local: { masterAlterId: number; voucherAlterId: number },
  writer: CompanyWriter,
  deps: EngineDeps,
  periods: PeriodUse,
): Promise<WriteCounts> {
  const db = deps.store.db;
  const { period, books } = periods;
  let mastersWritten = 0;
  let autoTypes: Set<string>;
  /** AlterIDs of changed masters (the masters and the vouchers draw AlterIDs from one counter). */
  const masterIds: number[] = [];
  if (company.voucherAlterId !== local.voucherAlterId) deps.vouchers?.warmUp?.();
  // Masters first: new vouchers may name new ledgers.
  if (company.masterAlterId !== local.masterAlterId) {
    // The ledgers' opening balances are as on the first day of Tally's period: read them in the whole
    // books unless the accountant's period already starts where the books do.
    if (period.original === null || period.original.from > books.from) await periods.useBooks();
    const { masters, written } = await fetchAndPutMasters(company, writer, deps, local.masterAlterId);
    mastersWritten = written;
    const all = [
      ...masters.groups,
      ...masters.ledgers,
      ...masters.voucherTypes,
      ...masters.stock.stockGroups,
      ...masters.stock.units,
      ...masters.stock.godowns,
      ...masters.stock.stockItems,
    ];
    for (const m of all) masterIds.push(m.alterId);
    const inTally = new Set(all.map((m) => m.guid));
    const gone = [...writer.masterAlterIds().keys()].filter((guid) => !inTally.has(guid));
    if (gone.length > 0) writer.deleteMasters(gone);
    mastersWritten += gone.length;
    autoTypes = new Set(masters.voucherTypes.filter((t) => t.autoNumbered).map((t) => t.name));
  } else {
    autoTypes = new Set(
      (
        db
          .prepare(
            `SELECT t.name AS name FROM voucher_types t JOIN companies c ON c.id = t.company_id
             WHERE c.guid = ? AND t.auto_numbered = 1`,
          )
          .all(company.guid) as { name: string }[]
      ).map((r) => r.name),
    );
  }
  // Changed masters (an item's opening or costing method, a ledger moved into Stock-in-Hand) may change
  // the stock on every date.
  let stockFrom: IsoDate | null | undefined =
    company.masterAlterId !== local.masterAlterId ? null : undefined;
  const noteStock = (date: IsoDate): void => {
    if (stockFrom === undefined || (stockFrom !== null && date < stockFrom)) stockFrom = date;
  };
  if (company.voucherAlterId === local.voucherAlterId) {
    return { vouchersWritten: 0, vouchersDeleted: 0, mastersWritten, stockFrom };
  }

  let earliestAuto: IsoDate | null = null;
  const noteAuto = (type: string, date: IsoDate): void => {
    if (autoTypes.has(type) && (earliestAuto === null || date < earliestAuto)) earliestAuto = date;
  };
  const findStored = storedVoucherLookup(db, company.guid);
  /** GUID → AlterID of every changed voucher written so far (a second, whole-books pass skips them). */
  const written = new Map<string, number>();
  let vouchersWritten = 0;
  // Where Tally does not say its period, nothing can show what it leaves out: the whole books, as before.
  if (period.current === null) await periods.useBooks();

  // 1. Changed and new vouchers: AlterID above the last one seen, batched by their own per-date count.
  //    Tally answers for its current period: the accountant's own, or the whole books if changed above.
  const readChanged = async (): Promise<void> => {
    deps.progress.phase('counting', null, `${company.name}: finding changed vouchers`);
    const changedDates = await fetchVoucherDates(deps.client, company.name, FIRST_DATE, LAST_DATE, {
      alteredAfter: local.voucherAlterId,
      signal: deps.signal,
    });
    const batches = planBatches(changedDates, deps.batchSize ?? MAX_VOUCHERS_PER_REQUEST);
    const total = batches.reduce((n, b) => n + b.count, 0);
    deps.progress.phase(
      'vouchers',
      total,
      `${company.name}: reading ${total.toLocaleString('en-IN')} changed vouchers`,
    );
    await streamBatches(
      batches,
      (b) =>
        fetcherOf(deps).fetch(company.name, b, {
          alteredAfter: local.voucherAlterId,
          signal: deps.signal,
        }),
      (vouchers) => {
        const records: VoucherRecord[] = [];
        const removed: string[] = [];
        for (const v of vouchers) {
          if (written.get(v.record.guid) === v.record.alterId) continue;
          written.set(v.record.guid, v.record.alterId);
          if (kept(v)) records.push(v.record);
          else removed.push(v.record.guid);
          noteAuto(v.record.voucherType, v.record.date);
          noteStock(v.record.date);
          const old = findStored(v.record.guid);
          if (old) {
            noteAuto(old.voucherType, old.date);
            noteStock(old.date);
          }
        }
        writer.putVouchers(records);
        if (removed.length) writer.deleteVouchers(removed);
        vouchersWritten += records.length;
        deps.progress.advance(vouchers.length);
      },
      deps.signal,
    );
  };
  await readChanged();
  // Within the accountant's period, a change or deletion outside it does not come back. Every AlterID
  // Tally gave out since the last sync is held by a changed voucher or master that came back, or the
  // period must change: whatever took the others (a voucher outside the period, a deletion, a voucher
  // changed twice) is read in the whole books.
  let scope: Period | null = wholeBooks(period.current, books) ? null : period.current;
  if (scope !== null) {
    // AlterIDs come from one counter for masters and vouchers (the simulator, and Tally as far as seen) or
    // from one per kind: either way every one given out since the last sync must be held by what came back.
    const voucherIds = [...written.values()];
    const accounted =
      accountedFor(local.voucherAlterId, company.voucherAlterId, voucherIds) ||
      accountedFor(
        Math.max(local.voucherAlterId, local.masterAlterId),
        Math.max(company.voucherAlterId, company.masterAlterId),
        [...voucherIds, ...masterIds],
      );
    const renumberingBeyond =
      earliestAuto !== null && (storedLastDate(db, company.guid) ?? scope.to) > scope.to;
    if (!accounted || renumberingBeyond) {
      await periods.useBooks();
      scope = null;
      await readChanged();
    }
  }

  // 2. Deletions never show up in a changed-objects fetch. Per-date counts (Tally vs the local copy with
  //    the changes applied) show which dates lost vouchers; only those dates' GUID lists are compared.
  //    Within the accountant's period only its dates are compared (Tally counts no others).
  deps.progress.phase('deletions', null, `${company.name}: looking for deleted vouchers`);
  const tallyCounts = await fetchVoucherDates(deps.client, company.name, FIRST_DATE, LAST_DATE, {
    signal: deps.signal,
  });
  const inScope = (date: IsoDate): boolean => scope === null || (date >= scope.from && date <= scope.to);
  const tallyByDate = new Map(tallyCounts.map((d) => [d.date, d.count]));
  const localCounts = storedDateCounts(db, company.guid);
  const suspect = [...localCounts]
    .filter(([date, n]) => inScope(date) && (tallyByDate.get(date) ?? 0) !== n)
    .map(([date]) => ({ date, count: Math.max(localCounts.get(date) ?? 0, tallyByDate.get(date) ?? 0) }));
  let deleted = 0;
  for (const batch of planBatches(suspect, (deps.batchSize ?? MAX_VOUCHERS_PER_REQUEST) * 4)) {
    checkCancel(deps.signal);
    const index = await fetchVoucherIndex(deps.client, company.name, batch.from, batch.to, deps.signal);
    const inTally = new Set(index.map((v) => v.guid));
    const dates = new Set(
      suspect.filter((d) => d.date >= batch.from && d.date <= batch.to).map((d) => d.date),
    );
    const gone = storedVouchersBetween(db, company.guid, batch.from, batch.to).filter(
      (v) => dates.has(v.date) && !inTally.has(v.guid),
    );
    for (const v of gone) {
      noteAuto(v.voucherType, v.date);
      noteStock(v.date);
    }
    if (gone.length > 0) writer.deleteVouchers(gone.map((v) => v.guid));
    deleted += gone.length;
  }

  // 3. Tally renumbers later vouchers of automatically numbered types without changing their AlterID.
  if (earliestAuto !== null) {
    const from: IsoDate = earliestAuto;
    deps.progress.phase('renumbering', null, `${company.name}: re-reading voucher numbers from ${from}`);
    const range = tallyCounts.filter((d) => d.date >= from && inScope(d.date));
    for (const batch of planBatches(range, (deps.batchSize ?? MAX_VOUCHERS_PER_REQUEST) * 4)) {
      checkCancel(deps.signal);
      const index = await fetchVoucherIndex(deps.client, company.name, batch.from, batch.to, deps.signal);
      const stored = new Map(
        storedVouchersBetween(db, company.guid, batch.from, batch.to).map((v) => [v.guid, v]),
      );
      const renumbered = index
        .filter((v) => autoTypes.has(v.voucherType))
        .filter((v) => {
          const s = stored.get(v.guid);
          return s !== undefined && s.voucherNumber !== v.voucherNumber;
        })
        .map((v) => ({ guid: v.guid, voucherNumber: v.voucherNumber }));
      if (renumbered.length > 0) writer.renumberVouchers(renumbered);
    }
  }
  return { vouchersWritten, vouchersDeleted: deleted, mastersWritten, stockFrom };
}

/** Whether Tally's period (null: not known, as after a change to the books) holds the whole books. */
function wholeBooks(current: Period | null, books: Period): boolean {
  return current === null || covers(current, books);
}

/**
 * Whether the AlterIDs that came back account for every one Tally gave out after `last` up to `now` (the
 * company's AltVchId): each AlterID is given to one change, so a missing one is a change that did not come
 * back — outside the period, a deletion, or an earlier version of a voucher changed again.
 */
export function accountedFor(last: number, now: number, seen: readonly number[]): boolean {
  if (now <= last) return true;
  const held = new Set<number>();
  for (const id of seen) if (id > last && id <= now) held.add(id);
  return held.size === now - last;
}

/** Date of the latest stored voucher (uncommitted changes included). */
function storedLastDate(db: EngineDeps['store']['db'], companyGuid: string): IsoDate | null {
  return (db
    .prepare('SELECT max(v.date) FROM vouchers v JOIN companies c ON c.id = v.company_id WHERE c.guid = ?')
    .pluck()
    .get(companyGuid) ?? null) as IsoDate | null;
}

/** Set by migration 10 on copies synced before inventory was stored; a replace commit clears it. */
function needsFullSync(db: EngineDeps['store']['db'], companyGuid: string): boolean {
  const row = db.prepare('SELECT needs_full_sync FROM companies WHERE guid = ?').pluck().get(companyGuid) as
    number | undefined;
  return row === 1;
}

/** Type and date of a stored voucher before it changes, to know which auto-numbered series moved. */
function storedVoucherLookup(
  db: EngineDeps['store']['db'],
  companyGuid: string,
): (guid: string) => { voucherType: string; date: IsoDate } | undefined {
  const stmt = db.prepare(
    `SELECT v.voucher_type AS voucherType, v.date AS date FROM vouchers v JOIN companies c ON c.id = v.company_id
     WHERE c.guid = ? AND v.guid = ?`,
  );
  return (guid) => stmt.get(companyGuid, guid) as { voucherType: string; date: IsoDate } | undefined;
}
