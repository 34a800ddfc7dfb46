import { z } from 'zod';
import { operation } from './define';
import { companyGuid, empty } from './schemas';
import { AppError } from '../errors';
import type { CacheDetection, CacheKeyPage, CacheStatus } from '../types/cache';

/** Redis SCAN cursors are unsigned 64-bit integers; the memory backend's (offsets) are written the same way. */
const MAX_KEY_CURSOR = 18446744073709551615n;
const CURSOR_MESSAGE = 'must be the cursor the previous page answered (a whole number), or null to start';

/** Whether a key-browser cursor is one a backend can have handed out: decimal digits, at most 2^64 - 1. */
export function isValidKeyCursor(cursor: string): boolean {
  return /^(?:0|[1-9][0-9]{0,19})$/.test(cursor) && BigInt(cursor) <= MAX_KEY_CURSOR;
}

/**
 * The same check for code behind the contract (handler, backends): a bad cursor is the caller's mistake
 * (VALIDATION, HTTP 400), never a server error — and never sent to Redis, whose "invalid cursor" reply
 * would otherwise read as a fault.
 */
export function assertKeyCursor(cursor: string): void {
  if (!isValidKeyCursor(cursor)) {
    throw new AppError('VALIDATION', `Invalid cache key cursor: cursor ${CURSOR_MESSAGE}`, {
      field: 'cursor',
    });
  }
}

export const cacheKeyCursor = z
  .string()
  .max(20)
  .refine(isValidKeyCursor, { message: CURSOR_MESSAGE })
  .nullable()
  .default(null);

export const cacheOperations = {
  'cache.status': operation<CacheStatus>()({
    input: empty,
    description: 'Detected backend and why, stats, Redis memory info, TTL table.',
    errors: [],
  }),
  'cache.keys': operation<CacheKeyPage>()({
    input: z
      .object({
        cursor: cacheKeyCursor,
        count: z.number().int().min(1).max(1000).default(100),
        pattern: z.string().max(500).default('*'),
      })
      .strict(),
    description: "A page of this app's cache keys with remaining TTLs (SCAN, never KEYS).",
    errors: ['CACHE'],
  }),
  'cache.clearAll': operation<{ deleted: number }>()({
    input: empty,
    description: "Deletes every key of this app's namespace (other programs' keys survive).",
    errors: ['CACHE'],
  }),
  'cache.clearCompany': operation<{ deleted: number }>()({
    input: z.object({ companyGuid }).strict(),
    description: "Deletes one company's cached reports.",
    errors: ['CACHE'],
  }),
  'cache.redetect': operation<CacheDetection>()({
    input: empty,
    description: 'Runs cache-server detection again and switches backend without restarting.',
    errors: [],
  }),
  'cache.startMemurai': operation<{ started: boolean; message: string }>()({
    input: empty,
    description: 'Asks Windows to start the Memurai service (elevation prompt), then re-detects.',
    errors: ['CACHE'],
  }),
};
