import type { Redis } from 'ioredis';
import { createEventBus } from '../../../electron/core/events/bus';
import { createLiveFeed } from '../../../electron/core/portal/live-feed';
import { createPortalRedis, whenReady } from '../../../electron/core/portal/redis-client';
import { startTestRedis, type TestRedis } from '../../helpers/redis-server';

const changed = (companyGuid: string) => ({ companyGuid, dataVersion: 7 });

describe('live feed without Redis', () => {
  it('delivers every local event to every subscriber', () => {
    const bus = createEventBus();
    const feed = createLiveFeed({ bus, instanceId: 'a' });
    const seen: [string, string][] = [];
    const off1 = feed.subscribe((e, p) => seen.push(['one', `${e}:${JSON.stringify(p)}`]));
    feed.subscribe((e) => seen.push(['two', e]));
    bus.emit('books.changed', changed('g1'));
    off1();
    bus.emit('cache.cleared', { scope: 'all', companyGuid: null, deleted: 0 });
    expect(seen).toEqual([
      ['one', 'books.changed:{"companyGuid":"g1","dataVersion":7}'],
      ['two', 'books.changed'],
      ['two', 'cache.cleared'],
    ]);
    expect(feed.mode).toBe('local');
  });
});

describe('live feed over Redis pub/sub (two instances)', () => {
  let redis: TestRedis;
  const clients: Redis[] = [];
  const connect = async (): Promise<Redis> => {
    const c = createPortalRedis(redis.url, { subscriber: true });
    clients.push(c);
    await whenReady(c);
    return c;
  };
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await redis.stop();
  });

  it("each instance's browsers see the other's syncs exactly once, and their own once", async () => {
    const busA = createEventBus();
    const busB = createEventBus();
    const a = createLiveFeed({
      bus: busA,
      instanceId: 'A',
      redis: { publisher: await connect(), subscriber: await connect(), channel: 'ch' },
    });
    const b = createLiveFeed({
      bus: busB,
      instanceId: 'B',
      redis: { publisher: await connect(), subscriber: await connect(), channel: 'ch' },
    });
    const seenA: string[] = [];
    const seenB: string[] = [];
    a.subscribe((e, p) => seenA.push(`${e}:${(p as { companyGuid?: string }).companyGuid ?? ''}`));
    b.subscribe((e, p) => seenB.push(`${e}:${(p as { companyGuid?: string }).companyGuid ?? ''}`));
    await new Promise((r) => setTimeout(r, 100)); // subscriptions settle

    busA.emit('books.changed', changed('g1'));
    busB.emit('sync.progress', {
      runId: 'r',
      companyGuid: 'g2',
      companyName: 'Two',
      phase: 'vouchers',
      done: 5,
      total: 10,
      rate: null,
      etaSeconds: null,
      message: '',
    });
    busA.emit('cache.cleared', { scope: 'all', companyGuid: null, deleted: 0 }); // not relayed

    await vi.waitFor(() => {
      expect(seenB).toContain('books.changed:g1');
      expect(seenA).toContain('sync.progress:g2');
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(seenA.sort()).toEqual(['books.changed:g1', 'cache.cleared:', 'sync.progress:g2']);
    expect(seenB.sort()).toEqual(['books.changed:g1', 'sync.progress:g2']);
    await a.close();
    await b.close();
  });

  it('ignores foreign or malformed messages on the channel', async () => {
    const pub = await connect();
    const feed = createLiveFeed({
      bus: createEventBus(),
      instanceId: 'X',
      redis: { publisher: pub, subscriber: await connect(), channel: 'ch2' },
    });
    const seen: string[] = [];
    feed.subscribe((e) => seen.push(e));
    await new Promise((r) => setTimeout(r, 100));
    await pub.publish('ch2', 'not json');
    await pub.publish('ch2', JSON.stringify({ origin: 'Y', event: 'settings.hack', payload: {} }));
    await pub.publish('ch2', JSON.stringify({ origin: 'Y', event: 'cache.cleared', payload: {} }));
    await pub.publish('ch2', JSON.stringify({ origin: 'Y', event: 'books.changed', payload: changed('g9') }));
    await vi.waitFor(() => expect(seen).toEqual(['books.changed']));
    await feed.close();
  });

  it('keeps delivering local events while Redis is down', async () => {
    const own = await startTestRedis();
    const pub = createPortalRedis(own.url);
    const sub = createPortalRedis(own.url, { subscriber: true });
    await whenReady(pub);
    await whenReady(sub);
    const bus = createEventBus();
    const feed = createLiveFeed({
      bus,
      instanceId: 'L',
      redis: { publisher: pub, subscriber: sub, channel: 'c' },
    });
    const seen: string[] = [];
    feed.subscribe((e) => seen.push(e));
    await own.kill();
    bus.emit('books.changed', changed('g1'));
    expect(seen).toEqual(['books.changed']);
    await new Promise((r) => setTimeout(r, 50));
    await feed.close();
    pub.disconnect();
    sub.disconnect();
    await own.stop();
  });
});
