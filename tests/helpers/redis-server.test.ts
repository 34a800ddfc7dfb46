import { afterAll, beforeAll, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { startTestRedis, type TestRedis } from './redis-server';

let server: TestRedis;
beforeAll(async () => {
  server = await startTestRedis();
});
afterAll(async () => server.stop());

it('starts a private redis-server that survives a kill and restart', async () => {
  expect(server.port).not.toBe(6379);
  const client = new Redis(server.url, { lazyConnect: true, maxRetriesPerRequest: 0 });
  await client.connect();
  await client.set('k', 'v');
  expect(await client.get('k')).toBe('v');
  client.disconnect();
  await server.restart();
  const again = new Redis(server.url, { lazyConnect: true });
  await again.connect();
  expect(await again.get('k')).toBeNull();
  again.disconnect();
});
