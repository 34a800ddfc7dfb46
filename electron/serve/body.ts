import type { IncomingMessage } from 'node:http';
import { AppError } from '../../shared/errors';

/** "20 MB", "1 MB", or bytes below a megabyte. */
export const formatLimit = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${bytes} bytes`;

/**
 * Reads a JSON request body, refusing bodies over the limit (the error names the limit, and the operation
 * when `what` says which) and text that is not JSON.
 */
export async function readJsonBody(
  req: IncomingMessage,
  limitBytes: number,
  what?: string,
): Promise<unknown> {
  const tooLarge = (): AppError =>
    new AppError(
      'PAYLOAD_TOO_LARGE',
      `Request body${what ? ` for ${what}` : ''} is larger than its limit of ${formatLimit(limitBytes)}`,
      { limitBytes },
    );
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limitBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limitBytes) throw tooLarge();
    chunks.push(buf);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('VALIDATION', 'Request body is not valid JSON');
  }
}
