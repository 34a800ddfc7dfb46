import { existsSync, readdirSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, startServe, type ServeProcess } from './harness';

/**
 * A hostile page on another origin, opened in the same browser as TallyConnect's serve mode, fires
 * every request a page can send without a CORS preflight (fetch with text/plain and no-cors, form
 * posts as text/plain, urlencoded and multipart, uploads) at the state-changing operations. Afterwards
 * the real API, called with the launch token, shows that nothing changed. See docs/security/http-edge.md.
 */

let serve: ServeProcess;
let browser: Browser;
let page: Page;
let hostile: http.Server;
let hostilePort: number;
let token: string;

async function api<T>(operation: string, input: unknown = {}): Promise<T> {
  const res = await fetch(`${serve.url}/api/${operation}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tallyconnect-token': token },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${operation}: ${body.error?.message}`);
  return body.data;
}

interface Company {
  guid: string;
  dataVersion: number;
  counts: unknown;
}

/** The attacks, as the hostile page's script (inline: the hostile server sends no CSP). */
function hostilePage(victim: string, companyGuid: string): string {
  const attacks: [string, unknown][] = [
    ['company.delete', { companyGuid }],
    ['users.save', { username: 'evil', displayName: 'Evil', role: 'owner', password: 'evil-password-123' }],
    [
      'settings.update',
      {
        tallyHost: 'evil.example',
        portal: { enabled: true, bindAddress: '0.0.0.0' },
        cache: { redisEnabled: 'true', redisUrl: 'redis://127.0.0.1:1' },
      },
    ],
    ['cache.clearAll', {}],
    ['demo.load', { vouchers: 10, seed: 7 }],
    ['import.files', { paths: ['/etc/hostname'] }],
    ['sync.start', {}],
  ];
  const script = `
    const victim = ${JSON.stringify(victim)};
    const attacks = ${JSON.stringify(attacks)};
    const sent = [];
    const frames = [];
    function frame(name) {
      const f = document.createElement('iframe');
      f.name = name;
      document.body.append(f);
      frames.push(new Promise((resolve) => { f.onload = resolve; setTimeout(resolve, 5000); }));
      return name;
    }
    function form(action, enctype, fields) {
      const f = document.createElement('form');
      f.method = 'POST';
      f.action = action;
      f.enctype = enctype;
      f.target = frame('f' + frames.length);
      for (const [name, value] of fields) {
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        input.value = value;
        f.append(input);
      }
      document.body.append(f);
      f.submit();
    }
    async function run() {
      const fetches = [];
      for (const [op, input] of attacks) {
        const url = victim + '/api/' + op;
        const body = JSON.stringify(input);
        // Simple requests: no preflight, the answer is not needed.
        fetches.push(fetch(url, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body }));
        fetches.push(fetch(url, { method: 'POST', mode: 'no-cors', body }));
        fetches.push(fetch(url, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }));
        fetches.push(fetch(url, { method: 'POST', mode: 'no-cors', body: new Blob([body]) }));
        // A "non-simple" request: the preflight must fail, so the POST is never sent.
        fetches.push(fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body }));
        // Form posts: text/plain that parses as JSON, urlencoded and multipart.
        const head = body.slice(0, -2);
        const tail = body.slice(-2);
        form(url, 'text/plain', [[head, tail]]);
        form(url, 'application/x-www-form-urlencoded', [[body, '']]);
        form(url, 'multipart/form-data', [['json', body]]);
      }
      // Uploads: a no-cors fetch cannot set the upload header (it is dropped) nor the token.
      fetches.push(fetch(victim + '/api/upload', { method: 'POST', mode: 'no-cors', headers: { 'x-file-name': 'evil.xml', 'x-tallyconnect-upload': '1' }, body: '<ENVELOPE/>' }));
      fetches.push(fetch(victim + '/api/upload', { method: 'POST', mode: 'no-cors', body: new Blob(['<ENVELOPE/>']) }));
      const data = new FormData();
      data.set('file', new Blob(['<ENVELOPE/>']), 'evil.xml');
      fetches.push(fetch(victim + '/api/upload', { method: 'POST', mode: 'no-cors', body: data }));
      form(victim + '/api/upload', 'multipart/form-data', [['file', '<ENVELOPE/>']]);
      // Reading the page (for its token) and the event stream from here: opaque or refused.
      fetches.push(fetch(victim + '/', { mode: 'no-cors' }));
      const stream = new EventSource(victim + '/api/events');
      fetches.push(new Promise((resolve) => { stream.onerror = () => { stream.close(); resolve(); }; setTimeout(resolve, 5000); }));
      const results = await Promise.allSettled(fetches);
      await Promise.all(frames);
      window.attackReport = { fetches: results.length, forms: frames.length, read: results.filter((r) => r.status === 'fulfilled' && r.value && r.value.type === 'basic').length };
    }
    run().catch((e) => { window.attackReport = { error: String(e) }; });
  `;
  return `<!doctype html><html><head><title>Totally harmless</title></head><body><script>${script}</script></body></html>`;
}

beforeAll(async () => {
  [serve, browser] = await Promise.all([startServe({ demo: true }), launchBrowser()]);
  page = await newPage(browser);
  const index = await (await fetch(`${serve.url}/`)).text();
  token = /<meta name="tallyconnect-token" content="([A-Za-z0-9_-]+)"/.exec(index)?.[1] ?? '';
  const companies = await api<{ data: Company[] }>('companies.list');
  const guid = companies.data[0]?.guid ?? '';
  const victim = serve.url;
  hostile = http.createServer((req, res) => {
    if (req.url === '/' || req.url === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(hostilePage(victim, guid));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  hostilePort = (hostile.address() as AddressInfo).port;
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => hostile?.close(resolve));
  await serve?.stop();
});

describe('a hostile page on another origin', () => {
  it('cannot change anything through the owner’s browser', async () => {
    // Fill the cache, and note what the books, users and settings are before the attack.
    const before = await api<{ data: Company[] }>('companies.list');
    const company = before.data[0]!;
    const fy = (company as unknown as { financialYears: string[] }).financialYears[0]!;
    await api('dashboard.get', { companyGuid: company.guid, fy });
    const keysBefore = (await api<{ keys: unknown[] }>('cache.keys', { count: 1000 })).keys.length;
    expect(keysBefore).toBeGreaterThan(0);
    const settingsBefore = await api('settings.get');
    expect(await api<unknown[]>('users.list')).toEqual([]);
    const envFile = path.join(serve.dataDir, '.env');
    expect(existsSync(envFile)).toBe(false);

    // Same site, other port (127.0.0.1) and another site (localhost): both other origins.
    for (const origin of [`http://127.0.0.1:${hostilePort}`, `http://localhost:${hostilePort}`]) {
      await page.goto(`${origin}/`);
      const report = await page.waitForFunction(
        () => (window as { attackReport?: unknown }).attackReport,
        null,
        {
          timeout: 60_000,
        },
      );
      const result = (await report.jsonValue()) as {
        fetches: number;
        forms: number;
        read: number;
        error?: string;
      };
      expect(result.error, origin).toBeUndefined();
      expect(result.fetches, origin).toBeGreaterThan(30);
      expect(result.forms, origin).toBeGreaterThan(20);
      // Not one answer from TallyConnect was readable by the page.
      expect(result.read, origin).toBe(0);
    }

    // Nothing changed: the company and its books, the users, the settings, the cache, the uploads.
    const after = await api<{ data: Company[] }>('companies.list');
    expect(after.data.map((c) => [c.guid, c.dataVersion, c.counts])).toEqual(
      before.data.map((c) => [c.guid, c.dataVersion, c.counts]),
    );
    expect(await api<unknown[]>('users.list')).toEqual([]);
    expect(await api('settings.get')).toEqual(settingsBefore);
    expect(existsSync(envFile)).toBe(false);
    expect((await api<{ keys: unknown[] }>('cache.keys', { count: 1000 })).keys.length).toBe(keysBefore);
    const uploads = path.join(serve.dataDir, 'uploads');
    expect(existsSync(uploads) ? readdirSync(uploads) : []).toEqual([]);
    expect(await api<{ running: boolean }>('sync.status')).toMatchObject({ running: false });
  });

  it('leaves the app’s own page working (calls, live updates, uploads)', async () => {
    // The page carries this launch's token (32 random bytes, base64url).
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await page.goto(`${serve.url}/#/cache`);
    const keys = page.getByTestId('cache-key-count');
    await keys.waitFor();
    await page.getByTestId('cache-clear-all').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="cache-key-count"]')?.textContent === '0',
    );
    // The page's own upload (header and token) reaches the server: a non-XML file is refused by the import.
    await page.goto(`${serve.url}/#/companies`);
    await page.getByTestId('company-card').first().waitFor();
    await page.getByTestId('import-input').setInputFiles({
      name: 'photo.xml',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    });
    // Said in the user's words (the core's English detail is for Settings › Advanced › diagnostics).
    await page.getByText('The file cannot be imported.').waitFor();
    const uploads = path.join(serve.dataDir, 'uploads');
    expect(existsSync(uploads) ? readdirSync(uploads) : []).toEqual([]);
  });
});
