import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../electron/core/app';
import { isPublicOperation } from '../../../electron/core/portal/access';
import { createServeServer, type ServeServer, type ServeServerOptions } from '../../../electron/serve/server';
import { portalEvents, portalMiddleware } from '../../../electron/serve/portal-setup';
import { TINY_GUID, writeTiny } from '../../core/db/fixtures';
import { addUser, signIn } from './harness';

export interface RealPortal {
  url: string;
  core: Core;
  server: ServeServer;
  dir: string;
  /** Bearer tokens of a partner (every company) and a staff user (the tiny company only). */
  ownerToken: string;
  staffToken: string;
  /** Details of server-side failures, as serve mode logs them. */
  logged: { error: unknown; errorId: string }[];
  close(): Promise<void>;
}

/**
 * The real core (SQLite with the tiny company, reports, the portal's access rules) behind the HTTP
 * adapter with the portal on, listening on 127.0.0.1 only.
 */
export async function startRealPortal(
  env: Record<string, string> = {},
  options: { tls?: ServeServerOptions['tls'] } = {},
): Promise<RealPortal> {
  const dir = mkdtempSync(join(tmpdir(), 'tc-portal-real-'));
  const core = await createCore({
    dataDir: join(dir, 'data'),
    mode: 'test',
    // Rate limits far above what a test sends: the tests look at answers, not at 429s.
    env: { REDIS_ENABLED: 'false', PORTAL_RATE_LIMIT_PER_MINUTE: '1000000', ...env },
  });
  writeTiny(core.store);
  const logged: RealPortal['logged'] = [];
  const server = createServeServer({
    core: {
      dispatch: core.dispatch,
      events: {
        onAny: portalEvents(core.portal.live, { authenticate: (token) => core.portal.authenticate(token) }),
      },
    },
    before: portalMiddleware(core.portal, { enabled: true, host: '127.0.0.1' }),
    staticDir: null,
    uploadDir: join(dir, 'data', 'uploads'),
    isPublicOperation,
    onError: (error, where) => logged.push({ error, errorId: where.errorId }),
    ...(options.tls ? { tls: options.tls } : {}),
  });
  const { url } = await server.listen(0, '127.0.0.1');
  await addUser(core.portal, 'ravi', 'ravi-password-1', { role: 'owner' });
  await addUser(core.portal, 'asha', 'asha-password-1', { companies: [TINY_GUID] });
  // Over TLS the callers sign in themselves (the test's own HTTPS client).
  const ownerToken = options.tls ? '' : await signIn(url, 'ravi', 'ravi-password-1');
  const staffToken = options.tls ? '' : await signIn(url, 'asha', 'asha-password-1');
  return {
    url,
    core,
    server,
    dir,
    ownerToken,
    staffToken,
    logged,
    async close() {
      await server.close();
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
