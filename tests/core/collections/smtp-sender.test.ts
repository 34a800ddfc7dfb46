import { DEFAULT_INTEREST } from '../../../electron/core/collections/interest';
import { type MessageLanguage, statementEmail } from '../../../electron/core/collections/messages';
import {
  createSmtpSender,
  describeFailure,
  type MailTransport,
  type SmtpSettings,
  type TransportOptions,
} from '../../../electron/core/collections/smtp-sender';
import { statementFor } from '../../../electron/core/collections/statement';
import { PASSWORD, REFUSED, startMailServer, type TestMailServer, USER } from './smtp-fixture';

let server: TestMailServer;
beforeAll(async () => {
  server = await startMailServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.received.length = 0;
  server.envelopes.length = 0;
  server.next.length = 0;
});

const settings = (overrides: Partial<SmtpSettings> = {}): SmtpSettings => ({
  host: '127.0.0.1',
  port: server.port,
  security: 'starttls',
  user: USER,
  password: PASSWORD,
  from: { name: 'Kulkarni & Sons', address: USER },
  replyTo: 'office@kulkarni.test',
  timeoutMs: 1_500,
  ca: server.cert,
  ...overrides,
});

// A small PDF-like attachment with every byte value, so any re-encoding would show.
const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 256 }, (_, i) => i))]);

const statement = statementFor(
  {
    ledgerGuid: 'L-1',
    name: 'Shree Ganesh Traders',
    group: 'Sundry Debtors',
    total: 5_000_000,
    notDue: 0,
    onAccount: 0,
    buckets: [5_000_000],
    bills: [
      {
        billName: 'INV/140',
        billDate: '2025-04-10',
        dueDate: '2025-05-10',
        overdueDays: 21,
        ageDays: 21,
        onAccount: false,
        amount: 5_000_000,
      },
    ],
  },
  {
    companyName: 'Kulkarni & Sons',
    kind: 'receivable',
    asOn: '2025-05-31',
    interest: { ...DEFAULT_INTEREST, ratePercent: '18' },
  },
);

const email = (language: MessageLanguage, to = ['ganesh@party.test']) => ({
  ...statementEmail(statement, language, { attached: true }),
  to,
  attachments: [{ filename: 'Statement.pdf', content: pdf, contentType: 'application/pdf' }],
});

describe('SMTP sender against a real SMTP server (STARTTLS, AUTH)', () => {
  it.each(['en', 'mr', 'hi'] as const)(
    'delivers the %s statement with recipients, subject, body and the PDF byte for byte',
    async (language) => {
      const message = email(language, ['ganesh@party.test', 'accounts@party.test']);
      const result = await createSmtpSender(settings()).send(message);
      expect(result).toMatchObject({
        ok: true,
        accepted: ['ganesh@party.test', 'accounts@party.test'],
        rejected: [],
      });
      expect(server.received).toHaveLength(1);
      const mail = server.received[0]!;
      expect(server.envelopes[0]).toEqual(['ganesh@party.test', 'accounts@party.test']);
      expect(mail.subject).toBe(message.subject);
      expect(mail.text).toBe(message.text);
      expect(mail.from?.value).toEqual([{ name: 'Kulkarni & Sons', address: USER }]);
      expect(mail.replyTo?.value).toEqual([{ name: '', address: 'office@kulkarni.test' }]);
      expect(mail.attachments).toHaveLength(1);
      expect(mail.attachments[0]!.filename).toBe('Statement.pdf');
      expect(mail.attachments[0]!.contentType).toBe('application/pdf');
      expect(Buffer.compare(mail.attachments[0]!.content, pdf)).toBe(0);
      expect(server.authOverTls.at(-1)).toBe(true);
    },
  );

  it('a wrong password is an authentication failure, said plainly', async () => {
    const result = await createSmtpSender(settings({ password: 'wrong' })).send(email('en'));
    expect(result).toMatchObject({ ok: false, reason: 'auth' });
    if (!result.ok) {
      expect(result.message).toContain(`refused the user name or password for ${USER}`);
      expect(result.serverResponse).toContain('535');
    }
    expect(server.received).toHaveLength(0);
  });

  it('a refused recipient names the address', async () => {
    const result = await createSmtpSender(settings()).send(email('en', [REFUSED]));
    expect(result).toMatchObject({ ok: false, reason: 'recipient-refused' });
    if (!result.ok) expect(result.message).toContain(REFUSED);
  });

  it('of two addresses one refused: sent to the other, the refused one reported', async () => {
    const result = await createSmtpSender(settings()).send(email('en', ['ganesh@party.test', REFUSED]));
    expect(result).toMatchObject({ ok: true, accepted: ['ganesh@party.test'], rejected: [REFUSED] });
    expect(server.envelopes).toEqual([['ganesh@party.test']]);
  });

  it('a server that stops answering is a timeout; one that drops the line is a dropped connection', async () => {
    server.next.push('silent', 'drop');
    const sender = createSmtpSender(settings({ timeoutMs: 500 }));
    const silent = await sender.send(email('en'));
    expect(silent).toMatchObject({ ok: false, reason: 'timeout' });
    if (!silent.ok)
      expect(silent.message).toBe(`The mail server 127.0.0.1:${server.port} did not answer within 0.5 s.`);
    const dropped = await sender.send(email('en'));
    expect(dropped).toMatchObject({ ok: false, reason: 'connection-dropped' });
    if (!dropped.ok) expect(dropped.message).toContain('closed the connection unexpectedly');
  });

  it('after each kind of failure the next party still gets its message', async () => {
    server.next.push('forward', 'silent', 'forward', 'drop', 'forward');
    const sender = createSmtpSender(settings({ timeoutMs: 500 }));
    const results = [];
    for (const to of [
      'a@party.test',
      REFUSED,
      'b@party.test',
      'c@party.test',
      'd@party.test',
      'e@party.test',
    ])
      results.push(await sender.send(email('mr', [to])));
    // Connections: a (forward), REFUSED (silent → timeout), b (forward), c (drop), d (forward), e (forward).
    expect(results.map((r) => (r.ok ? 'sent' : r.reason))).toEqual([
      'sent',
      'timeout',
      'sent',
      'connection-dropped',
      'sent',
      'sent',
    ]);
    expect(server.envelopes).toEqual([
      ['a@party.test'],
      ['b@party.test'],
      ['d@party.test'],
      ['e@party.test'],
    ]);
  });

  it('a certificate the sender does not trust is a TLS failure; no server at all cannot connect', async () => {
    const untrusted = await createSmtpSender(settings({ ca: undefined })).send(email('en'));
    expect(untrusted).toMatchObject({ ok: false, reason: 'tls' });
    const closedPort = await createSmtpSender(settings({ port: 1 })).send(email('en'));
    expect(closedPort).toMatchObject({ ok: false, reason: 'cannot-connect' });
  });
});

describe('SMTP sender with an injected transport', () => {
  it('passes host, port, security, credentials and timeouts to the transport, and closes it', async () => {
    const seen: TransportOptions[] = [];
    let closed = 0;
    const transport: MailTransport = {
      sendMail: async () => ({ messageId: '<1@test>', accepted: ['x@party.test'], rejected: [] }),
      close: () => {
        closed++;
      },
    };
    const sender = createSmtpSender(
      settings({ host: 'smtp.example.in', port: 465, security: 'tls' }),
      (options) => {
        seen.push(options);
        return transport;
      },
    );
    expect(await sender.send(email('en', ['x@party.test']))).toEqual({
      ok: true,
      messageId: '<1@test>',
      accepted: ['x@party.test'],
      rejected: [],
    });
    expect(seen[0]).toMatchObject({
      host: 'smtp.example.in',
      port: 465,
      secure: true,
      requireTLS: false,
      auth: { user: USER, pass: PASSWORD },
      connectionTimeout: 1_500,
      socketTimeout: 1_500,
    });
    expect(closed).toBe(1);
  });

  it('bad settings and no address are refused before connecting', async () => {
    const factory = (): MailTransport => {
      throw new Error('must not connect');
    };
    expect(await createSmtpSender(settings({ host: ' ' }), factory).send(email('en'))).toMatchObject({
      reason: 'settings',
      message: 'No mail server (host) is set',
    });
    expect(
      await createSmtpSender(settings({ from: { name: 'K', address: 'kulkarni' } }), factory).send(
        email('en'),
      ),
    ).toMatchObject({ reason: 'settings', message: '"kulkarni" is not an e-mail address' });
    expect(await createSmtpSender(settings(), factory).send(email('en', []))).toMatchObject({
      reason: 'recipient-refused',
      message: 'No e-mail address to send to',
    });
  });

  it('maps what nodemailer reports to reasons', () => {
    const s = settings();
    expect(describeFailure({ code: 'EENVELOPE', command: 'MAIL FROM', response: '553 no' }, s).reason).toBe(
      'sender-refused',
    );
    expect(describeFailure({ code: 'EMESSAGE', response: '552 too big' }, s)).toMatchObject({
      reason: 'message-refused',
      message: 'The mail server refused the message. The server said: 552 too big',
    });
    expect(describeFailure({ code: 'EDNS' }, s).reason).toBe('cannot-connect');
    expect(describeFailure(new Error('boom'), s)).toMatchObject({
      reason: 'unknown',
      message: 'Sending failed: boom',
    });
  });
});
