import net from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { listenLoopback, startAuthSmtpServer } from '../../helpers/smtp-server';

/**
 * A real SMTP server on a free loopback port for the sender's tests: STARTTLS with a certificate made
 * for the test by openssl, AUTH required (and only over TLS), recipients refused on demand. In front of
 * it a small TCP switch decides per connection how "the server" behaves: forward to the SMTP server,
 * stay silent (a server that stopped answering) or drop the connection after its greeting.
 */

export const USER = 'accounts@kulkarni.test';
export const PASSWORD = 'correct horse';
export const REFUSED = 'nobody@party.test';

export type Behaviour = 'forward' | 'silent' | 'drop';

/** The company's mail-server settings for the test server on `port`: STARTTLS, USER, from Tiny Traders. */
export const smtpSettingsFor = (port: number, replyTo: string | null = null) => ({
  host: '127.0.0.1',
  port,
  security: 'starttls' as const,
  user: USER,
  fromName: 'Tiny Traders',
  fromAddress: USER,
  replyTo,
});

export interface TestMailServer {
  /** The switch's port: the sender connects here. */
  port: number;
  /** The certificate the sender must trust. */
  cert: string;
  received: ParsedMail[];
  /** Envelope recipients of each received message. */
  envelopes: string[][];
  /** How the next connections behave, in order; then 'forward'. */
  next: Behaviour[];
  /** Whether each AUTH came over TLS. */
  authOverTls: boolean[];
  close(): Promise<void>;
}

export async function startMailServer(): Promise<TestMailServer> {
  const received: ParsedMail[] = [];
  const envelopes: string[][] = [];
  const authOverTls: boolean[] = [];
  const {
    server: smtp,
    port: smtpPort,
    cert,
  } = await startAuthSmtpServer({
    user: USER,
    password: PASSWORD,
    onAuthTls: (secure) => authOverTls.push(secure),
    onRcptTo(address, _session, callback) {
      if (address.address === REFUSED)
        callback(Object.assign(new Error(`<${REFUSED}>: Recipient address rejected`), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          envelopes.push(session.envelope.rcptTo.map((r) => r.address));
          callback();
        })
        .catch(callback);
    },
  });

  const next: Behaviour[] = [];
  const sockets = new Set<net.Socket>();
  const front = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    const behaviour = next.shift() ?? 'forward';
    if (behaviour === 'silent') return;
    if (behaviour === 'drop') {
      client.write('220 mail.test ESMTP\r\n');
      client.once('data', () => client.destroy());
      return;
    }
    const upstream = net.connect(smtpPort, '127.0.0.1');
    sockets.add(upstream);
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    client.pipe(upstream).pipe(client);
  });
  const port = await listenLoopback(front);

  return {
    port,
    cert,
    received,
    envelopes,
    next,
    authOverTls,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => front.close(() => resolve()));
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}
