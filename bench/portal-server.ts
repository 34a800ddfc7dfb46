/**
 * The server side of `npm run bench:portal`, run as its own process so the load generator does not
 * share its event loop: the real core (cache, portal) and the real serve middleware, with the demo
 * company loaded and N portal users signed in. Prints one JSON line with the URL, the launch secret and the tokens.
 *
 * Environment: BENCH_DATA_DIR, BENCH_PORTAL (on|off), BENCH_USERS, plus the usual REDIS_* and PORTAL_*.
 */
import { createCore } from '../electron/core/app';
import { silentLogger } from '../electron/core/logger';
import { createServeServer } from '../electron/serve/server';
import { portalEvents, portalMiddleware } from '../electron/serve/portal-setup';

async function main(): Promise<void> {
  const dataDir = process.env.BENCH_DATA_DIR;
  if (!dataDir) throw new Error('BENCH_DATA_DIR is required');
  const portalOn = process.env.BENCH_PORTAL === 'on';
  const userCount = Number(process.env.BENCH_USERS ?? '10');
  const core = await createCore({ dataDir, mode: 'serve', env: process.env, logger: silentLogger });
  const owner = { caller: 'cli' as const, user: null };

  const companies = await core.dispatch('companies.list', {}, owner);
  if (!companies.ok) throw new Error(companies.error.message);
  let company = companies.data.data[0];
  if (!company) {
    const loaded = await core.dispatch(
      'demo.load',
      { vouchers: Number(process.env.BENCH_VOUCHERS ?? '5000') },
      owner,
    );
    if (!loaded.ok) throw new Error(loaded.error.message);
    company = loaded.data;
  }
  const fy = company?.financialYears[0];
  if (!company || !fy) throw new Error('the demo company has no financial year');

  if (process.env.BENCH_PREPARE === '1') {
    // Preparation only: the demo company is in the database; measured runs start from a settled store.
    await core.close();
    process.stdout.write(`${JSON.stringify({ prepared: company.guid })}\n`);
    process.exit(0);
  }

  // The portal learns where it listens first (a network bind would move its sessions off a password-less
  // Redis), then the sessions are made in the store it will use.
  const before = portalMiddleware(core.portal, { enabled: portalOn, host: '127.0.0.1' });
  const tokens: string[] = [];
  for (let i = 0; i < userCount; i++) {
    const username = `bench${i}`;
    if (!core.portal.accounts.get(username)) {
      core.portal.accounts.save(
        { username, displayName: `Bench ${i}`, role: 'staff', companies: [company.guid], disabled: false },
        await core.portal.hasher.hash(`bench-password-${i}`),
      );
    }
    // Sessions are created directly: the benchmark measures dashboards, not argon2.
    tokens.push((await core.portal.sessions.create(username, '127.0.0.1')).token);
  }

  const server = createServeServer({
    core: {
      dispatch: core.dispatch,
      events: {
        onAny: portalEvents(core.portal.live, { authenticate: (token) => core.portal.authenticate(token) }),
      },
    },
    before,
    staticDir: null,
    uploadDir: dataDir,
  });
  const { url } = await server.listen(0, '127.0.0.1');
  process.stdout.write(
    `${JSON.stringify({ url, launchToken: server.token, tokens, companyGuid: company.guid, fy, cache: core.cache.kind, sessions: core.portal.backend })}\n`,
  );
  const stop = async () => {
    await server.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`bench server failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
