/**
 * A local mail server for bench/collections.bench.ts, in its own process so its CPU is not the sender's:
 * smtp-server with STARTTLS (a certificate made now by openssl) and AUTH, as a company's mail server would
 * ask, accepting every message and keeping nothing but counts. Prints one JSON line on stdout
 * ({ port, cert }), then "received N bytes B" on each SIGUSR2 and when stdin closes (the bench ending).
 *
 * smtp-server holds its greeting 100 ms to catch clients that talk too soon (an anti-spam check, as
 * Postfix's postscreen does); a real provider's greeting comes after its own network delay. With
 * `--prompt` the greeting goes at once (smtp-server's private init replaced), to see the sender's own cost.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import smtpServer from 'smtp-server';
import { SMTPConnection } from 'smtp-server/lib/smtp-connection.js';

export const SINK_USER = 'bench@tally.test';
export const SINK_PASSWORD = 'bench password';

function certificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tc-bench-smtp-'));
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

if (process.argv[1]?.endsWith('smtp-sink.ts')) {
  if (process.argv.includes('--prompt'))
    SMTPConnection.prototype.init = function init(this: SMTPConnection): void {
      this._setListeners(() => this.connectionReady());
    };
  const { key, cert } = certificate();
  let messages = 0;
  let bytes = 0;
  const server = new smtpServer.SMTPServer({
    key,
    cert,
    authMethods: ['PLAIN', 'LOGIN'],
    allowInsecureAuth: false,
    disableReverseLookup: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SINK_USER && auth.password === SINK_PASSWORD)
        callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }));
    },
    onData(stream, _session, callback) {
      stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
      stream.on('end', () => {
        messages += 1;
        callback();
      });
    },
  });
  (server.server as net.Server).listen(0, '127.0.0.1', () => {
    const { port } = (server.server as net.Server).address() as net.AddressInfo;
    process.stdout.write(`${JSON.stringify({ port, cert })}\n`);
  });
  const report = () => process.stdout.write(`received ${messages} bytes ${bytes}\n`);
  process.on('SIGUSR2', report);
  process.stdin.resume();
  process.stdin.on('end', () => {
    report();
    server.close(() => process.exit(0));
  });
}
