import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import smtpServer, { type SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** A self-signed certificate for localhost and 127.0.0.1, made now by openssl (an EC key: milliseconds). */
export function makeCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tc-smtp-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
      ],
      { stdio: 'pipe' },
    );
    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Listens on a free loopback port; resolves with the port. */
export const listenLoopback = (server: net.Server): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
  });

export interface AuthSmtpOptions {
  user: string;
  password: string;
  onData: NonNullable<SMTPServerOptions['onData']>;
  onRcptTo?: SMTPServerOptions['onRcptTo'];
  /** Told, on each AUTH, whether it came over TLS. */
  onAuthTls?: (secure: boolean) => void;
}

/**
 * smtp-server as a company's mail server is: STARTTLS with a fresh certificate, AUTH (PLAIN, LOGIN) only
 * over TLS and only for `user`/`password` (535 otherwise), no reverse lookups, no log. Listening on a free
 * loopback port; the certificate is what the sender must trust.
 */
export async function startAuthSmtpServer(
  options: AuthSmtpOptions,
): Promise<{ server: SMTPServer; port: number; cert: string }> {
  const { key, cert } = makeCertificate();
  const server = new smtpServer.SMTPServer({
    key,
    cert,
    authMethods: ['PLAIN', 'LOGIN'],
    allowInsecureAuth: false,
    disableReverseLookup: true,
    logger: false,
    onAuth(auth, session, callback) {
      options.onAuthTls?.(session.secure);
      if (auth.username === options.user && auth.password === options.password)
        callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }));
    },
    ...(options.onRcptTo ? { onRcptTo: options.onRcptTo } : {}),
    onData: options.onData,
  });
  const port = await listenLoopback(server.server as net.Server);
  return { server, port, cert };
}
