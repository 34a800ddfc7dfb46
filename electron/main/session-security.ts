import type { Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from './security';

type SessionLike = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>;
};

/**
 * Hardens the default session: the CSP header on every response (the app:// handler sets it too; this
 * covers the development server), and every permission (camera, notifications from web content,
 * geolocation, ...) refused — the app needs none.
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
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
