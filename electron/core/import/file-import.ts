import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { SyncPhase, SyncResult } from '../../../shared/types/sync';
import type {
  CompanyProfileRecord,
  BooksFromSource,
  CompanyWriter,
  GodownRecord,
  GroupRecord,
  LedgerRecord,
  StockGroupRecord,
  StockItemRecord,
  UnitRecord,
  VoucherRecord,
  VoucherTypeRecord,
} from '../db/records';
import type { Store } from '../db/store';
import { cancelled } from '../tally/client';
import { createTextCleaner } from '../tally/clean';
import { createStreamDecoder } from '../tally/decode';
import {
  FIELDS_READ,
  mapGodown,
  mapGroup,
  mapLedger,
  mapStockGroup,
  mapStockItem,
  mapUnit,
  mapVoucher,
  mapVoucherType,
} from '../tally/mappers';
import type { XNode } from '../tally/node';
import { companyProfileOf } from '../tally/contact-fields';
import { createTallyParser } from '../tally/parser';
import { companyGuidOf, tallyDate, text } from '../tally/quirks';
import { yearStartOf, type IsoDate } from '../../../shared/dates';

/**
 * What an import reports its progress through: the sync's progress tracker (sync/progress.ts) is one, handed
 * in by the sync worker that runs imports; declared here so the import does not reach into the sync.
 */
export interface ImportProgress {
  phase(phase: SyncPhase, total: number | null, message: string): void;
  advance(by: number): void;
  company(guid: string | null, name: string | null): void;
}

/**
 * Imports Tally's own XML exports (All Masters and Day Book, UTF-16LE with BOM or UTF-8) for users whose
 * Tally runs on another computer: the same parser and quirks as a sync, one atomic write.
 */
export interface ImportOptions {
  store: Pick<Store, 'beginCompanyWrite' | 'findCompany' | 'db'>;
  paths: readonly string[];
  runId: string;
  progress: ImportProgress;
  now: () => number;
  signal?: AbortSignal;
}

/** Objects of an export (inside TALLYMESSAGE); the company's name stands in the header. */
const OBJECTS = new Set([
  'GROUP',
  'LEDGER',
  'VOUCHERTYPE',
  'VOUCHER',
  'COMPANY',
  'STOCKGROUP',
  'STOCKITEM',
  'UNIT',
  'GODOWN',
]);
const HEADER = new Set(['SVCURRENTCOMPANY']);
const VOUCHER_BATCH = 2000;

/** Masters files first: vouchers name ledgers that must already be in the write. */
async function orderFiles(paths: readonly string[]): Promise<{ path: string; size: number }[]> {
  const files: { path: string; size: number; vouchers: boolean }[] = [];
  for (const path of paths) {
    let size: number;
    try {
      const s = await stat(path);
      if (!s.isFile()) throw new Error('not a file');
      size = s.size;
    } catch {
      throw new AppError('IMPORT_INVALID', `Cannot read ${path}: the file does not exist or is not a file`, {
        path,
      });
    }
    const handle = await open(path, 'r');
    const head = Buffer.alloc(Math.min(size, 64 * 1024));
    await handle.read(head, 0, head.length, 0);
    await handle.close();
    const sample = head.toString(head[1] === 0 || head[0] === 0xff ? 'utf16le' : 'utf8');
    files.push({ path, size, vouchers: /<VOUCHER[\s>]/.test(sample) && !/<LEDGER[\s>]/.test(sample) });
  }
  return files.sort((a, b) => Number(a.vouchers) - Number(b.vouchers));
}

interface Collected {
  companyName: string | null;
  companyGuid: string | null;
  /** From a COMPANY object (Masters exports may carry one): BOOKSFROM, and STARTINGFROM's month. */
  booksFrom: IsoDate | null;
  yearStartMonth: number | null;
  /** The COMPANY object's address and GST registration, when an export carries one. */
  profile: CompanyProfileRecord | null;
  firstVoucherDate: IsoDate | null;
  masterAlterId: number;
  voucherAlterId: number;
  vouchers: number;
  masters: number;
  /** Groups and ledgers: an inventory-masters export (stock items, godowns, units) holds none. */
  accountingMasters: number;
}

export async function importFiles(options: ImportOptions): Promise<SyncResult> {
  const started = options.now();
  if (options.paths.length === 0) throw new AppError('IMPORT_INVALID', 'No files to import');
  const files = await orderFiles(options.paths);
  const totalBytes = files.reduce((n, f) => n + f.size, 0);
  options.progress.phase(
    'importing',
    totalBytes,
    `Importing ${files.map((f) => basename(f.path)).join(', ')}`,
  );

  const seen: Collected = {
    companyName: null,
    companyGuid: null,
    booksFrom: null,
    yearStartMonth: null,
    profile: null,
    firstVoucherDate: null,
    masterAlterId: 0,
    voucherAlterId: 0,
    vouchers: 0,
    masters: 0,
    accountingMasters: 0,
  };
  // The writer opens at the first voucher, or after the last file when there is none: the company's name
  // and GUID come from the files themselves, and a masters-only import must merge, not replace.
  let writer: CompanyWriter | null = null;
  let firstGuid: string | null = null;
  const masterGuids = new Set<string>();
  let groups: GroupRecord[] = [];
  let ledgers: LedgerRecord[] = [];
  let types: VoucherTypeRecord[] = [];
  let stockGroups: StockGroupRecord[] = [];
  let units: UnitRecord[] = [];
  let godowns: GodownRecord[] = [];
  let stockItems: StockItemRecord[] = [];
  let vouchers: VoucherRecord[] = [];

  const openWriter = (mode: 'replace' | 'merge'): CompanyWriter => {
    if (writer) return writer;
    if (!seen.companyName) {
      throw new AppError(
        'IMPORT_INVALID',
        'The file does not say which company it belongs to (no SVCURRENTCOMPANY); export it again from Tally with the company open',
      );
    }
    seen.companyGuid ??= `import:${seen.companyName}`;
    writer = options.store.beginCompanyWrite(
      { guid: seen.companyGuid, name: seen.companyName, source: 'import' },
      mode,
    );
    return writer;
  };
  // Tally object GUIDs are "<company GUID>-<id>"; other producers get a stable name-based identity.
  const noteGuid = (objectGuid: string): void => {
    if (firstGuid !== null) return;
    firstGuid = objectGuid;
    seen.companyGuid = companyGuidOf(objectGuid);
    // Progress names the company as soon as it is known: the portal shows staff only their companies'.
    if (seen.companyGuid !== null) options.progress.company(seen.companyGuid, seen.companyName);
  };
  const flushMasters = (): void => {
    if (!writer) return;
    if (groups.length) writer.putGroups(groups);
    if (types.length) writer.putVoucherTypes(types);
    if (ledgers.length) writer.putLedgers(ledgers);
    if (stockGroups.length) writer.putStockGroups(stockGroups);
    if (units.length) writer.putUnits(units);
    if (godowns.length) writer.putGodowns(godowns);
    if (stockItems.length) writer.putStockItems(stockItems);
    groups = [];
    ledgers = [];
    types = [];
    stockGroups = [];
    units = [];
    godowns = [];
    stockItems = [];
  };
  const flushVouchers = (): void => {
    if (vouchers.length === 0) return;
    const w = openWriter('replace');
    flushMasters();
    w.putVouchers(vouchers);
    vouchers = [];
  };
  const guidOf = (node: XNode): string => text(node.children.find((c) => c.name === 'GUID')?.text) ?? '';
  const sameCompany = (objectGuid: string, what: string): void => {
    const owner = companyGuidOf(objectGuid);
    if (seen.companyGuid !== null && owner !== null && owner !== seen.companyGuid) {
      throw new AppError(
        'IMPORT_INVALID',
        `${what} belongs to another company (GUID ${owner}, expected ${seen.companyGuid}); import one company's files at a time`,
      );
    }
  };

  const onObject = (node: XNode): void => {
    if (node.name === 'COMPANY') {
      const facts = companyFacts(node);
      seen.booksFrom ??= facts.booksFrom;
      seen.yearStartMonth ??= facts.yearStartMonth;
      seen.profile ??= companyProfileOf(node);
      return;
    }
    if (node.name === 'SVCURRENTCOMPANY') {
      const name = text(node.text);
      if (name && seen.companyName && name !== seen.companyName) {
        throw new AppError(
          'IMPORT_INVALID',
          `The files belong to different companies ("${seen.companyName}" and "${name}"); import one company at a time`,
        );
      }
      seen.companyName ??= name;
      return;
    }
    const guid = guidOf(node);
    if (node.name === 'VOUCHER') {
      // Masters files are read first, so none before the first voucher means none at all; an import
      // replaces the company, so its vouchers would otherwise fail on their first ledger.
      if (seen.masters === 0) {
        throw new AppError(
          'IMPORT_INVALID',
          'The files hold vouchers but no masters (groups and ledgers): export All Masters from Tally too ' +
            '(Export > Masters) and import it together with the Day Book',
        );
      }
      const mapped = mapVoucher(node);
      noteGuid(mapped.record.guid);
      sameCompany(mapped.record.guid, `Voucher ${mapped.record.voucherType} ${mapped.record.voucherNumber}`);
      seen.voucherAlterId = Math.max(seen.voucherAlterId, mapped.record.alterId);
      // Cancelled, optional and non-accounting vouchers are kept (off the books); deleted ones are not.
      if (mapped.deleted) return;
      const date = mapped.record.date;
      if (seen.firstVoucherDate === null || date < seen.firstVoucherDate) seen.firstVoucherDate = date;
      vouchers.push(mapped.record);
      seen.vouchers++;
      if (vouchers.length >= VOUCHER_BATCH) flushVouchers();
      return;
    }
    if (guid) noteGuid(guid);
    const record = mapMaster(node);
    sameCompany(record.guid, `${node.name.toLowerCase()} "${record.name}"`);
    seen.masterAlterId = Math.max(seen.masterAlterId, record.alterId);
    // Real exports write some groups several times with one GUID: the last one stands, counted once.
    if (!masterGuids.has(record.guid)) {
      seen.masters++;
      if (node.name === 'GROUP' || node.name === 'LEDGER') seen.accountingMasters++;
    }
    masterGuids.add(record.guid);
    if (node.name === 'GROUP') groups.push(record as GroupRecord);
    else if (node.name === 'LEDGER') ledgers.push(record as LedgerRecord);
    else if (node.name === 'STOCKGROUP') stockGroups.push(record as StockGroupRecord);
    else if (node.name === 'UNIT') units.push(record as UnitRecord);
    else if (node.name === 'GODOWN') godowns.push(record as GodownRecord);
    else if (node.name === 'STOCKITEM') stockItems.push(record as StockItemRecord);
    else types.push(record as VoucherTypeRecord);
  };

  try {
    for (const file of files) {
      const source = basename(file.path);
      const parser = createTallyParser({
        source,
        capture: OBJECTS,
        captureAnywhere: HEADER,
        keep: FIELDS_READ,
        onObject,
      });
      const decoder = createStreamDecoder(source);
      const cleaner = createTextCleaner();
      for await (const chunk of createReadStream(file.path, { highWaterMark: 256 * 1024 })) {
        if (options.signal?.aborted) throw cancelled();
        parser.write(cleaner.push(decoder.push(chunk as Buffer)));
        options.progress.advance((chunk as Buffer).length);
      }
      parser.write(cleaner.push(decoder.end()));
      parser.write(cleaner.flush());
      const summary = parser.close();
      if (!summary.sawRoot) throw new AppError('IMPORT_INVALID', `${source} is empty`);
      if (writer) flushMasters();
    }
    flushVouchers();
    if (firstGuid === null || seen.companyName === null) {
      throw new AppError('IMPORT_INVALID', 'The files hold no Tally masters or vouchers to import');
    }
    // Masters only: merged into the company's books when it has them, so no voucher is lost.
    seen.companyGuid ??= `import:${seen.companyName}`;
    const existing = writer === null ? existingCompany(options.store, seen.companyGuid) : null;
    const w = openWriter(existing !== null && existing.vouchers > 0 ? 'merge' : 'replace');
    flushMasters();
    const companyGuid = seen.companyGuid as string;
    const booksFrom = seen.booksFrom ?? existing?.booksFrom ?? null;
    const estimated =
      booksFrom === null && seen.firstVoucherDate !== null
        ? yearStartOf(seen.firstVoucherDate, seen.yearStartMonth ?? 4)
        : null;
    options.progress.phase('storing', null, `${seen.companyName}: saving`);
    const { vouchersRemoved } = w.commit({
      guid: companyGuid,
      name: seen.companyName,
      source: 'import',
      booksFrom: booksFrom ?? estimated,
      booksFromSource:
        seen.booksFrom !== null
          ? 'file'
          : estimated !== null
            ? 'estimated'
            : (existing?.booksFromSource ?? null),
      ...(seen.yearStartMonth !== null ? { yearStartMonth: seen.yearStartMonth } : {}),
      ...(seen.profile !== null ? { profile: seen.profile } : {}),
      masterAlterId: Math.max(seen.masterAlterId, existing?.masterAlterId ?? 0),
      voucherAlterId: Math.max(seen.voucherAlterId, existing?.voucherAlterId ?? 0),
    });
    options.progress.phase('done', null, `${seen.companyName}: imported`);
    return {
      runId: options.runId,
      companyGuid,
      companyName: seen.companyName,
      kind: 'import',
      vouchersWritten: seen.vouchers,
      // The truth about what the import removed: stored vouchers the files no longer hold.
      vouchersDeleted: vouchersRemoved,
      mastersWritten: seen.masters,
      tookMs: options.now() - started,
    };
  } catch (error) {
    (writer as CompanyWriter | null)?.rollback();
    throw withExportHint(error, seen.accountingMasters > 0);
  }
}

type MasterRecord =
  | GroupRecord
  | LedgerRecord
  | VoucherTypeRecord
  | StockGroupRecord
  | UnitRecord
  | GodownRecord
  | StockItemRecord;

function mapMaster(node: XNode): MasterRecord {
  switch (node.name) {
    case 'GROUP':
      return mapGroup(node);
    case 'LEDGER':
      return mapLedger(node);
    case 'STOCKGROUP':
      return mapStockGroup(node);
    case 'UNIT':
      return mapUnit(node);
    case 'GODOWN':
      return mapGodown(node);
    case 'STOCKITEM':
      return mapStockItem(node);
    default:
      return mapVoucherType(node);
  }
}

/**
 * Masters exports are often taken on another day than the Day Book: a voucher then names a ledger the
 * masters file does not have. Either file can be the newer one (a real pair had the masters exported
 * after the ledger was renamed), so the hint names no direction. Export > Masters can also be limited to
 * inventory masters: with no group or ledger read at all, that is what the hint says (TALLY-SOURCES §12).
 * Checked here, on the failure, not at the first voucher: a Day Book with its dependent masters writes
 * each voucher's masters just before it, and a first stock voucher needs no ledger.
 */
function withExportHint(error: unknown, sawLedgers: boolean): unknown {
  if (!(error instanceof AppError) || error.code !== 'IMPORT_INVALID' || !error.details?.ledger) return error;
  const hint = sawLedgers
    ? 'The masters file and the Day Book were probably exported at different times (a ledger created, ' +
      'renamed or deleted in between): export All Masters and the Day Book again at the same time and ' +
      'import both'
    : 'The files hold no groups or ledgers, only inventory masters (stock items, godowns, units): export ' +
      'the masters again with the accounting masters too (Export > Masters, All Masters) and import it ' +
      'together with the Day Book';
  return new AppError(
    'IMPORT_INVALID',
    `${error.message}. ${hint}; the books stored before are kept`,
    error.details,
  );
}

/** BOOKSFROM and STARTINGFROM of an export's COMPANY object. */
function companyFacts(node: XNode): { booksFrom: IsoDate | null; yearStartMonth: number | null } {
  const startingFrom = tallyDate(node.children.find((c) => c.name === 'STARTINGFROM')?.text, 'STARTINGFROM');
  return {
    booksFrom:
      tallyDate(node.children.find((c) => c.name === 'BOOKSFROM')?.text, 'BOOKSFROM') ?? startingFrom,
    yearStartMonth: startingFrom === null ? null : Number(startingFrom.slice(5, 7)),
  };
}

interface ExistingCompany {
  vouchers: number;
  booksFrom: IsoDate | null;
  booksFromSource: BooksFromSource | null;
  masterAlterId: number;
  voucherAlterId: number;
}

function existingCompany(store: Pick<Store, 'db'>, guid: string): ExistingCompany | null {
  const row = store.db
    .prepare(
      `SELECT (SELECT count(*) FROM vouchers v WHERE v.company_id = c.id) AS vouchers, books_from AS booksFrom,
        books_from_source AS booksFromSource, master_alter_id AS masterAlterId,
        voucher_alter_id AS voucherAlterId FROM companies c WHERE guid = ?`,
    )
    .get(guid) as ExistingCompany | undefined;
  return row ?? null;
}
