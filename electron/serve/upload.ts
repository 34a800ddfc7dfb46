import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Middleware } from './pipeline';
import { sendError, sendJson } from './respond';

/** Keeps letters, digits, dot, dash and underscore so a client-sent name can never leave the folder. */
export function safeFileName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/'));
  const cleaned = base.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '');
  return (cleaned || 'upload').slice(0, 100);
}

/**
 * POST /api/upload (raw body, file name in the x-file-name header): streams the file into the upload
 * folder under a fresh name and answers { ok, data: { path, bytes } } for the import.files operation.
 */
export function uploadRoute(options: { uploadDir: string; limitBytes: number }): Middleware {
  return async (ctx, next) => {
    if (ctx.url.pathname !== '/api/upload') return next();
    const { req, res } = ctx;
    if (req.method !== 'POST') {
      sendError(res, 'VALIDATION', 'Use POST to upload a file');
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > options.limitBytes) {
      sendError(res, 'PAYLOAD_TOO_LARGE', `File is larger than the ${formatMb(options.limitBytes)} limit`);
      req.resume();
      return;
    }
    const rawName = req.headers['x-file-name'];
    const name = safeFileName(decodeURIComponent(typeof rawName === 'string' ? rawName : 'upload.xml'));
    await mkdir(options.uploadDir, { recursive: true });
    const target = path.join(options.uploadDir, `${randomUUID()}-${name}`);
    let bytes = 0;
    const limiter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        if (bytes > options.limitBytes) done(new Error('too large'));
        else done(null, chunk);
      },
    });
    try {
      await pipeline(req, limiter, createWriteStream(target));
    } catch {
      await rm(target, { force: true });
      if (bytes > options.limitBytes) {
        sendError(res, 'PAYLOAD_TOO_LARGE', `File is larger than the ${formatMb(options.limitBytes)} limit`);
      } else if (!res.destroyed) {
        sendError(res, 'INTERNAL', 'The upload was interrupted');
      }
      return;
    }
    if (bytes === 0) {
      await rm(target, { force: true });
      sendError(res, 'VALIDATION', 'The uploaded file is empty');
      return;
    }
    sendJson(res, 200, { ok: true, data: { path: target, bytes } });
  };
}

function formatMb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}
