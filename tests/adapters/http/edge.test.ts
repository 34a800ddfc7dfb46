import { execFileSync } from 'node:child_process';
import {
  existsSync,
  linkSync,
  mkdtempSync,
  mkdirSync,
  readdirSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OPERATION_NAMES } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { PortalUser } from '../../../shared/types/portal';
import { createCore, type Core } from '../../../electron/core/app';
import { createEventBus } from '../../../electron/core/events/bus';
import { createDispatcher } from '../../../electron/core/service/dispatch';
import { syncHandlers } from '../../../electron/core/service/sync-handlers';
import type { HandlerMap } from '../../../electron/core/service/types';
import type { SyncManager } from '../../../electron/core/sync/manager';
import { createServeServer, type ServeServer } from '../../../electron/serve/server';

/**
 * The HTTP edge against a hostile web page in the owner's browser (see docs/security/http-edge.md):
 * every request shape a foreign page can send without a CORS preflight is refused before any handler
 * runs, and import.files over HTTP reads only uploads.
 */

const TOKEN = 'edge-test-token_abcdefghijklmnopqrstuvwxyz012345';
let dir: string;
let uploadDir: string;
let app: ServeServer;
let base: string;
let port: number;
const called: string[] = [];
const opened: string[] = [];
const logged: { error: unknown; errorId: string }[] = [];

const PORTAL_USER: PortalUser = {
  username: 'asha',
  displayName: 'Asha',
  role: 'owner',
  companies: [],
  disabled: false,
  createdAt: '2025-01-01T00:00:00Z',
};

/** A stand-in for the sync manager whose import opens and reads every file it is given. */
const fakeSync = {
  async importFiles(paths: string[]) {
    opened.push(...paths);
    const texts = await Promise.all(paths.map((p) => readFile(p, 'utf8')));
    if (texts.some((t) => t.includes('BAD'))) throw new AppError('IMPORT_INVALID', 'bad file');
    return { runId: 'r', companyGuid: 'g', companyName: 'C', kind: 'import', vouchersWritten: 0 };
  },
} as unknown as SyncManager;

function handlers(): HandlerMap {
  const map: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of OPERATION_NAMES) {
    map[name] = async (input) => {
      called.push(name);
      return { echo: input };
    };
  }
  map['cache.clearAll'] = async () => {
    throw new Error('SQLITE_CORRUPT: database disk image is malformed at /home/owner/.data/tallyconnect.db');
  };
  return { ...map, ...syncHandlers({ sync: fakeSync }) } as unknown as HandlerMap;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tc-edge-'));
  uploadDir = path.join(dir, 'uploads');
  const staticDir = path.join(dir, 'static');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(
    path.join(staticDir, 'index.html'),
    '<!doctype html><html><head><title>TC</title></head></html>',
  );
  writeFileSync(path.join(dir, 'secret.xml'), '<SECRET/>');
  app = createServeServer({
    core: { dispatch: createDispatcher(handlers()), events: createEventBus() },
    staticDir,
    uploadDir,
    uploadLimitBytes: 1000,
    uploadCaps: { maxFiles: 3, maxTotalBytes: 2500 },
    launchToken: TOKEN,
    isPublicOperation: () => false,
    // Stands in for the portal gate: a test header makes the caller a signed-in portal user.
    before: [
      async (ctx, next) => {
        if (ctx.req.headers['x-test-portal-user'] === '1') {
          ctx.call.user = PORTAL_USER;
          ctx.call.sessionToken = 'tcp_test';
        }
        return next();
      },
    ],
    onError: (error, where) => logged.push({ error, errorId: where.errorId }),
  });
  ({ port } = await app.listen(0));
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  called.length = 0;
  opened.length = 0;
});

const json = { 'content-type': 'application/json', 'x-tallyconnect-token': TOKEN };
type Body = {
  ok: boolean;
  data?: unknown;
  error?: { code: string; message: string; details?: Record<string, unknown> };
};

async function send(
  pathname: string,
  init: {
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer | FormData | URLSearchParams;
  },
): Promise<{ status: number; body: Body }> {
  const res = await fetch(`${base}${pathname}`, {
    method: init.method ?? 'POST',
    headers: init.headers,
    body: Buffer.isBuffer(init.body) ? new Uint8Array(init.body) : init.body,
  });
  const text = await res.text();
  return { status: res.status, body: text.startsWith('{') ? (JSON.parse(text) as Body) : { ok: false } };
}

const uploadHeaders = { 'x-tallyconnect-token': TOKEN, 'x-tallyconnect-upload': '1' };
async function upload(
  body: string | Buffer,
  name = 'Day%20Book.xml',
): Promise<{ status: number; body: Body }> {
  return send('/api/upload', { headers: { ...uploadHeaders, 'x-file-name': name }, body });
}

describe('request bodies a foreign page can send without a preflight', () => {
  it('refuses text/plain with 415, naming what was wrong, and runs nothing', async () => {
    const answer = await send('/api/company.delete', {
      headers: { 'content-type': 'text/plain;charset=UTF-8', 'x-tallyconnect-token': TOKEN },
      body: JSON.stringify({ companyGuid: 'g1' }),
    });
    expect(answer.status).toBe(415);
    expect(answer.body.error?.code).toBe('VALIDATION');
    expect(answer.body.error?.message).toMatch(/needs Content-Type: application\/json \(got text\/plain\)/);
    expect(called).toEqual([]);
  });

  it('refuses form-urlencoded, multipart and a missing content type', async () => {
    const form = await send('/api/users.save', {
      headers: { 'x-tallyconnect-token': TOKEN },
      body: new URLSearchParams({ '{"username":"evil","x":"': '"}' }),
    });
    expect(form.status).toBe(415);
    expect(form.body.error?.message).toMatch(/application\/x-www-form-urlencoded/);
    const data = new FormData();
    data.set('a', 'b');
    const multipart = await send('/api/settings.update', {
      headers: { 'x-tallyconnect-token': TOKEN },
      body: data,
    });
    expect(multipart.status).toBe(415);
    expect(multipart.body.error?.message).toMatch(/multipart\/form-data/);
    const none = await send('/api/cache.clearAll', { headers: { 'x-tallyconnect-token': TOKEN } });
    expect(none.status).toBe(415);
    expect(none.body.error?.message).toMatch(/no content type/);
    expect(called).toEqual([]);
  });

  it('accepts application/json with a UTF-8 charset', async () => {
    const answer = await send('/api/companies.list', {
      headers: { ...json, 'content-type': 'application/json; charset=utf-8' },
      body: '{}',
    });
    expect(answer.status).toBe(200);
    expect(called).toEqual(['companies.list']);
  });
});

describe('origin checks', () => {
  it('refuses a foreign Origin, even with the token and JSON', async () => {
    for (const origin of [
      'http://evil.example',
      `http://127.0.0.1:${port + 1}`,
      'null',
      `http://localhost.evil:${port}`,
    ]) {
      const answer = await send('/api/company.delete', {
        headers: { ...json, origin },
        body: '{"companyGuid":"g1"}',
      });
      expect(answer.status, origin).toBe(403);
      expect(answer.body.error?.details?.reason, origin).toBe('origin');
    }
    expect(called).toEqual([]);
  });

  it('accepts the server’s own origin', async () => {
    for (const origin of [base, `http://localhost:${port}`]) {
      const host = new URL(origin).host;
      const answer = await rawRequest('POST', '/api/companies.list', { ...json, origin, host }, '{}');
      expect(answer.status, origin).toBe(200);
    }
  });

  it('refuses a request addressed to a rebound name even when Origin matches Host', async () => {
    const answer = await rawRequest(
      'POST',
      '/api/company.delete',
      { ...json, host: `evil.example:${port}`, origin: `http://evil.example:${port}` },
      '{"companyGuid":"g1"}',
    );
    expect(answer.status).toBe(403);
    expect(called).toEqual([]);
  });

  it('refuses Sec-Fetch-Site cross-site and same-site, accepts same-origin and none', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const answer = await send('/api/cache.clearAll', {
        headers: { ...json, 'sec-fetch-site': site },
        body: '{}',
      });
      expect(answer.status, site).toBe(403);
      expect(answer.body.error?.details?.reason).toBe('fetch-site');
    }
    expect(called).toEqual([]);
    for (const site of ['same-origin', 'none']) {
      const answer = await send('/api/companies.list', {
        headers: { ...json, 'sec-fetch-site': site },
        body: '{}',
      });
      expect(answer.status, site).toBe(200);
    }
  });
});

describe('the launch token', () => {
  it('is required on every call: missing or wrong → 403', async () => {
    const missing = await send('/api/company.delete', {
      headers: { 'content-type': 'application/json' },
      body: '{"companyGuid":"g1"}',
    });
    expect(missing.status).toBe(403);
    expect(missing.body.error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'token' } });
    expect(missing.body.error?.message).toMatch(/X-TallyConnect-Token/);
    const wrong = await send('/api/company.delete', {
      headers: { 'content-type': 'application/json', 'x-tallyconnect-token': `${TOKEN.slice(0, -1)}x` },
      body: '{"companyGuid":"g1"}',
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error?.message).toMatch(/reload the page/);
    expect(called).toEqual([]);
  });

  it('is not needed by a call the portal authenticated with a Bearer session', async () => {
    const answer = await send('/api/companies.list', {
      headers: { 'content-type': 'application/json', 'x-test-portal-user': '1' },
      body: '{}',
    });
    expect(answer.status).toBe(200);
  });

  it('reaches the page only inside index.html, never cached, never for another site’s fetch', async () => {
    const page = await fetch(`${base}/`);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain(`<head><meta name="tallyconnect-token" content="${TOKEN}" />`);
    const foreign = await rawRequest('GET', '/', {
      'sec-fetch-site': 'cross-site',
      'sec-fetch-dest': 'script',
      'sec-fetch-mode': 'no-cors',
    });
    expect(foreign.status).toBe(403);
    expect(foreign.text).not.toContain(TOKEN);
    // A link followed from another site still opens the app (its page runs as this origin).
    const navigation = await rawRequest('GET', '/', {
      'sec-fetch-site': 'cross-site',
      'sec-fetch-dest': 'document',
      'sec-fetch-mode': 'navigate',
    });
    expect(navigation.status).toBe(200);
  });

  it('guards the event stream: token in the URL, and never cross-site', async () => {
    expect((await rawRequest('GET', '/api/events')).status).toBe(403);
    expect((await rawRequest('GET', `/api/events?launch=wrong`)).status).toBe(403);
    expect(
      (await rawRequest('GET', `/api/events?launch=${TOKEN}`, { 'sec-fetch-site': 'cross-site' })).status,
    ).toBe(403);
    expect(
      (await rawRequest('GET', `/api/events?launch=${TOKEN}`, { origin: 'http://evil.example' })).status,
    ).toBe(403);
    const ok = await rawRequest(
      'GET',
      `/api/events?launch=${TOKEN}`,
      { 'sec-fetch-site': 'same-origin' },
      undefined,
      true,
    );
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toMatch(/text\/event-stream/);
  });
});

describe('uploads', () => {
  it('need the X-TallyConnect-Upload header and the token; nothing is written without them', async () => {
    const noHeader = await send('/api/upload', {
      headers: { 'x-tallyconnect-token': TOKEN },
      body: '<ENVELOPE/>',
    });
    expect(noHeader.status).toBe(403);
    expect(noHeader.body.error?.message).toMatch(/X-TallyConnect-Upload/);
    const form = new FormData();
    form.set('file', new Blob(['<ENVELOPE/>']), 'x.xml');
    expect((await send('/api/upload', { body: form })).status).toBe(403);
    const noToken = await send('/api/upload', {
      headers: { 'x-tallyconnect-upload': '1' },
      body: '<ENVELOPE/>',
    });
    expect(noToken.status).toBe(403);
    expect(existsSync(uploadDir) ? readdirSync(uploadDir) : []).toEqual([]);
  });

  it('answer 400 VALIDATION for a malformed x-file-name', async () => {
    for (const name of [
      '%E0%A4%A',
      '%',
      '..%2F..%2Fx.xml',
      'a%5Cb.xml',
      'x%00.xml',
      'x%0A.xml',
      'a'.repeat(300),
    ]) {
      const answer = await upload('<ENVELOPE/>', name);
      expect(answer.status, name).toBe(400);
      expect(answer.body.error?.code, name).toBe('VALIDATION');
    }
    expect(existsSync(uploadDir) ? readdirSync(uploadDir) : []).toEqual([]);
  });

  it('are removed after their import, whether it worked or failed', async () => {
    const good = await upload('<ENVELOPE/>');
    const goodPath = (good.body.data as { path: string }).path;
    expect(existsSync(goodPath)).toBe(true);
    const imported = await send('/api/import.files', {
      headers: json,
      body: JSON.stringify({ paths: [goodPath] }),
    });
    expect(imported.body.ok).toBe(true);
    expect(existsSync(goodPath)).toBe(false);

    const bad = await upload('<BAD/>');
    const badPath = (bad.body.data as { path: string }).path;
    const failed = await send('/api/import.files', {
      headers: json,
      body: JSON.stringify({ paths: [badPath] }),
    });
    expect(failed.body.error?.code).toBe('IMPORT_INVALID');
    expect(existsSync(badPath)).toBe(false);
    expect(readdirSync(uploadDir)).toEqual([]);
  });

  it('are capped in files and bytes, with a clear message; stale ones are swept', async () => {
    const paths: string[] = [];
    for (let i = 0; i < 3; i++) paths.push(((await upload('<A/>')).body.data as { path: string }).path);
    const fourth = await upload('<A/>');
    expect(fourth.status).toBe(413);
    expect(fourth.body.error?.message).toMatch(/upload folder is full \(3 files are waiting/);
    // An upload nobody imported for over an hour is swept, making room.
    const old = new Date(Date.now() - 2 * 60 * 60_000);
    utimesSync(paths[0]!, old, old);
    expect((await upload('<A/>')).status).toBe(200);
    expect(existsSync(paths[0]!)).toBe(false);
    for (const file of readdirSync(uploadDir)) rmSync(path.join(uploadDir, file));

    expect((await upload('x'.repeat(900))).status).toBe(200);
    expect((await upload('x'.repeat(900))).status).toBe(200);
    const over = await upload('x'.repeat(900));
    expect(over.status).toBe(413);
    expect(over.body.error?.message).toMatch(/upload folder is full/);
    for (const file of readdirSync(uploadDir)) rmSync(path.join(uploadDir, file));
  });
});

describe('import.files over HTTP', () => {
  it('refuses paths outside the upload folder, UNC and device paths and traversal, without opening them', async () => {
    mkdirSync(uploadDir, { recursive: true });
    // A FIFO outside the folder: opening it for reading would block, so a test that finishes proves it was not.
    const fifo = path.join(dir, 'pipe.xml');
    execFileSync('mkfifo', [fifo]);
    symlinkSync(path.join(dir, 'secret.xml'), path.join(uploadDir, 'link.xml'));
    const attempts = [
      path.join(dir, 'secret.xml'),
      fifo,
      '\\\\evil.example\\share\\books.xml',
      '//evil.example/share/books.xml',
      '\\\\?\\C:\\Windows\\win.ini',
      '\\\\.\\PhysicalDrive0',
      `${uploadDir}/../secret.xml`,
      'uploads/../secret.xml',
      'secret.xml',
      path.join(uploadDir, 'link.xml'),
      path.join(uploadDir, 'nul'),
      '/dev/zero',
    ];
    for (const p of attempts) {
      const answer = await send('/api/import.files', { headers: json, body: JSON.stringify({ paths: [p] }) });
      expect(answer.status, p).toBe(403);
      expect(answer.body.error?.code, p).toBe('FORBIDDEN');
      expect(answer.body.error?.message, p).toMatch(/imports only files uploaded/);
    }
    expect(opened).toEqual([]);
    // The link in the upload folder is cleared like any upload; what it points at is never touched.
    expect(existsSync(path.join(uploadDir, 'link.xml'))).toBe(false);
    expect(existsSync(path.join(dir, 'secret.xml'))).toBe(true);
  }, 10_000);
});

describe('INTERNAL errors', () => {
  it('show a portal user a generic message with an error id and log the details under it', async () => {
    const answer = await send('/api/cache.clearAll', {
      headers: { 'content-type': 'application/json', 'x-test-portal-user': '1' },
      body: '{}',
    });
    expect(answer.status).toBe(500);
    const message = answer.body.error?.message ?? '';
    expect(message).not.toMatch(/SQLITE|tallyconnect\.db|home/);
    const errorId = /error id ([0-9a-f]+)/.exec(message)?.[1];
    expect(errorId).toMatch(/^[0-9a-f]{10}$/);
    expect(answer.body.error?.details).toEqual({ errorId });
    const entry = logged.find((l) => l.errorId === errorId);
    expect(String((entry?.error as Error).message)).toMatch(/SQLITE_CORRUPT.*tallyconnect\.db/);
  });

  it('keep the detailed message for the desktop owner', async () => {
    const answer = await send('/api/cache.clearAll', { headers: json, body: '{}' });
    expect(answer.status).toBe(500);
    expect(answer.body.error?.message).toMatch(/SQLITE_CORRUPT/);
  });
});

describe('with the real core', () => {
  let core: Core;
  let real: ServeServer;
  let realBase: string;
  let coreDir: string;
  beforeAll(async () => {
    coreDir = mkdtempSync(path.join(tmpdir(), 'tc-edge-core-'));
    core = await createCore({ dataDir: coreDir, mode: 'test' });
    real = createServeServer({
      core: { dispatch: core.dispatch, events: core.events },
      staticDir: null,
      uploadDir: path.join(coreDir, 'uploads'),
      launchToken: TOKEN,
    });
    realBase = (await real.listen(0)).url;
  });
  afterAll(async () => {
    await real.close();
    await core.close();
    rmSync(coreDir, { recursive: true, force: true });
  });

  const realUpload = async (body: Buffer, name: string) => {
    const res = await fetch(`${realBase}/api/upload`, {
      method: 'POST',
      headers: { ...uploadHeaders, 'x-file-name': name },
      body: new Uint8Array(body),
    });
    return ((await res.json()) as { data: { path: string } }).data.path;
  };
  const realImport = async (paths: string[]) =>
    (await (
      await fetch(`${realBase}/api/import.files`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ paths }),
      })
    ).json()) as Body;

  it('says a binary file is not a Tally XML export (and removes it)', async () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    const uploaded = await realUpload(png, 'DayBook.xml');
    const answer = await realImport([uploaded]);
    expect(answer.error?.code).toBe('IMPORT_INVALID');
    expect(answer.error?.message).toMatch(/DayBook\.xml is not a Tally XML export/);
    expect(existsSync(uploaded)).toBe(false);
  });

  it('refuses a hard link placed in the upload folder, without reading what it links to', async () => {
    mkdirSync(path.join(coreDir, 'uploads'), { recursive: true });
    const secret = path.join(coreDir, 'owner-notes.txt');
    writeFileSync(secret, 'Qsecret=partner-password');
    const planted = path.join(coreDir, 'uploads', 'books.xml');
    linkSync(secret, planted);
    const answer = await realImport([planted]);
    expect(answer.error?.code).toBe('FORBIDDEN');
    expect(answer.error?.message).toMatch(/hard link/);
    expect(JSON.stringify(answer)).not.toMatch(/"Q"|Qsecret|partner-password/);
    // The planted name is cleared like any upload; the file it pointed at is untouched.
    expect(existsSync(planted)).toBe(false);
    expect(existsSync(secret)).toBe(true);
  });

  it('never quotes a file that is not a Tally export in its error', async () => {
    const uploaded = await realUpload(Buffer.from('Qsecret=partner-password\n'), 'DayBook.xml');
    const answer = await realImport([uploaded]);
    expect(answer.error?.code).toBe('IMPORT_INVALID');
    expect(answer.error?.message).toMatch(
      /DayBook\.xml is not a Tally XML export \(it does not start with "<"\)/,
    );
    expect(JSON.stringify(answer)).not.toMatch(/"Q"|Qsecret/);
  });

  it('imports real uploads and removes them; refuses a file outside the folder', async () => {
    const fixtures = path.join(__dirname, '..', '..', 'fixtures', 'tally');
    const masters = await realUpload(await readFile(path.join(fixtures, 'masters.xml')), 'masters.xml');
    const daybook = await realUpload(await readFile(path.join(fixtures, 'daybook.xml')), 'daybook.xml');
    const answer = await realImport([masters, daybook]);
    expect(answer.ok).toBe(true);
    expect(existsSync(masters) || existsSync(daybook)).toBe(false);
    const outside = await realImport([path.join(fixtures, 'masters.xml')]);
    expect(outside.error?.code).toBe('FORBIDDEN');
  });
});

/** A raw request: any Host header, and (for event streams) the head only. */
function rawRequest(
  method: string,
  pathname: string,
  headers: Record<string, string> = {},
  body?: string,
  headOnly = false,
): Promise<{ status: number; text: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, method, headers }, (res) => {
      if (headOnly) {
        resolve({ status: res.statusCode ?? 0, text: '', headers: res.headers });
        req.destroy();
        return;
      }
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
