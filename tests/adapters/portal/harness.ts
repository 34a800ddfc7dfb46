import { spawn } from 'node:child_process';
import http from 'node:http';
import { Socket } from 'node:net';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPERATION_NAMES } from '../../../shared/contract';
import { createEventBus, type EventBus } from '../../../electron/core/events/bus';
import { createPortal, type Portal, type PortalOptions } from '../../../electron/core/portal/portal';
import { withPortalAccess } from '../../../electron/core/portal/guard';
import { portalHandlers } from '../../../electron/core/service/portal-handlers';
import { createDispatcher } from '../../../electron/core/service/dispatch';
import type { HandlerMap } from '../../../electron/core/service/types';
import { createServeServer, type ServeServer } from '../../../electron/serve/server';
import { portalEvents, portalMiddleware } from '../../../electron/serve/portal-setup';
import { FAST_ARGON2 } from '../../core/portal/fixtures';
import { freePort } from '../../helpers/redis-server';

/**
 * A private redis-server that requires a password (requirepass), on a free loopback port; never 6379.
 * `url` carries the password.
 */
export async function startPasswordRedis(
  password = 'portal-test-secret',
): Promise<{ url: string; port: number; password: string; stop(): Promise<void> }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'tc-redis-pw-'));
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--requirepass',
      password,
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
    ],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + 10_000;
  for (;;) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('error', () => resolve(false));
      socket.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
    });
    if (up) break;
    if (Date.now() > deadline) throw new Error(`redis-server did not start on port ${port}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return {
    url: `redis://:${password}@127.0.0.1:${port}`,
    port,
    password,
    async stop() {
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Report handlers stand-ins: the portal tests check access, not numbers. */
function stubHandlers(): Record<string, (input: unknown) => Promise<unknown>> {
  const map: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of OPERATION_NAMES) map[name] = async (input) => ({ op: name, input });
  map['companies.list'] = async () => ({
    data: [
      { guid: 'g1', name: 'One' },
      { guid: 'g2', name: 'Two' },
    ],
    source: 'database',
    tookMs: 0,
  });
  return map;
}

export interface Harness {
  url: string;
  port: number;
  portal: Portal;
  bus: EventBus;
  server: ServeServer;
  dir: string;
  close(): Promise<void>;
}

export async function startHarness(
  options: Partial<PortalOptions> & {
    enabled?: boolean;
    bodyLimitBytes?: number;
    dir?: string;
    /** The bind address the portal is told (the harness itself always listens on 127.0.0.1). */
    host?: string;
  } = {},
): Promise<Harness> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'tc-portal-http-'));
  const staticDir = join(dir, 'static');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>TallyConnect</title>');
  writeFileSync(join(dir, 'secret.txt'), 'TOP-SECRET');
  const bus = options.bus ?? createEventBus();
  const portal = createPortal({ dataDir: dir, redis: null, argon2: FAST_ARGON2, ...options, bus });
  await portal.ready();
  const handlers = { ...stubHandlers(), ...portalHandlers(portal) } as unknown as HandlerMap;
  const dispatch = createDispatcher(
    withPortalAccess(handlers, { noteCompany: (token, guid) => portal.sessions.noteCompany(token, guid) }),
  );
  const server = createServeServer({
    core: {
      dispatch,
      events: {
        onAny: portalEvents(portal.live, {
          authenticate: (token) => portal.authenticate(token),
          now: options.now,
        }),
      },
    },
    staticDir,
    uploadDir: join(dir, 'uploads'),
    bodyLimitBytes: options.bodyLimitBytes ?? 4096,
    heartbeatMs: 60_000,
    before: portalMiddleware(portal, { enabled: options.enabled ?? true, host: options.host ?? '127.0.0.1' }),
  });
  const { port } = await server.listen(0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    portal,
    bus,
    server,
    dir,
    async close() {
      await server.close();
      await portal.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function addUser(
  portal: Portal,
  username: string,
  password: string,
  extra: { role?: 'owner' | 'staff'; companies?: string[] } = {},
): Promise<void> {
  portal.accounts.save(
    {
      username,
      displayName: username,
      role: extra.role ?? 'staff',
      companies: extra.companies ?? [],
      disabled: false,
    },
    await portal.hasher.hash(password),
  );
}

export async function call(
  base: string,
  operation: string,
  input: unknown,
  token?: string,
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  body: { ok: boolean; data?: unknown; error?: { code: string; message: string } };
  headers: Headers;
}> {
  const response = await fetch(`${base}/api/${operation}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: (await response.json()) as never, headers: response.headers };
}

export async function signIn(base: string, username: string, password: string): Promise<string> {
  const answer = await call(base, 'auth.signIn', { username, password });
  if (!answer.body.ok) throw new Error(`sign-in failed: ${JSON.stringify(answer.body)}`);
  return (answer.body.data as { token: string }).token;
}

/** A GET with the raw path as written (fetch would normalise ../ away). */
export function rawGet(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          headers: res.headers,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens an event stream; `ready` resolves once the server sent its first bytes (subscribed), `events` after `count` events or the first one `until` accepts. */
export function openEvents(
  url: string,
  count: number,
  timeoutMs = 3000,
  until: (event: { event: string; data: unknown }) => boolean = () => false,
): { ready: Promise<void>; events: Promise<{ event: string; data: unknown }[]> } {
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const events = (async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const out: { event: string; data: unknown }[] = [];
    try {
      const response = await fetch(url, { signal: controller.signal });
      if (!response.ok || !response.body) throw new Error(`event stream answered ${response.status}`);
      const decoder = new TextDecoder();
      let buffer = '';
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        markReady();
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (event && data) out.push({ event, data: JSON.parse(data) });
          if (out.length >= count || until(out[out.length - 1] ?? { event: '', data: null })) {
            controller.abort();
            return out;
          }
        }
      }
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    } finally {
      clearTimeout(timer);
      markReady();
    }
    return out;
  })();
  return { ready, events };
}
