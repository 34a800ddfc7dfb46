/**
 * `npx tsx bench/sync-threads.ts [--runs 3] [--one-thread] --worker PATH [--worker PATH ...]`: full syncs
 * of the demo company's 60,020 vouchers in the bundled sync worker (answers replayed from memory, as in
 * bench/sync-profile.ts), several builds interleaved, with each new thread's CPU time and when each phase
 * began. Thread CPU is read from /proc/self/task/<tid>/stat every 10 ms while the sync runs (a worker's
 * last 10 ms are missed when it exits); on a shared machine it says which thread is the critical path
 * when wall times do not. Linux only.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
    runs: { type: 'string', default: '3' },
    worker: {
      type: 'string',
      multiple: true,
      default: [join(process.cwd(), 'out', 'main', 'sync-worker.js')],
    },
    'one-thread': { type: 'boolean', default: false },
  },
});

/** CPU ms of each thread of this process not in `old`, by thread id, with its start time (clock ticks). */
function threadTimes(old: ReadonlySet<string>, into: Map<string, { start: number; cpuMs: number }>): void {
  for (const tid of readdirSync('/proc/self/task')) {
    if (old.has(tid)) continue;
    try {
      // Fields after "(name) ": state is field 3, utime 14, stime 15, starttime 22 (1-based).
      const fields = (readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      into.set(tid, { start: Number(fields[19]), cpuMs: ticks * 10 });
    } catch {
      // The thread exited between the listing and the read.
    }
  }
}

const demo = generateDemoCompany({ vouchers: 60000, seed: 7 });
const sim = await startTallySimulator([demo]);
const proxy = await startReplayProxy({ host: '127.0.0.1', port: sim.port });
const dir = mkdtempSync(join(tmpdir(), 'tc-sync-threads-'));
for (let r = 0; r <= Number(values.runs); r++) {
  for (const worker of values.worker) {
    const path = join(dir, `run${r}.db`);
    const store = openStore(path);
    const events = createEventBus();
    const manager = createSyncManager({
      store,
      events,
      runner: workerRunner(path, { path: worker, typescript: false }),
      tally: () => ({ host: '127.0.0.1', port: proxy.port, timeoutMs: 10 * 60_000 }),
      parseInWorker: () => !values['one-thread'],
      invalidateCompany: async () => 0,
    });
    const old = new Set(readdirSync('/proc/self/task'));
    const threads = new Map<string, { start: number; cpuMs: number }>();
    const timer = setInterval(() => threadTimes(old, threads), 10);
    const phases: string[] = [];
    const t0 = performance.now();
    events.on('sync.progress', (p) => {
      if (phases.at(-1)?.startsWith(`${p.phase}@`) !== true)
        phases.push(`${p.phase}@${(performance.now() - t0).toFixed(0)}`);
    });
    try {
      const [result] = await manager.start({ full: true });
      const wall = performance.now() - t0;
      clearInterval(timer);
      // Threads that did real work, oldest first: the sync worker, then the parse worker.
      const cpu = [...threads.values()]
        .filter((t) => t.cpuMs >= 100)
        .sort((a, b) => a.start - b.start)
        .map((t) => t.cpuMs)
        .join(' / ');
      console.log(
        `${r === 0 ? 'warm-up' : `run ${r}`} ${worker}: ${result?.vouchersWritten ?? 0} vouchers, ` +
          `${wall.toFixed(0)} ms wall; thread CPU ms ${cpu}; ${phases.join(' ')}; load ${loadavg()[0]?.toFixed(1)}`,
      );
    } finally {
      clearInterval(timer);
      await manager.close();
      store.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    }
  }
}
await proxy.stop();
await sim.stop();
rmSync(dir, { recursive: true, force: true });
