import type { Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from './security';

type SessionLike = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>;
};

/** Writing plain text to the clipboard ("Copy" buttons) is the only web permission the app needs. */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/**
 * Hardens the default session: the CSP header on every response (the app:// handler sets it too; this
 * covers the development server), and every other permission (camera, web notifications, geolocation,
 * reading the clipboard, ...) refused.
 */
export function applySessionSecurity(session: SessionLike): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
  session.setPermissionRequestHandler((_webContents, permission, callback) =>
    callback(ALLOWED_PERMISSIONS.has(permission)),
  );
  session.setPermissionCheckHandler((_webContents, permission) => ALLOWED_PERMISSIONS.has(permission));
}
