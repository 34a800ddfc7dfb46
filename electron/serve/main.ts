import path from 'node:path';
import { existsSync } from 'node:fs';
import { createCore } from '../core/app';
import { streamLogger } from '../core/logger';
import { parseServeArgs } from './args';
import { createServeServer } from './server';

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
  const core = await createCore({ dataDir: args.dataDir, mode: 'serve', env: process.env, logger });
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
  const app = createServeServer({
    core,
    staticDir: args.staticDir,
    uploadDir: path.join(args.dataDir, 'uploads'),
    onError: (error) => logger.error('Request failed', { error }),
  });
  const { url } = await app.listen(args.port, args.host);
  // One plain line on stdout that scripts and the e2e tests wait for.
  process.stdout.write(`TallyConnect serving on ${url}\n`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`TallyConnect could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
