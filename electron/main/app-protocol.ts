import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, mimeTypeOf, resolveAppFile } from './security';

type SchemeRegistrar = Pick<Protocol, 'registerSchemesAsPrivileged'>;
type ProtocolHandler = Pick<Protocol, 'handle'>;

/** Must run before the app is ready: makes app:// a standard, secure origin (like https). */
export function registerAppScheme(protocol: SchemeRegistrar): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Turns a request into a response from the renderer build folder, always carrying the CSP. */
export async function serveAppRequest(
  rendererDir: string,
  url: string,
  read: (file: string) => Promise<Buffer> = readFile,
): Promise<Response> {
  const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };
  const file = resolveAppFile(rendererDir, url);
  if (!file) return new Response('Forbidden', { status: 403, headers });
  try {
    const body = await read(file);
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: { ...headers, 'Content-Type': mimeTypeOf(file) },
    });
  } catch {
    return new Response('Not found', { status: 404, headers });
  }
}

export function handleAppProtocol(protocol: ProtocolHandler, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request.url));
}
