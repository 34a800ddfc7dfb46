import { isAbsolute, join, normalize, relative, sep } from 'node:path';

/** The renderer is served from a private, secure scheme instead of file:// (no ambient file access). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'tallyconnect';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Scripts only from the app itself; inline styles allowed because the chart library sets them.
 * No remote content, no plugins, no framing, no form posts anywhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Sites a link in the app may open in the user's browser; everything else is refused. */
export const EXTERNAL_HOSTS: readonly string[] = [
  'tallysolutions.com',
  'help.tallysolutions.com',
  'www.tallysolutions.com',
  'memurai.com',
  'www.memurai.com',
  'docs.memurai.com',
  'redis.io',
];

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && !url.username && !url.password && EXTERNAL_HOSTS.includes(url.hostname);
}

/**
 * Whether an IPC message or navigation comes from the app's own renderer: our private origin, or in
 * development (never when packaged) the Vite dev server named by ELECTRON_RENDERER_URL.
 */
export function isTrustedRendererUrl(raw: string, devServerUrl: string | null = null): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true;
  if (!devServerUrl) return false;
  try {
    return url.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}

/**
 * Maps app://tallyconnect/<path> to a file under the renderer build folder. Paths escaping the folder
 * are refused (null); the root and extension-less routes get index.html so client routes reload.
 */
export function resolveAppFile(rendererDir: string, rawUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const lastSegment = pathname.split('/').pop() ?? '';
  const wanted = pathname === '/' || !lastSegment.includes('.') ? '/index.html' : pathname;
  const file = normalize(join(rendererDir, wanted));
  const rel = relative(rendererDir, file);
  if (rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return file;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function mimeTypeOf(file: string): string {
  const dot = file.lastIndexOf('.');
  return (dot >= 0 && MIME[file.slice(dot).toLowerCase()]) || 'application/octet-stream';
}
