import type { IncomingMessage } from 'node:http';
import { AppError } from '../../shared/errors';

/** Reads a JSON request body, refusing bodies over the limit and text that is not JSON. */
export async function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limitBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', `Request body is larger than ${limitBytes} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limitBytes) {
      throw new AppError('PAYLOAD_TOO_LARGE', `Request body is larger than ${limitBytes} bytes`);
    }
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
