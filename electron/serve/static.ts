import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Middleware } from './pipeline';
import { mimeTypeOf, resolveInside } from '../core/web/renderer-assets';

/** The meta tag the renderer's HTTP bridge reads the per-launch secret from. */
export const TOKEN_META_NAME = 'tallyconnect-token';

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

/** index.html with `<meta name="tallyconnect-token" content="…">` in its head. */
export function withTokenMeta(html: string, token: string): string {
  // base64url only, so the token is safe inside an attribute; checked anyway.
  if (!/^[A-Za-z0-9_-]+$/.test(token)) throw new Error('The launch token must be base64url');
  const meta = `<meta name="${TOKEN_META_NAME}" content="${token}" />`;
  const head = /<head[^>]*>/i.exec(html);
  if (head)
    return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return html.slice(0, at) + meta + html.slice(at);
}

/**
 * Serves the built renderer; unknown paths without an extension get index.html (client-side routes).
 * index.html carries the per-launch secret (a meta tag), so it is never cached and never handed to
 * another site's page: a cross-site request for it is refused unless it is a top-level navigation
 * (whose page then runs as this origin; other origins cannot read it).
 */
export function staticFiles(rootDir: string, options: { token?: string } = {}): Middleware {
  const root = path.resolve(rootDir);
  const indexFile = path.join(root, 'index.html');
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
      file = indexFile;
      info = await fileAt(file);
    }
    if (!info) return next();
    if (file === indexFile && options.token !== undefined) {
      const site = req.headers['sec-fetch-site'];
      const dest = req.headers['sec-fetch-dest'];
      if (site !== undefined && site !== 'same-origin' && site !== 'none' && dest !== 'document') {
        res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        res.end('Refused: the TallyConnect page is not served to other sites');
        return;
      }
      const html = Buffer.from(withTokenMeta(await readFile(file, 'utf8'), options.token), 'utf8');
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': html.length,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'cross-origin-resource-policy': 'same-origin',
        'x-frame-options': 'DENY',
      });
      res.end(req.method === 'HEAD' ? undefined : html);
      return;
    }
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
