import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../shared/errors';
import type { Middleware } from './pipeline';
import { sendError, sendJson } from './respond';

/** Keeps letters, digits, dot, dash and underscore so a client-sent name can never leave the folder. */
export function safeFileName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/'));
  const cleaned = base.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '');
  return (cleaned || 'upload').slice(0, 100);
}

export const MAX_FILE_NAME_LENGTH = 255;

/**
 * The file name of an upload from its x-file-name header (percent-encoded UTF-8, as the page sends it):
 * a VALIDATION error for bad percent-encoding, path separators, control characters or a name that is
 * too long; the default name when the header is missing.
 */
export function uploadFileName(header: string | string[] | undefined): string {
  if (header === undefined) return 'upload.xml';
  if (Array.isArray(header)) throw new AppError('VALIDATION', 'Send one x-file-name header');
  if (header.length > MAX_FILE_NAME_LENGTH * 3) {
    throw new AppError('VALIDATION', `The file name is longer than ${MAX_FILE_NAME_LENGTH} characters`);
  }
  let name: string;
  try {
    name = decodeURIComponent(header);
  } catch {
    throw new AppError('VALIDATION', 'The x-file-name header is not valid percent-encoded UTF-8');
  }
  if (name.trim() === '') throw new AppError('VALIDATION', 'The file name is empty');
  if (name.length > MAX_FILE_NAME_LENGTH) {
    throw new AppError('VALIDATION', `The file name is longer than ${MAX_FILE_NAME_LENGTH} characters`);
  }
  if (/[\\/]/.test(name)) throw new AppError('VALIDATION', 'The file name must not contain / or \\');
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(name)) {
    throw new AppError('VALIDATION', 'The file name must not contain control characters');
  }
  return safeFileName(name);
}

export interface UploadCaps {
  /** Files that may wait in the upload folder at once (uploaded, not yet imported). */
  maxFiles: number;
  /** Bytes that may wait in the upload folder at once. */
  maxTotalBytes: number;
  /** Uploads older than this were never imported (the page went away) and are swept. */
  maxAgeMs: number;
}

export const DEFAULT_UPLOAD_CAPS: UploadCaps = {
  maxFiles: 20,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  maxAgeMs: 60 * 60_000,
};

/** Files waiting in the upload folder, after removing the ones older than maxAgeMs. */
async function sweep(dir: string, maxAgeMs: number, now: number): Promise<{ files: number; bytes: number }> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return { files: 0, bytes: 0 };
  }
  let files = 0;
  let bytes = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      const info = await stat(file);
      if (!info.isFile()) continue;
      if (now - info.mtimeMs > maxAgeMs) {
        await rm(file, { force: true });
        continue;
      }
      files++;
      bytes += info.size;
    } catch {
      // Removed meanwhile (an import finished): not waiting any more.
    }
  }
  return { files, bytes };
}

/**
 * POST /api/upload (raw body, file name in the x-file-name header): streams the file into the upload
 * folder under a fresh name and answers { ok, data: { path, bytes } } for the import.files operation.
 * The folder is capped (files and bytes waiting, see UploadCaps): stale uploads are swept, and a new
 * one that does not fit is refused (413) with a message saying why. The import deletes its uploads.
 */
export function uploadRoute(options: {
  uploadDir: string;
  limitBytes: number;
  caps?: Partial<UploadCaps>;
  now?: () => number;
}): Middleware {
  const caps: UploadCaps = { ...DEFAULT_UPLOAD_CAPS, ...options.caps };
  const now = options.now ?? Date.now;
  // Uploads still streaming, so two at once cannot both take the last room.
  let inFlightFiles = 0;
  let inFlightBytes = 0;
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
    let name: string;
    try {
      name = uploadFileName(req.headers['x-file-name']);
    } catch (error) {
      sendError(res, 'VALIDATION', (error as AppError).message);
      req.resume();
      return;
    }
    await mkdir(options.uploadDir, { recursive: true, mode: 0o700 });
    const waiting = await sweep(options.uploadDir, caps.maxAgeMs, now());
    const room = caps.maxTotalBytes - waiting.bytes - inFlightBytes;
    const full = (why: string) =>
      `The upload folder is full (${why}); import the files already uploaded, or wait for ` +
      `unimported uploads to be cleared after ${Math.round(caps.maxAgeMs / 60_000)} minutes`;
    if (waiting.files + inFlightFiles >= caps.maxFiles) {
      sendError(res, 'PAYLOAD_TOO_LARGE', full(`${caps.maxFiles} files are waiting to be imported`));
      req.resume();
      return;
    }
    if (declared > room || room <= 0) {
      sendError(res, 'PAYLOAD_TOO_LARGE', full(`at most ${formatMb(caps.maxTotalBytes)} may wait`));
      req.resume();
      return;
    }
    const limit = Math.min(options.limitBytes, room);
    const reserved = declared > 0 ? declared : limit;
    inFlightFiles++;
    inFlightBytes += reserved;
    const target = path.join(options.uploadDir, `${randomUUID()}-${name}`);
    let bytes = 0;
    const limiter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        if (bytes > limit) done(new Error('too large'));
        else done(null, chunk);
      },
    });
    try {
      await pipeline(req, limiter, createWriteStream(target, { flags: 'wx', mode: 0o600 }));
    } catch {
      await rm(target, { force: true });
      if (bytes > options.limitBytes) {
        sendError(res, 'PAYLOAD_TOO_LARGE', `File is larger than the ${formatMb(options.limitBytes)} limit`);
      } else if (bytes > limit) {
        sendError(res, 'PAYLOAD_TOO_LARGE', full(`at most ${formatMb(caps.maxTotalBytes)} may wait`));
      } else if (!res.destroyed) {
        sendError(res, 'INTERNAL', 'The upload was interrupted');
      }
      return;
    } finally {
      inFlightFiles--;
      inFlightBytes -= reserved;
    }
    if (bytes === 0) {
      await rm(target, { force: true });
      sendError(res, 'VALIDATION', 'The uploaded file is empty');
      return;
    }
    sendJson(res, 200, { ok: true, data: { path: target, bytes } });
  };
}

/** Removes the uploads an import was given (files directly in the upload folder; nothing else is touched). */
export async function removeUploads(paths: unknown, uploadDir: string): Promise<void> {
  if (!Array.isArray(paths)) return;
  const root = path.resolve(uploadDir);
  for (const raw of paths.slice(0, 100)) {
    if (typeof raw !== 'string' || /^[\\/]{2}/.test(raw) || !path.isAbsolute(raw)) continue;
    if (raw.split(/[\\/]/).includes('..')) continue;
    const file = path.resolve(raw);
    if (path.dirname(file) !== root) continue;
    await rm(file, { force: true }).catch(() => undefined);
  }
}

function formatMb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}
