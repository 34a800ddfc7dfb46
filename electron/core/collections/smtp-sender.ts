import nodemailer from 'nodemailer';
import type { SendMailOptions } from 'nodemailer';

/**
 * Sends the statement e-mails through the company's own mail server (SMTP), one connection a message so
 * that one party's failure (a refused address, a server that stopped answering) never spoils the next
 * party's message. The transport is injected; the default is nodemailer's SMTP transport.
 */

export type SmtpSecurity = 'starttls' | 'tls' | 'none';

export interface SmtpSettings {
  host: string;
  port: number;
  /** 'starttls': plain connection upgraded and required (port 587); 'tls': TLS from the start (465). */
  security: SmtpSecurity;
  user: string;
  password: string;
  from: { name: string; address: string };
  /** Replies go to the company (the sending address may be a shared or no-reply one). */
  replyTo?: string;
  /** Connecting, the greeting and each answer must come within this; 30 s unless set. */
  timeoutMs?: number;
  /** A certificate authority to trust besides the system's (an office server's own certificate). */
  ca?: string | Buffer;
}

export interface EmailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface OutgoingEmail {
  to: readonly string[];
  cc?: readonly string[];
  subject: string;
  text: string;
  attachments?: readonly EmailAttachment[];
}

export type SendFailureReason =
  | 'auth'
  | 'recipient-refused'
  | 'sender-refused'
  | 'message-refused'
  | 'timeout'
  | 'connection-dropped'
  | 'cannot-connect'
  | 'tls'
  | 'settings'
  | 'unknown';

export type SendResult =
  | { ok: true; messageId: string; accepted: string[]; rejected: string[] }
  | { ok: false; reason: SendFailureReason; message: string; serverResponse: string | null };

export interface EmailSender {
  send(email: OutgoingEmail): Promise<SendResult>;
}

/** What the sender needs of a transport: nodemailer's Transporter has it. */
export interface MailTransport {
  sendMail(
    message: SendMailOptions,
  ): Promise<{ messageId: string; accepted: unknown[]; rejected: unknown[] }>;
  close(): void;
}
export type TransportOptions = Parameters<typeof nodemailer.createTransport>[0] & object;
export type TransportFactory = (options: TransportOptions) => MailTransport;

export const nodemailerTransport: TransportFactory = (options) =>
  nodemailer.createTransport(options) as unknown as MailTransport;

const DEFAULT_TIMEOUT_MS = 30_000;

export function transportOptions(settings: SmtpSettings): TransportOptions {
  const timeout = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    auth: settings.user ? { user: settings.user, pass: settings.password } : undefined,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    tls: settings.ca ? { ca: settings.ca } : undefined,
  };
}

interface MailError {
  code?: string;
  command?: string;
  response?: string;
  responseCode?: number;
  message?: string;
  rejected?: unknown[];
}

const addressOf = (value: unknown): string =>
  typeof value === 'string' ? value : String((value as { address?: string }).address ?? value);

/** A failure in words an accountant can act on, from what nodemailer reports. */
export function describeFailure(error: unknown, settings: SmtpSettings): Extract<SendResult, { ok: false }> {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as MailError;
  const response = e.response ?? null;
  const server = `${settings.host}:${settings.port}`;
  const said = response ? ` The server said: ${response}` : '';
  const fail = (reason: SendFailureReason, message: string): Extract<SendResult, { ok: false }> => ({
    ok: false,
    reason,
    message,
    serverResponse: response,
  });
  const code = e.code ?? '';
  if (code === 'EAUTH' || code === 'ENOAUTH')
    return fail(
      'auth',
      `The mail server ${server} refused the user name or password for ${settings.user}.${said}`,
    );
  if (code === 'EENVELOPE') {
    if (e.command === 'MAIL FROM')
      return fail('sender-refused', `The mail server refused to send from ${settings.from.address}.${said}`);
    const rejected = (e.rejected ?? []).map(addressOf);
    const who = rejected.length > 0 ? rejected.join(', ') : 'the recipient';
    return fail('recipient-refused', `The mail server refused the address ${who}.${said}`);
  }
  if (code === 'ETIMEDOUT')
    return fail(
      'timeout',
      `The mail server ${server} did not answer within ${(settings.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000} s.`,
    );
  if (code === 'ETLS')
    return fail(
      'tls',
      `A secure connection to the mail server ${server} could not be made: ${e.message ?? ''}`.trim(),
    );
  if (code === 'EDNS') return fail('cannot-connect', `The mail server ${settings.host} was not found.`);
  if (code === 'ECONNECTION' || code === 'ESOCKET') {
    const text = e.message ?? '';
    if (/ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH/.test(text))
      return fail('cannot-connect', `Could not connect to the mail server ${server}: ${text}`);
    if (/certificate|self[- ]signed|TLS|SSL/i.test(text))
      return fail('tls', `A secure connection to the mail server ${server} could not be made: ${text}`);
    return fail('connection-dropped', `The mail server ${server} closed the connection unexpectedly.`);
  }
  if (code === 'EMESSAGE' || (e.responseCode !== undefined && e.responseCode >= 500))
    return fail('message-refused', `The mail server refused the message.${said}`);
  if (code === 'ECONFIG') return fail('settings', `The mail settings are not usable: ${e.message ?? ''}`);
  return fail('unknown', `Sending failed: ${e.message ?? String(error)}`);
}

function checkSettings(settings: SmtpSettings): string | null {
  if (!settings.host.trim()) return 'No mail server (host) is set';
  if (!Number.isInteger(settings.port) || settings.port <= 0 || settings.port > 65_535)
    return `Port ${settings.port} is not a port number`;
  if (!/^[^\s@]+@[^\s@]+$/.test(settings.from.address))
    return `"${settings.from.address}" is not an e-mail address`;
  return null;
}

export function createSmtpSender(
  settings: SmtpSettings,
  createTransport: TransportFactory = nodemailerTransport,
): EmailSender {
  return {
    async send(email) {
      const problem = checkSettings(settings);
      if (problem) return { ok: false, reason: 'settings', message: problem, serverResponse: null };
      if (email.to.length === 0)
        return {
          ok: false,
          reason: 'recipient-refused',
          message: 'No e-mail address to send to',
          serverResponse: null,
        };
      const transport = createTransport(transportOptions(settings));
      try {
        const info = await transport.sendMail({
          from: { name: settings.from.name, address: settings.from.address },
          replyTo: settings.replyTo,
          to: [...email.to],
          cc: email.cc ? [...email.cc] : undefined,
          subject: email.subject,
          text: email.text,
          attachments: (email.attachments ?? []).map((a) => ({
            filename: a.filename,
            content: a.content,
            contentType: a.contentType,
          })),
        });
        return {
          ok: true,
          messageId: info.messageId,
          accepted: info.accepted.map(addressOf),
          rejected: info.rejected.map(addressOf),
        };
      } catch (error) {
        return describeFailure(error, settings);
      } finally {
        transport.close();
      }
    },
  };
}
