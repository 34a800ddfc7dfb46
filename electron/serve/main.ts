import path from 'node:path';
import { existsSync } from 'node:fs';
import { createCore } from '../core/app';
import { streamLogger } from '../core/logger';
import { parseServeArgs } from './args';
import { createServeServer, DEFAULT_BODY_LIMIT } from './server';
import { portalEvents, portalMiddleware, portalTransport, resolvePortalListen } from './portal-setup';
import { portalCertificate } from '../core/portal/certificate';
import { isPublicOperation } from '../core/portal/access';
import { readAssistantSettings } from '../core/mcp/assistant-settings';
import packageJson from '../../package.json';
import { mcpRoute } from './mcp-route';
import { ChromiumPdfRenderer } from '../core/print/chromium-pdf';
import { statementPdfWith } from '../core/collections/statement-pdf';

/** `npm run serve`: the core without Electron, the built renderer and the HTTP/JSON API on 127.0.0.1. */
async function main(): Promise<void> {
  let args;
  try {
    args = parseServeArgs(process.argv.slice(2), process.env, process.cwd());
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  const logger = streamLogger(process.stderr, 'info').child({ area: 'serve' });
  // Last resort: a promise nobody awaited is logged instead of ending the server.
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { error: reason }));
  // Statements of account as PDF for reminder e-mails: Chromium starts on the first one and closes at
  // shutdown; without it (CHROMIUM_PATH, /usr/bin/chromium) the preview says why and e-mails go without.
  const pdfRenderer = new ChromiumPdfRenderer({
    ...(process.env.CHROMIUM_PATH ? { executablePath: process.env.CHROMIUM_PATH } : {}),
    pages: 2,
  });
  const pdfProblem = pdfRenderer.problem();
  if (pdfProblem !== null) logger.warn('Statements cannot be attached as PDF', { problem: pdfProblem });
  const core = await createCore({
    dataDir: args.dataDir,
    mode: 'serve',
    env: process.env,
    logger,
    statementPdf: statementPdfWith(pdfRenderer, () => pdfRenderer.problem()),
  });
  const context = { caller: 'http' as const, user: null };

  if (args.demo) {
    const companies = await core.dispatch('companies.list', {}, context);
    if (companies.ok && companies.data.data.length === 0) {
      logger.info('Loading the demo company (the database is empty)');
      const loaded = await core.dispatch('demo.load', {}, context);
      if (!loaded.ok) logger.error('Could not load the demo company', { error: loaded.error.message });
    }
  }

  if (!existsSync(path.join(args.staticDir, 'index.html'))) {
    logger.warn('The renderer is not built; run npm run build:renderer (serving the API only)', {
      staticDir: args.staticDir,
    });
  }
  // Office portal (off by default): sign-in, rate limits and the network bind; security headers always.
  const listen = await resolvePortalListen(args, core.settings.current().config.portal);
  // The bind address decides whether a Redis without a password may hold sessions (portal/redis-policy.ts).
  const portalBefore = portalMiddleware(core.portal, { enabled: listen.enabled, host: listen.host });
  // On a network address the portal speaks HTTPS only (the certificate is made for this PC at first start).
  const config = core.settings.current().config;
  const tls = await portalTransport(listen, {
    certificate: () => portalCertificate(args.dataDir, config.portalCertificate),
    // PORTAL_HTTPS=always: HTTPS on loopback too (a proxy on this PC, or checking the certificate).
    ...(config.portalHttps === 'always' ? { isLoopback: async () => false } : {}),
  });
  if (tls) {
    logger.info('Office portal over HTTPS; staff can check this fingerprint on their first visit', {
      certificate: tls.info.source,
      fingerprint256: tls.info.fingerprint256,
      names: tls.info.names,
      validTo: tls.info.validTo,
    });
  }
  if (listen.enabled) {
    logger.info('Office portal on: every API call needs a signed-in portal user', {
      host: listen.host,
      port: listen.port,
      ...core.portal.status(),
      liveUpdates: core.portal.live.mode,
    });
  }
  const app = createServeServer({
    core: {
      dispatch: core.dispatch,
      events: {
        onAny: portalEvents(core.portal.live, {
          authenticate: (token) => core.portal.authenticate(token),
          policy: core.accessPolicy,
        }),
      },
    },
    before: portalBefore,
    staticDir: args.staticDir,
    uploadDir: path.join(args.dataDir, 'uploads'),
    ...(tls ? { tls: tls.options } : {}),
    // Without the portal nothing is public: every call needs the page's launch token.
    isPublicOperation: listen.enabled ? isPublicOperation : () => false,
    // The error id is what a portal user is shown; the log line carries the details.
    onError: (error, where) =>
      logger.error('Request failed', {
        error,
        ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
        ...where,
      }),
  });
  if (listen.enabled) {
    // Assistants (MCP over Streamable HTTP) at /mcp: portal sign-in, the user's companies, rate limits.
    app.use(
      mcpRoute({
        dispatch: core.dispatch,
        authenticate: (token) => core.portal.authenticate(token),
        limiter: core.portal.limiter,
        limits: core.portal.limits,
        assistants: () => readAssistantSettings(args.dataDir),
        version: packageJson.version,
        bodyLimitBytes: DEFAULT_BODY_LIMIT,
        logger: logger.child({ area: 'mcp' }),
      }),
    );
  }
  const { url } = await app.listen(listen.port, listen.host);
  // One plain line on stdout that scripts and the e2e tests wait for.
  process.stdout.write(`TallyConnect serving on ${url}\n`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    await core.close();
    await pdfRenderer.close().catch((error: unknown) => logger.warn('Closing Chromium failed', { error }));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(
    `TallyConnect could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
