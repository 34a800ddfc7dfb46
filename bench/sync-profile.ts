/**
 * `npx tsx bench/sync-profile.ts [--vouchers 60000] [--runs 3] [--young MB]`: only the bench's section 1b
 * (a full sync of the demo company in the bundled sync worker, answers replayed from memory), for profiling
 * (`node --cpu-prof` writes one profile per thread) and quick before/after checks of the worker.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateDemoCompany } from '../electron/core/demo/generator';
import { openStore } from '../electron/core/db/store';
import { createEventBus } from '../electron/core/events/bus';
import { createSyncManager } from '../electron/core/sync/manager';
import { workerRunner } from '../electron/core/sync/runner';
import { startTallySimulator } from '../tools/tally-sim/server';
import { startReplayProxy } from './replay-proxy';

const { values } = parseArgs({
  options: {
    vouchers: { type: 'string', default: '60000' },
    runs: { type: 'string', default: '3' },
    // Several --worker paths (sync-worker.js of different builds) run interleaved, compared in one session.
    worker: {
      type: 'string',
      multiple: true,
      default: [join(process.cwd(), 'out', 'main', 'sync-worker.js')],
    },
    'parse-worker': { type: 'boolean', default: false },
  },
});
const demo = generateDemoCompany({ vouchers: Number(values.vouchers), seed: 7 });
const sim = await startTallySimulator([demo]);
const proxy = await startReplayProxy({ host: '127.0.0.1', port: sim.port });
const dir = mkdtempSync(join(tmpdir(), 'tc-sync-profile-'));
const results = new Map<string, { wall: number[]; cpu: number[] }>();
for (let r = 0; r <= Number(values.runs); r++) {
  for (const worker of values.worker) {
    const path = join(dir, `run${r}.db`);
    const store = openStore(path);
    const manager = createSyncManager({
      store,
      events: createEventBus(),
      runner: workerRunner(path, { path: worker, typescript: false }),
      tally: () => ({ host: '127.0.0.1', port: proxy.port, timeoutMs: 10 * 60_000 }),
      parseInWorker: () => values['parse-worker'],
      invalidateCompany: async () => 0,
    });
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const [result] = await manager.start({ full: true });
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    const cpu = (c.user + c.system) / 1000;
    const n = result?.vouchersWritten ?? 0;
    console.log(
      `${r === 0 ? 'warm-up' : `run ${r}`} ${worker}: ${n} vouchers, ${wall.toFixed(0)} ms wall, ${cpu.toFixed(0)} ms CPU, ` +
        `${((n / wall) * 1000).toFixed(0)} vouchers/s; load ${loadavg()[0]?.toFixed(1)}`,
    );
    if (r > 0) {
      const row = results.get(worker) ?? { wall: [], cpu: [] };
      row.wall.push(wall);
      row.cpu.push(cpu);
      results.set(worker, row);
    }
    await manager.close();
    store.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  }
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
for (const [worker, row] of results)
  console.log(
    `median ${worker}: ${median(row.wall).toFixed(0)} ms wall, ${median(row.cpu).toFixed(0)} ms CPU`,
  );
await proxy.stop();
await sim.stop();
rmSync(dir, { recursive: true, force: true });
