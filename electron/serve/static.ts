import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Middleware } from './pipeline';
import { mimeTypeOf, resolveInside } from '../core/web/renderer-assets';

/** Decodes the URL path once and resolves it inside root (null when it would escape or is malformed). */
export function resolveUrlPathInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  return resolveInside(root, decoded);
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
    const target = resolveUrlPathInside(root, url.pathname);
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
    res.writeHead(200, {
      'content-type': mimeTypeOf(file),
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
