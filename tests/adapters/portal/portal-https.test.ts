import { mkdtempSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type tls from 'node:tls';
import { compareFingerprints } from '../../../shared/fingerprint';
import { generatedCertificate, type PortalTls } from '../../../electron/core/portal/certificate';
import { TINY_GUID } from '../../core/db/fixtures';
import { startRealPortal, type RealPortal } from './real-core';

/**
 * The portal on a network address speaks HTTPS only (issue 24 §1). The tests never leave loopback: the
 * server listens on 127.0.0.1 and is given the certificate as serve mode gives it on a network bind.
 */
let certDir: string;
let cert: PortalTls;
let p: RealPortal;
let port: number;
beforeAll(async () => {
  certDir = mkdtempSync(join(tmpdir(), 'tc-portal-tls-'));
  cert = await generatedCertificate(certDir, { hostName: () => 'office-pc', addresses: () => [] });
  p = await startRealPortal({}, { tls: cert.options });
  port = Number(new URL(p.url).port);
}, 60_000);
afterAll(async () => {
  await p?.close();
  rmSync(certDir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
  fingerprint?: string;
}

/** A staff client over TLS that trusts the portal's certificate (as a browser does once it is checked). */
function overTls(
  path: string,
  body: unknown,
  token?: string,
  extra: Record<string, string> = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const text = JSON.stringify(body);
    const req = https.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        ca: cert.options.cert as string,
        headers: {
          ...extra,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        const peer = (res.socket as tls.TLSSocket).getPeerCertificate();
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            headers: res.headers,
            fingerprint: peer.fingerprint256,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

/** The same request in clear, to the same address and port. */
function plain(method: string, path: string, body?: unknown, token?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const text = body === undefined ? '' : JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            headers: res.headers,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

describe('the office portal over HTTPS', () => {
  it('lets a staff client sign in over TLS and read its reports', async () => {
    const signIn = await overTls('/api/auth.signIn', { username: 'asha', password: 'asha-password-1' });
    expect(signIn.status).toBe(200);
    const token = (JSON.parse(signIn.body) as { data: { token: string } }).data.token;
    // A browser on the portal's page sends its https:// origin: that is the server's own.
    const companies = await overTls('/api/companies.list', {}, token, {
      origin: `https://127.0.0.1:${port}`,
      'sec-fetch-site': 'same-origin',
    });
    expect(companies.status).toBe(200);
    expect(companies.body).toContain(TINY_GUID);
    const trial = await overTls(
      '/api/trialBalance.get',
      { companyGuid: TINY_GUID, from: '2025-04-01', to: '2026-03-31' },
      token,
    );
    expect(trial.status).toBe(200);
    expect((JSON.parse(trial.body) as { ok: boolean }).ok).toBe(true);
  });

  it('answers plain HTTP on the same address with nothing of the API: a refusal, or a redirect for pages', async () => {
    const signIn = await overTls('/api/auth.signIn', { username: 'asha', password: 'asha-password-1' });
    const token = (JSON.parse(signIn.body) as { data: { token: string } }).data.token;
    for (const [path, body] of [
      ['/api/auth.signIn', { username: 'asha', password: 'asha-password-1' }],
      ['/api/companies.list', {}],
      ['/api/trialBalance.get', { companyGuid: TINY_GUID, from: '2025-04-01', to: '2026-03-31' }],
    ] as const) {
      const answer = await plain('POST', path, body, token);
      expect(answer.status, path).toBe(403);
      expect(answer.body).toMatch(/only over HTTPS/);
      expect(answer.body).not.toContain(TINY_GUID);
      expect(answer.body).not.toMatch(/tcp_|"token"/);
    }
    const events = await plain('GET', `/api/events?token=${token}`);
    expect(events.status).toBe(403);
    const page = await plain('GET', '/reports?x=1');
    expect(page.status).toBe(308);
    expect(page.headers.location).toBe(`https://127.0.0.1:${port}/reports?x=1`);
    expect(page.body).toBe('');
  });

  it('keeps the generated key readable by this user only, and the fingerprint stable across starts', async () => {
    expect(statSync(join(certDir, 'tls', 'portal-key.pem')).mode & 0o777).toBe(0o600);
    expect(statSync(join(certDir, 'tls')).mode & 0o777).toBe(0o700);
    const again = await generatedCertificate(certDir, { hostName: () => 'office-pc', addresses: () => [] });
    expect(again.info.fingerprint256).toBe(cert.info.fingerprint256);
    expect(cert.info.names).toEqual(expect.arrayContaining(['office-pc', 'localhost', '127.0.0.1']));
  });

  it('shows the fingerprint a client sees as the same, and another certificate’s as different', async () => {
    const answer = await overTls('/api/auth.me', {});
    expect(compareFingerprints(cert.info.fingerprint256, answer.fingerprint ?? '')).toBe('same');
    // The way browsers write it (lower case, spaces) is the same fingerprint.
    const spaced = cert.info.fingerprint256.toLowerCase().replace(/:/g, ' ');
    expect(compareFingerprints(cert.info.fingerprint256, spaced)).toBe('same');
    // An impostor on the network with a certificate of its own: the staff member's check shows it.
    const otherDir = mkdtempSync(join(tmpdir(), 'tc-portal-tls-other-'));
    try {
      const impostor = await generatedCertificate(otherDir, {
        hostName: () => 'office-pc',
        addresses: () => [],
      });
      expect(compareFingerprints(cert.info.fingerprint256, impostor.info.fingerprint256)).toBe('different');
      // A client that trusts only the real certificate refuses the impostor's server outright.
      const server = https.createServer(impostor.options, (_req, res) => res.end('{}'));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const impostorPort = (server.address() as { port: number }).port;
      const refused = await new Promise<string>((resolve) => {
        const req = https.request(
          {
            host: '127.0.0.1',
            port: impostorPort,
            path: '/',
            method: 'GET',
            ca: cert.options.cert as string,
          },
          () => resolve('answered'),
        );
        req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
        req.end();
      });
      expect(refused).not.toBe('answered');
      server.close();
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
    expect(compareFingerprints(cert.info.fingerprint256, 'not a fingerprint')).toBe('invalid');
  });
});
