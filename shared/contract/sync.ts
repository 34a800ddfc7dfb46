import { z } from 'zod';
import { operation } from './define';
import { companyGuid, empty, isoDate } from './schemas';
import type { SyncProgress, SyncResult, TallyConnectionInfo } from '../types/sync';
import type { CompanySummary } from '../types/reports';

const host = z
  .string()
  .trim()
  .min(1, 'host is required')
  .max(253)
  .regex(/^[A-Za-z0-9.\-:[\]]+$/, 'host must be a host name or IP address');
const port = z.number().int().min(1, 'port must be 1-65535').max(65535, 'port must be 1-65535');

export const syncOperations = {
  'tally.testConnection': operation<TallyConnectionInfo>()({
    input: z.object({ host: host.optional(), port: port.optional() }).strict(),
    description: 'Checks that Tally answers on host:port and lists the companies open in it.',
    errors: ['TALLY_UNREACHABLE', 'TALLY_ERROR'],
  }),
  'sync.start': operation<SyncResult[]>()({
    input: z
      .object({
        /** One company, or all companies open in Tally when omitted. */
        companyGuid: companyGuid.optional(),
        full: z.boolean().default(false),
      })
      .strict(),
    description:
      'Syncs from Tally (incremental unless full); resolves when done. Progress arrives as events.',
    errors: ['TALLY_UNREACHABLE', 'TALLY_ERROR', 'IMPORT_INVALID', 'SYNC_IN_PROGRESS', 'CANCELLED'],
  }),
  'sync.cancel': operation<{ cancelled: boolean }>()({
    input: empty,
    description: 'Cancels the running sync; the previous data stays as it was.',
    errors: [],
  }),
  'sync.status': operation<{ running: boolean; progress: SyncProgress | null }>()({
    input: empty,
    description: 'Whether a sync runs now, and its latest progress.',
    errors: [],
  }),
  'import.files': operation<SyncResult>()({
    input: z
      .object({
        /** Paths of Tally XML exports (Masters and Day Book), UTF-16LE with BOM or UTF-8. */
        paths: z.array(z.string().min(1).max(4096)).min(1).max(10),
      })
      .strict(),
    description:
      'Imports Tally XML export files through the same parser and store as a sync. Over HTTP only files in ' +
      'the upload folder are read (FORBIDDEN otherwise).',
    errors: ['IMPORT_INVALID', 'SYNC_IN_PROGRESS', 'FORBIDDEN'],
  }),
  'demo.load': operation<CompanySummary>()({
    input: z
      .object({
        vouchers: z.number().int().min(10).max(2_000_000).default(5_000),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31)
          .default(42),
      })
      .strict(),
    description: 'Generates the demo company into the store.',
    errors: ['DATABASE'],
  }),
  'company.setBooksFrom': operation<CompanySummary>()({
    input: z.object({ companyGuid, booksFrom: isoDate }).strict(),
    description:
      "Corrects an imported company's books-from date (the first day of its books: revenue ledgers restart each " +
      'financial year after it). A company synced from Tally takes the date Tally gives.',
    errors: ['NOT_FOUND', 'VALIDATION'],
  }),
  'company.delete': operation<{ deleted: boolean }>()({
    input: z.object({ companyGuid }).strict(),
    description: 'Removes a company from the local store (Tally is not touched).',
    errors: ['NOT_FOUND'],
  }),
};
