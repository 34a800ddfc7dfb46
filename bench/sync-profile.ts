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
import { startTallySimulator } from '../tools/tally-sim/server';
import { startReplayProxy } from './replay-proxy';
import { timedFullSync } from './sync-run';

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
    const {
      wall,
      cpu,
      vouchers: n,
    } = await timedFullSync({
      path: join(dir, `run${r}.db`),
      workerPath: worker,
      parseInWorker: values['parse-worker'],
      port: proxy.port,
    });
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
