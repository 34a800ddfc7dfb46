import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { spawnServe, type RunningServe } from '../../helpers/serve-process';

/**
 * `npm run serve -- --portal` as a real process: with HTTPS (PORTAL_HTTPS=always stands in for a network
 * bind, so the test stays on 127.0.0.1) it makes its certificate at first start, logs its fingerprint,
 * serves the API over TLS only and answers plain HTTP on its port with a refusal.
 */
let dataDir: string;
let serve: RunningServe;
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'tc-serve-https-'));
  serve = await spawnServe({
    args: ['--data-dir', dataDir, '--static-dir', dataDir, '--portal', '--bind', '127.0.0.1'],
    env: { ...process.env, REDIS_ENABLED: 'false', PORTAL_HTTPS: 'always' },
    startTimeoutMs: 60_000,
  });
}, 70_000);
afterAll(async () => {
  await serve?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function request(
  secure: boolean,
  operation: string,
  body: unknown,
): Promise<{ status: number; text: string; fingerprint?: string }> {
  const url = new URL(serve.url);
  const text = JSON.stringify(body);
  const options = {
    host: '127.0.0.1',
    port: Number(url.port),
    path: `/api/${operation}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) },
  };
  return new Promise((resolve, reject) => {
    const done = (res: http.IncomingMessage) => {
      const fingerprint = secure ? (res.socket as TLSSocket).getPeerCertificate().fingerprint256 : undefined;
      let out = '';
      res.on('data', (c: Buffer) => (out += c.toString()));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          text: out,
          ...(fingerprint ? { fingerprint } : {}),
        }),
      );
    };
    const req = secure
      ? https.request({ ...options, ca: readFileSync(path.join(dataDir, 'tls', 'portal-cert.pem')) }, done)
      : http.request(options, done);
    req.on('error', reject);
    req.end(text);
  });
}

describe('serve mode with the portal over HTTPS', () => {
  it('says https, logs the fingerprint, answers over TLS and refuses plain HTTP', async () => {
    expect(serve.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const fingerprint = /"fingerprint256":"([0-9A-F:]{95})"/.exec(serve.output())?.[1];
    expect(fingerprint).toBeDefined();
    const signIn = await request(true, 'auth.signIn', { username: 'nobody', password: 'not-a-password' });
    expect(signIn.status).toBe(401);
    expect(signIn.fingerprint).toBe(fingerprint);
    const plain = await request(false, 'auth.signIn', { username: 'nobody', password: 'not-a-password' });
    expect(plain.status).toBe(403);
    expect(plain.text).toMatch(/only over HTTPS/);
  }, 30_000);
});
