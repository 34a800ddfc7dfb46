import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Middleware } from './pipeline';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Resolves a URL path inside root, or null when it would escape it (../, encoded slashes, NUL bytes).
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const resolved = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  const rootWithSep = root.endsWith(path.sep) ? root : root + path.sep;
  return resolved === root || resolved.startsWith(rootWithSep) ? resolved : null;
}

async function fileAt(file: string): Promise<{ size: number } | null> {
  try {
    const info = await stat(file);
    return info.isFile() ? { size: info.size } : null;
  } catch {
    return null;
  }
}

/** Serves the built renderer; unknown paths without an extension get index.html (client-side routes). */
export function staticFiles(rootDir: string): Middleware {
  const root = path.resolve(rootDir);
  return async (ctx, next) => {
    const { req, res, url } = ctx;
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (url.pathname.startsWith('/api/')) return next();
    const target = resolveInside(root, url.pathname);
    if (target === null) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Bad path');
      return;
    }
    let file = target;
    let info = await fileAt(file);
    if (!info && path.extname(url.pathname) === '') {
      file = path.join(root, 'index.html');
      info = await fileAt(file);
    }
    if (!info) return next();
    const ext = path.extname(file);
    res.writeHead(200, {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'content-length': info.size,
      // Vite fingerprints assets, so they may be cached for long; index.html must not be.
      'cache-control': file.includes(`${path.sep}assets${path.sep}`)
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await new Promise<void>((resolve) => {
      createReadStream(file)
        .on('error', () => res.destroy())
        .on('close', resolve)
        .pipe(res);
    });
  };
}
