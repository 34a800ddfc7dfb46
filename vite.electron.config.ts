/**
 * Builds the Electron main process (ESM, out/main/main.js) and the sandboxed preload (CommonJS,
 * out/preload/preload.cjs — sandboxed preloads cannot be ES modules):
 *   vite build -c vite.electron.config.ts --mode main
 *   vite build -c vite.electron.config.ts --mode preload
 * Runtime dependencies stay external (electron-builder ships them; better-sqlite3 is native).
 */
import { cpSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const ELECTRON_NODE_TARGET = 'node22'; // Electron 45 embeds Node 22

/** The build date shown in Help › About: today (UTC), or SOURCE_DATE_EPOCH for a reproducible build. */
export function buildDate(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const when = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : now;
  return when.toISOString().slice(0, 10);
}

const external = [
  'electron',
  /^electron\//,
  ...Object.keys(pkg.dependencies).flatMap((name) => [name, new RegExp(`^${name}/`)]),
  ...builtinModules.flatMap((name) => [name, `node:${name}`]),
];

/** The tray icons sit next to main.js so the same path works in development and packaged. */
function copyTrayIcons(): Plugin {
  return {
    name: 'tallyconnect-copy-tray-icons',
    apply: 'build',
    closeBundle() {
      cpSync(here('./build/tray'), here('./out/main'), { recursive: true });
    },
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'preload') {
    return {
      publicDir: false,
      build: {
        outDir: here('./out/preload'),
        emptyOutDir: true,
        target: 'chrome140',
        minify: false,
        lib: {
          entry: here('./electron/preload/preload.ts'),
          formats: ['cjs'],
          fileName: () => 'preload.cjs',
        },
        rollupOptions: { external: ['electron'] },
      },
    };
  }
  if (mode !== 'main')
    throw new Error(`vite.electron.config.ts: --mode must be "main" or "preload", got "${mode}"`);
  return {
    publicDir: false,
    plugins: [copyTrayIcons()],
    // Read by electron/main/build-info.ts.
    define: { __TALLYCONNECT_BUILD_DATE__: JSON.stringify(buildDate()) },
    build: {
      outDir: here('./out/main'),
      emptyOutDir: true,
      target: ELECTRON_NODE_TARGET,
      minify: false,
      sourcemap: true,
      ssr: true,
      rollupOptions: {
        // The sync runs in a worker thread (runner.ts looks for sync-worker.js beside main.js), and parses
        // Tally's answers in a second one (voucher-fetcher.ts looks for fetch-worker.js).
        input: {
          main: here('./electron/main/main.ts'),
          'sync-worker': here('./electron/core/sync/sync-worker.ts'),
          'fetch-worker': here('./electron/core/sync/fetch-worker.ts'),
        },
        external,
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  };
});
