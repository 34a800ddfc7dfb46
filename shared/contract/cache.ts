import { z } from 'zod';
import { operation } from './define';
import { companyGuid, empty } from './schemas';
import type { CacheDetection, CacheKeyPage, CacheStatus } from '../types/cache';

export const cacheOperations = {
  'cache.status': operation<CacheStatus>()({
    input: empty,
    description: 'Detected backend and why, stats, Redis memory info, TTL table.',
    errors: [],
  }),
  'cache.keys': operation<CacheKeyPage>()({
    input: z
      .object({
        cursor: z.string().max(100).nullable().default(null),
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
