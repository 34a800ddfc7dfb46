/**
 * One timed store of the demo company, run by bench/store.bench.ts in a child process: generates the
 * vouchers into memory first (timed apart), then stores them through the writer of the checkout at
 * `--root` into a fresh temporary database. Prints one JSON line: { vouchers, wallMs, cpuMs }.
 *
 *   tsx bench/store-run.ts --root <checkout> [--vouchers N]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { VoucherRecord } from '../electron/core/db/records';
import type * as StoreModule from '../electron/core/db/store';
import type * as GeneratorModule from '../electron/core/demo/generator';
import type * as LoadModule from '../electron/core/demo/load';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const root = resolve(option('root') ?? process.cwd());
const vouchers = Number(option('vouchers') ?? 1_000_000);
const SEED = 42;
const TODAY = '2026-11-25';

// The checkout's own modules, so the baseline is stored by the baseline's writer.
const load = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(root, path)).href)) as T;
const { openStore } = await load<typeof StoreModule>('electron/core/db/store.ts');
const { generateDemoCompany } = await load<typeof GeneratorModule>('electron/core/demo/generator.ts');
const { writeDemoCompany } = await load<typeof LoadModule>('electron/core/demo/load.ts');

const demo = generateDemoCompany({ vouchers, seed: SEED, until: TODAY });
const all: VoucherRecord[] = [...demo.vouchers()];
const dir = mkdtempSync(join(tmpdir(), 'tc-store-bench-'));
const store = openStore(join(dir, 'store.db'));
try {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const loaded = writeDemoCompany(store, { ...demo, vouchers: () => all });
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  if (loaded.vouchers !== vouchers) throw new Error(`stored ${loaded.vouchers} of ${vouchers} vouchers`);
  console.log(JSON.stringify({ vouchers, wallMs, cpuMs: (used.user + used.system) / 1000 }));
} finally {
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
