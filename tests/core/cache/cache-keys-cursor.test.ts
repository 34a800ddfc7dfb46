import { Redis } from 'ioredis';
import { cacheOperations, isValidKeyCursor } from '../../../shared/contract/cache';
import { AppError } from '../../../shared/errors';
import { CacheManager } from '../../../electron/core/cache/manager';
import { MemoryBackend } from '../../../electron/core/cache/memory-backend';
import { probeRedis, type Probe } from '../../../electron/core/cache/probe';
import { loadConfig } from '../../../electron/core/config/config';
import { cacheHandlers } from '../../../electron/core/service/cache-handlers';
import { createDispatcher } from '../../../electron/core/service/dispatch';
import type { CallContext, HandlerMap } from '../../../electron/core/service/types';
import { statusForError } from '../../../electron/serve/respond';
import { startTestRedis, type TestRedis } from '../../helpers/redis-server';

/** Threat: the key browser's cursor is caller input; a bad one must be a 400-class VALIDATION answer. */

const context: CallContext = { caller: 'test', user: null };
const BAD_CURSORS = [
  'abc',
  '',
  '-1',
  '1e3',
  '0x10',
  ' 1',
  '1 ',
  '01',
  '1.5',
  '18446744073709551616', // 2^64: no SCAN cursor is that big (Redis: "invalid cursor")
  '99999999999999999999',
  '9'.repeat(100),
];

function config(env: Record<string, string>) {
  const loaded = loadConfig({
    dataDir: '/nonexistent-tc-dir',
    env: { REDIS_COMMAND_TIMEOUT_MS: '1000', ...env },
  });
  return { config: loaded.config.cache, configErrors: loaded.errors };
}

async function dispatcherFor(manager: CacheManager) {
  const unexpected = vi.fn();
  const dispatch = createDispatcher(cacheHandlers({ cache: manager }) as HandlerMap, unexpected);
  return { dispatch, unexpected };
}

describe('cache.keys cursor', () => {
  it('the contract accepts what backends hand out and nothing else', () => {
    for (const good of ['0', '1', '17', '18446744073709551615']) expect(isValidKeyCursor(good)).toBe(true);
    for (const bad of BAD_CURSORS) expect(isValidKeyCursor(bad)).toBe(false);
    const schema = cacheOperations['cache.keys'].input;
    expect(schema.safeParse({ cursor: null }).success).toBe(true);
    expect(schema.safeParse({}).success).toBe(true);
    for (const bad of BAD_CURSORS) expect(schema.safeParse({ cursor: bad }).success).toBe(false);
  });

  it('through the dispatcher (memory backend): VALIDATION naming the field, HTTP 400, never INTERNAL', async () => {
    const refused: Probe = async () => ({ ok: false, error: 'connect ECONNREFUSED' });
    const manager = await CacheManager.create({
      ...config({ REDIS_ENABLED: 'false' }),
      deps: { platform: 'linux', probe: refused },
      autoRedetectMs: 0,
    });
    try {
      const { dispatch, unexpected } = await dispatcherFor(manager);
      for (const cursor of BAD_CURSORS) {
        const answer = await dispatch('cache.keys', { cursor }, context);
        expect(answer, cursor).toMatchObject({
          ok: false,
          error: { code: 'VALIDATION', details: { field: 'cursor' } },
        });
        if (!answer.ok) expect(statusForError(answer.error.code)).toBe(400);
      }
      expect(unexpected).not.toHaveBeenCalled();
      expect(await dispatch('cache.keys', { cursor: null }, context)).toMatchObject({ ok: true });
    } finally {
      await manager.close();
    }
  });

  it('the handler itself refuses a bad cursor with VALIDATION (for callers that skip the schema)', async () => {
    const keys = vi.fn();
    const handlers = cacheHandlers({ cache: { keys } as unknown as CacheManager });
    for (const cursor of BAD_CURSORS) {
      const call = handlers['cache.keys']!({ cursor, count: 10, pattern: '*' }, context);
      await expect(call).rejects.toBeInstanceOf(AppError);
      await expect(call).rejects.toMatchObject({ code: 'VALIDATION', details: { field: 'cursor' } });
    }
    expect(keys).not.toHaveBeenCalled();
  });

  it('the memory backend refuses a bad cursor instead of silently restarting from the first page', async () => {
    const memory = new MemoryBackend({
      maxEntries: 10,
      maxBytes: 1e6,
      defaultTtlSeconds: 60,
      sweepIntervalMs: 0,
    });
    await memory.set('a', 1);
    await expect(memory.keys('abc', 10, '*')).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await memory.keys('5', 10, '*')).keys).toEqual([]);
    await memory.close();
  });

  describe('with a real redis-server', () => {
    let server: TestRedis;
    beforeAll(async () => {
      server = await startTestRedis();
    });
    afterAll(async () => server.stop());

    it('a bad cursor is VALIDATION and never reaches Redis (Redis stays in use)', async () => {
      const manager = await CacheManager.create({
        ...config({ REDIS_URL: server.url, REDIS_ENABLED: 'true' }),
        deps: { platform: 'linux', probe: probeRedis },
        autoRedetectMs: 0,
      });
      const raw = new Redis(server.port, '127.0.0.1');
      try {
        expect(manager.detection.backend).toBe('redis');
        await manager.set('report:G:1:tb:a', { n: 1 });
        const { dispatch, unexpected } = await dispatcherFor(manager);
        for (const cursor of BAD_CURSORS) {
          expect(await dispatch('cache.keys', { cursor }, context)).toMatchObject({
            ok: false,
            error: { code: 'VALIDATION' },
          });
          // Straight to the cache too (no schema, no handler): still VALIDATION, still on Redis.
          await expect(manager.keys(cursor, 10, '*')).rejects.toMatchObject({ code: 'VALIDATION' });
        }
        expect(unexpected).not.toHaveBeenCalled();
        expect(manager.detection.backend).toBe('redis');
        const status = await manager.status();
        expect(status.stats).toMatchObject({ backend: 'redis', errors: 0, fallbacks: 0 });
        // The largest legal cursor is passed on and answered.
        expect(await dispatch('cache.keys', { cursor: '18446744073709551615' }, context)).toMatchObject({
          ok: true,
        });
        expect(await dispatch('cache.keys', { cursor: null }, context)).toMatchObject({
          ok: true,
          data: { keys: [{ key: 'report:G:1:tb:a' }] },
        });
      } finally {
        raw.disconnect();
        await manager.close();
      }
    });
  });
});
