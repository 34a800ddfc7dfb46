import { addUser, signIn, startHarness, type Harness } from './harness';

/** One account could hold hundreds of event streams (sockets and live-feed listeners) before a 429. */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await addUser(h.portal, 'asha', 'asha-password', { companies: ['g1'] });
});
afterAll(async () => {
  await h.close();
});

/** Opens a stream and keeps it open; answers its status and a way to close it. */
async function open(token: string): Promise<{ status: number; close(): Promise<void> }> {
  const controller = new AbortController();
  const response = await fetch(`${h.url}/api/events?token=${token}`, { signal: controller.signal });
  if (response.status === 200) {
    // The first bytes mean the server has subscribed the stream.
    const reader = response.body!.getReader();
    await reader.read();
    return {
      status: 200,
      async close() {
        controller.abort();
        await reader.cancel().catch(() => undefined);
        // Give the server a moment to see the socket close.
        await new Promise((r) => setTimeout(r, 50));
      },
    };
  }
  await response.text();
  return { status: response.status, close: async () => undefined };
}

describe('open event streams are capped per session and per user', () => {
  it('answers 429 beyond a handful per session, then per user, and frees a place when one closes', async () => {
    const first = await signIn(h.url, 'asha', 'asha-password');
    const opened: { status: number; close(): Promise<void> }[] = [];
    for (let i = 0; i < 4; i++) opened.push(await open(first));
    expect(opened.map((s) => s.status)).toEqual([200, 200, 200, 200]);
    const fifth = await open(first);
    expect(fifth.status).toBe(429);

    // A second session of the same user: up to the user's cap of 8 in all.
    const second = await signIn(h.url, 'asha', 'asha-password');
    for (let i = 0; i < 4; i++) opened.push(await open(second));
    expect(opened.map((s) => s.status).filter((s) => s === 200)).toHaveLength(8);
    const third = await signIn(h.url, 'asha', 'asha-password');
    expect((await open(third)).status).toBe(429);

    // Closing a stream frees its place.
    await opened[0]!.close();
    const again = await open(first);
    expect(again.status).toBe(200);
    opened.push(again);
    await Promise.all(opened.map((s) => s.close()));
  });
});
