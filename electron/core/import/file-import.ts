import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { SyncResult } from '../../../shared/types/sync';
import type {
  CompanyWriter,
  GroupRecord,
  LedgerRecord,
  VoucherRecord,
  VoucherTypeRecord,
} from '../db/records';
import type { Store } from '../db/store';
import { cancelled } from '../tally/client';
import { createTextCleaner } from '../tally/clean';
import { createStreamDecoder } from '../tally/decode';
import { FIELDS_READ, mapGroup, mapLedger, mapVoucher, mapVoucherType } from '../tally/mappers';
import type { XNode } from '../tally/node';
import { createTallyParser } from '../tally/parser';
import { companyGuidOf, text } from '../tally/quirks';
import type { ProgressTracker } from '../sync/progress';

/**
 * Imports Tally's own XML exports (All Masters and Day Book, UTF-16LE with BOM or UTF-8) for users whose
 * Tally runs on another computer: the same parser and quirks as a sync, one atomic write.
 */
export interface ImportOptions {
  store: Pick<Store, 'beginCompanyWrite'>;
  paths: readonly string[];
  runId: string;
  progress: ProgressTracker;
  now: () => number;
  signal?: AbortSignal;
}

const OBJECTS = new Set(['GROUP', 'LEDGER', 'VOUCHERTYPE', 'VOUCHER', 'SVCURRENTCOMPANY']);
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
  masterAlterId: number;
  voucherAlterId: number;
  vouchers: number;
  masters: number;
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
    masterAlterId: 0,
    voucherAlterId: 0,
    vouchers: 0,
    masters: 0,
  };
  // The writer opens at the first object: the company's name and GUID come from the file itself.
  let writer: CompanyWriter | null = null;
  let groups: GroupRecord[] = [];
  let ledgers: LedgerRecord[] = [];
  let types: VoucherTypeRecord[] = [];
  let vouchers: VoucherRecord[] = [];

  const openWriter = (objectGuid: string): CompanyWriter => {
    if (writer) return writer;
    if (!seen.companyName) {
      throw new AppError(
        'IMPORT_INVALID',
        'The file does not say which company it belongs to (no SVCURRENTCOMPANY); export it again from Tally with the company open',
      );
    }
    // Tally object GUIDs are "<company GUID>-<id>"; other producers get a stable name-based identity.
    seen.companyGuid = companyGuidOf(objectGuid) ?? `import:${seen.companyName}`;
    writer = options.store.beginCompanyWrite(
      { guid: seen.companyGuid, name: seen.companyName, source: 'import' },
      'replace',
    );
    return writer;
  };
  const flushMasters = (): void => {
    if (!writer) return;
    if (groups.length) writer.putGroups(groups);
    if (types.length) writer.putVoucherTypes(types);
    if (ledgers.length) writer.putLedgers(ledgers);
    groups = [];
    ledgers = [];
    types = [];
  };
  const flushVouchers = (): void => {
    if (!writer || vouchers.length === 0) return;
    flushMasters();
    writer.putVouchers(vouchers);
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
      openWriter(mapped.record.guid);
      sameCompany(mapped.record.guid, `Voucher ${mapped.record.voucherType} ${mapped.record.voucherNumber}`);
      seen.voucherAlterId = Math.max(seen.voucherAlterId, mapped.record.alterId);
      if (mapped.deleted || mapped.record.isCancelled || mapped.record.isOptional) return;
      vouchers.push(mapped.record);
      seen.vouchers++;
      if (vouchers.length >= VOUCHER_BATCH) flushVouchers();
      return;
    }
    if (guid) openWriter(guid);
    const record =
      node.name === 'GROUP'
        ? mapGroup(node)
        : node.name === 'LEDGER'
          ? mapLedger(node)
          : mapVoucherType(node);
    sameCompany(record.guid, `${node.name.toLowerCase()} "${record.name}"`);
    seen.masterAlterId = Math.max(seen.masterAlterId, record.alterId);
    seen.masters++;
    if (node.name === 'GROUP') groups.push(record as GroupRecord);
    else if (node.name === 'LEDGER') ledgers.push(record as LedgerRecord);
    else types.push(record as VoucherTypeRecord);
  };

  try {
    for (const file of files) {
      const source = basename(file.path);
      const parser = createTallyParser({ source, capture: OBJECTS, keep: FIELDS_READ, onObject });
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
      flushMasters();
    }
    flushVouchers();
    const w = writer as CompanyWriter | null;
    if (w === null || seen.companyGuid === null || seen.companyName === null) {
      throw new AppError('IMPORT_INVALID', 'The files hold no Tally masters or vouchers to import');
    }
    options.progress.phase('storing', null, `${seen.companyName}: saving`);
    w.commit({
      guid: seen.companyGuid,
      name: seen.companyName,
      source: 'import',
      booksFrom: null,
      masterAlterId: seen.masterAlterId,
      voucherAlterId: seen.voucherAlterId,
    });
    options.progress.phase('done', null, `${seen.companyName}: imported`);
    return {
      runId: options.runId,
      companyGuid: seen.companyGuid,
      companyName: seen.companyName,
      kind: 'import',
      vouchersWritten: seen.vouchers,
      vouchersDeleted: 0,
      mastersWritten: seen.masters,
      tookMs: options.now() - started,
    };
  } catch (error) {
    (writer as CompanyWriter | null)?.rollback();
    throw error;
  }
}
