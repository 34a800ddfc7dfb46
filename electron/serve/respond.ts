import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Envelope, ErrorCode } from '../../shared/errors';

/** HTTP status for an error envelope; successful envelopes are 200. */
export function statusForError(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION':
    case 'IMPORT_INVALID':
    case 'CONFIG':
      return 400;
    case 'UNAUTHORIZED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
    case 'UNKNOWN_OPERATION':
      return 404;
    // CANCELLED: a sync someone cancelled ended as asked; not a failure of the server.
    case 'SYNC_IN_PROGRESS':
    case 'CANCELLED':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'RATE_LIMITED':
      return 429;
    case 'TALLY_UNREACHABLE':
    case 'TALLY_ERROR':
      return 502;
    case 'CACHE':
    case 'DATABASE':
    case 'INTERNAL':
      return 500;
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

export function sendEnvelope(res: ServerResponse, envelope: Envelope<unknown>): void {
  // A rate-limited answer (e.g. portal sign-in) tells the client when to retry (HTTP 429 Retry-After).
  const retryAfter = envelope.ok ? undefined : envelope.error.details?.retryAfterSeconds;
  if (typeof retryAfter === 'number') res.setHeader('retry-after', String(retryAfter));
  sendJson(res, envelope.ok ? 200 : statusForError(envelope.error.code), envelope);
}

export function sendError(res: ServerResponse, code: ErrorCode, message: string): void {
  sendEnvelope(res, { ok: false, error: { code, message } });
}

/** A short random id that ties a generic error answer to its full log line. */
export function newErrorId(): string {
  return randomBytes(5).toString('hex');
}
