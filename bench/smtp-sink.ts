/**
 * A local mail server for bench/collections.bench.ts, in its own process so its CPU is not the sender's:
 * smtp-server with STARTTLS (a certificate made now by openssl) and AUTH (tests/helpers/smtp-server.ts), as a company's mail server would
 * ask, accepting every message and keeping nothing but counts. Prints one JSON line on stdout
 * ({ port, cert }), then "received N bytes B" on each SIGUSR2 and when stdin closes (the bench ending).
 *
 * smtp-server holds its greeting 100 ms to catch clients that talk too soon (an anti-spam check, as
 * Postfix's postscreen does); a real provider's greeting comes after its own network delay. With
 * `--prompt` the greeting goes at once (smtp-server's private init replaced), to see the sender's own cost.
 */
import { SMTPConnection } from 'smtp-server/lib/smtp-connection.js';
import { startAuthSmtpServer } from '../tests/helpers/smtp-server';

export const SINK_USER = 'bench@tally.test';
export const SINK_PASSWORD = 'bench password';

if (process.argv[1]?.endsWith('smtp-sink.ts')) {
  if (process.argv.includes('--prompt'))
    SMTPConnection.prototype.init = function init(this: SMTPConnection): void {
      this._setListeners(() => this.connectionReady());
    };
  let messages = 0;
  let bytes = 0;
  const { server, port, cert } = await startAuthSmtpServer({
    user: SINK_USER,
    password: SINK_PASSWORD,
    onData(stream, _session, callback) {
      stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
      stream.on('end', () => {
        messages += 1;
        callback();
      });
    },
  });
  process.stdout.write(`${JSON.stringify({ port, cert })}\n`);
  const report = () => process.stdout.write(`received ${messages} bytes ${bytes}\n`);
  process.on('SIGUSR2', report);
  process.stdin.resume();
  process.stdin.on('end', () => {
    report();
    server.close(() => process.exit(0));
  });
}
