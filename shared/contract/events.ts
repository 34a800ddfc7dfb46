import type { CacheDetection, CacheStats } from '../types/cache';
import type { SyncProgress, SyncResult } from '../types/sync';
import type { ErrorInfo } from '../errors';
import type { UpdateStatus } from '../types/update';
import type { LiveNotice, LiveStatus } from '../types/live';
import type { RunEventPayload } from '../types/collections';

/** Events pushed from the core to every window / browser (IPC, server-sent events, Redis pub/sub). */
export interface AppEvents {
  'sync.progress': SyncProgress;
  'sync.finished': { runId: string; results: SyncResult[] };
  'sync.failed': { runId: string; companyGuid: string | null; error: ErrorInfo };
  /** A company's books changed (sync or import committed): open dashboards refresh. */
  'books.changed': { companyGuid: string; dataVersion: number };
  'cache.status': { detection: CacheDetection; stats: CacheStats };
  'cache.cleared': { scope: 'all' | 'company'; companyGuid: string | null; deleted: number };
  /** The desktop app's self-update moved on (checking, progress, ready, error). */
  'update.status': UpdateStatus;
  /** Live mode changed state (watching, paused, a change seen); not sent for checks that found nothing. */
  'live.status': LiveStatus;
  /** A voucher a live sync brought in is worth a notice (off unless switched on in Settings). */
  'live.notice': LiveNotice;
  /** A reminder run moved on (a party sending, sent, failed or skipped; the run finished or cancelled). */
  'collections.progress': { companyGuid: string; runId: string; event: RunEventPayload };
}

export type AppEventName = keyof AppEvents;
export const APP_EVENT_NAMES: readonly AppEventName[] = [
  'sync.progress',
  'sync.finished',
  'sync.failed',
  'books.changed',
  'cache.status',
  'cache.cleared',
  'update.status',
  'live.status',
  'live.notice',
  'collections.progress',
];
