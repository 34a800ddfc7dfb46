import { resolveInside } from '../core/web/renderer-assets';

/** The renderer is served from a private, secure scheme instead of file:// (no ambient file access). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'tallyconnect';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export { CONTENT_SECURITY_POLICY, mimeTypeOf } from '../core/web/renderer-assets';

/** Sites a link in the app may open in the user's browser; everything else is refused. */
export const EXTERNAL_HOSTS: readonly string[] = [
  'tallysolutions.com',
  'help.tallysolutions.com',
  'www.tallysolutions.com',
  'memurai.com',
  'www.memurai.com',
  'docs.memurai.com',
  'redis.io',
  // WhatsApp's "click to chat" links (collections: a reminder the user sends by hand).
  'wa.me',
];

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  // The WhatsApp desktop app's own link, whatsapp://send?phone=…&text=… (opens a chat, sends nothing).
  if (url.protocol === 'whatsapp:') return url.hostname === 'send' && !url.username && !url.password;
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
  const lastSegment = pathname.split('/').pop() ?? '';
  const wanted = pathname === '/' || !lastSegment.includes('.') ? '/index.html' : pathname;
  return resolveInside(rendererDir, wanted);
}
