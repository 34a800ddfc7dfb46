import http from 'node:http';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OPERATION_NAMES } from '../../../shared/contract';
import { createEventBus, type EventBus } from '../../../electron/core/events/bus';
import { createDispatcher } from '../../../electron/core/service/dispatch';
import type { HandlerMap } from '../../../electron/core/service/types';
import { AppError } from '../../../shared/errors';
import { createServeServer, type ServeServer } from '../../../electron/serve/server';

let dir: string;
let bus: EventBus;
let app: ServeServer;
let base: string;
const TOKEN = 'test-launch-token_0123456789abcdefghijklmnopqrs';
const auth = { 'x-tallyconnect-token': TOKEN };
const json = { 'content-type': 'application/json', ...auth };
const seen: { operation: string; caller: string }[] = [];

function handlers(): HandlerMap {
  const map: Record<string, (input: unknown, ctx: { caller: string }) => Promise<unknown>> = {};
  for (const name of OPERATION_NAMES) {
    map[name] = async (input, ctx) => {
      seen.push({ operation: name, caller: ctx.caller });
      return { echo: input };
    };
  }
  map['company.delete'] = async () => {
    throw new AppError('NOT_FOUND', 'No company with GUID "x"');
  };
  return map as unknown as HandlerMap;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tc-serve-'));
  const staticDir = path.join(dir, 'static');
  mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>TallyConnect</title>');
  writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'secret.txt'), 'TOP-SECRET');
  bus = createEventBus();
  app = createServeServer({
    core: { dispatch: createDispatcher(handlers()), events: bus },
    staticDir,
    uploadDir: path.join(dir, 'uploads'),
    uploadLimitBytes: 1000,
    bodyLimitBytes: 2000,
    heartbeatMs: 50,
    launchToken: TOKEN,
  });
  base = (await app.listen(0)).url;
});

afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const upload = { ...auth, 'x-tallyconnect-upload': '1' };
const post = (op: string, body: string) =>
  fetch(`${base}/api/${op}`, { method: 'POST', headers: json, body });

describe('POST /api/<operation>', () => {
  it('answers the envelope of a valid call, as an http caller', async () => {
    const res = await post('ledgers.search', JSON.stringify({ companyGuid: 'c1', query: 'sha' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      ok: true,
      data: { echo: { companyGuid: 'c1', query: 'sha', limit: 50 } },
    });
    expect(seen.at(-1)).toEqual({ operation: 'ledgers.search', caller: 'http' });
  });

  it('treats an empty body as {}', async () => {
    const res = await fetch(`${base}/api/companies.list`, { method: 'POST', headers: json });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
  });

  it('answers 400 with a message naming the bad field', async () => {
    const res = await post('dashboard.get', JSON.stringify({ companyGuid: 'c1', fy: '2025' }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { ok: false; error: { code: string; message: string } };
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.message).toMatch(/fy: must be a financial year/);
  });

  it('maps error codes to statuses', async () => {
    const res = await post('company.delete', JSON.stringify({ companyGuid: 'x' }));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No company with GUID "x"' },
    });
  });

  it('refuses unknown operations, other methods, bad JSON and big bodies', async () => {
    const unknown = await post('nope.never', '{}');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('UNKNOWN_OPERATION');

    const get = await fetch(`${base}/api/companies.list`);
    expect(get.status).toBe(405);

    const bad = await post('companies.list', '{not json');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/not valid JSON/);

    const big = await post('ledgers.search', JSON.stringify({ companyGuid: 'c', query: 'x'.repeat(3000) }));
    expect(big.status).toBe(413);
  });
});

describe('GET /api/events', () => {
  it('forwards bus events as server-sent events and unsubscribes on close', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.get(`${base}/api/events?launch=${TOKEN}`, (res) => {
        expect(res.headers['content-type']).toMatch(/text\/event-stream/);
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          if (text.includes(': connected') && !text.includes('books.changed')) {
            bus.emit('books.changed', { companyGuid: 'c1', dataVersion: 7 });
          }
          if (text.includes('"dataVersion":7') && text.includes(': ping')) {
            req.destroy();
            resolve(text);
          }
        });
      });
      req.on('error', reject);
    });
    expect(received).toContain('event: books.changed\ndata: {"companyGuid":"c1","dataVersion":7}\n\n');
  });
});

describe('static files', () => {
  it('serves the renderer and falls back to index.html for client routes', async () => {
    const index = await fetch(`${base}/`);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(index.headers.get('cache-control')).toBe('no-store');
    const html = await index.text();
    expect(html).toContain('TallyConnect');
    // The page carries this launch's secret for the HTTP bridge.
    expect(html).toContain(`<meta name="tallyconnect-token" content="${TOKEN}" />`);
    const asset = await fetch(`${base}/assets/app.js`);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    expect(await (await fetch(`${base}/dashboard`)).text()).toContain('TallyConnect');
    expect((await fetch(`${base}/missing.js`)).status).toBe(404);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const p of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e%5csecret.txt',
    ]) {
      const text = await new Promise<string>((resolve, reject) => {
        // fetch normalises ../ away; a raw request sends the path as written.
        http
          .get({ host: '127.0.0.1', port: new URL(base).port, path: p }, (res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += c.toString()));
            res.on('end', () => resolve(body));
          })
          .on('error', reject);
      });
      expect(text, p).not.toContain('TOP-SECRET');
    }
  });
});

describe('POST /api/upload', () => {
  it('stores the file under a fresh, safe name in the upload folder', async () => {
    const res = await fetch(`${base}/api/upload`, {
      method: 'POST',
      headers: { ...upload, 'x-file-name': encodeURIComponent('Day Book (2025).xml') },
      body: '<ENVELOPE/>',
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: true; data: { path: string; bytes: number } };
    expect(body.data.bytes).toBe(11);
    expect(path.dirname(body.data.path)).toBe(path.join(dir, 'uploads'));
    expect(path.basename(body.data.path)).toMatch(/-Day_Book__2025_\.xml$/);
    expect(readFileSync(body.data.path, 'utf8')).toBe('<ENVELOPE/>');
  });

  it('refuses files over the limit and empty files', async () => {
    const big = await fetch(`${base}/api/upload`, {
      method: 'POST',
      headers: upload,
      body: 'x'.repeat(1500),
    });
    expect(big.status).toBe(413);
    const empty = await fetch(`${base}/api/upload`, { method: 'POST', headers: upload, body: '' });
    expect(empty.status).toBe(400);
  });
});

describe('middleware', () => {
  it('runs middleware added with use() before the routes', async () => {
    app.use(async (ctx, next) => {
      if (ctx.req.headers['x-block'] === '1') {
        ctx.res.writeHead(401).end();
        return;
      }
      ctx.res.setHeader('x-seen', 'yes');
      await next();
    });
    expect(
      (await fetch(`${base}/api/companies.list`, { method: 'POST', headers: { ...json, 'x-block': '1' } }))
        .status,
    ).toBe(401);
    const ok = await fetch(`${base}/api/companies.list`, { method: 'POST', headers: json });
    expect(ok.headers.get('x-seen')).toBe('yes');
  });
});
