/**
 * `npm run bench:sync [-- --vouchers 60000] [-- --runs 3] [-- --rss 1000000] [-- --parse-worker]`
 *
 * 1. Parse + store of the simulator's native XML (UTF-16LE, Tally's quirks, ≤5,000 vouchers per answer),
 *    against two baselines measured in the same run: storing the same records directly (no XML), and
 *    parsing without storing.
 * 1b. The same company as a full sync in the bundled sync worker, answers replayed from memory: parsing
 *    in the sync worker alone (SYNC_PARSE_WORKER=false) and in a second parse worker (the default on 2+ cores).
 * 2. Incremental sync with nothing changed (through the sync manager, as the app runs it), against a
 *    bare companies request to the same simulator.
 * 3. With --rss N: a full sync of N vouchers from a simulator in a child process, through the bundled
 *    sync worker as in the app (--parse-worker: with the parse worker); resident memory sampled every
 *    100 ms.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SaxesParser } from 'saxes';
import { generateDemoCompany } from '../electron/core/demo/generator';
import type { CompanyWriter, VoucherRecord } from '../electron/core/db/records';
import { openStore, type Store } from '../electron/core/db/store';
import { createEventBus } from '../electron/core/events/bus';
import { createSyncManager } from '../electron/core/sync/manager';
import { workerRunner } from '../electron/core/sync/runner';
import { createTallyClient } from '../electron/core/tally/client';
import { createTextCleaner } from '../electron/core/tally/clean';
import { createStreamDecoder } from '../electron/core/tally/decode';
import { fetchCompanies } from '../electron/core/tally/fetch';
import { FIELDS_READ, mapVoucher } from '../electron/core/tally/mappers';
import { createTallyParser } from '../electron/core/tally/parser';
import { collectionHead, collectionTail, renderVoucher } from '../tools/tally-sim/render';
import { startTallySimulator } from '../tools/tally-sim/server';
import { startReplayProxy } from './replay-proxy';
import { timedFullSync } from './sync-run';

const { values } = parseArgs({
  options: {
    vouchers: { type: 'string', default: '60000' },
    runs: { type: 'string', default: '3' },
    rss: { type: 'string', default: '0' },
    'parse-worker': { type: 'boolean', default: false },
    // A sync-worker.js built from another commit (e.g. a copy of out/main from before a change): section 1b
    // runs it interleaved with this build, so the two are compared in the same session.
    'baseline-worker': { type: 'string' },
  },
});
const N = Number(values.vouchers);
const RUNS = Number(values.runs);
const RSS_N = Number(values.rss);
const BATCH = 5000;

/** Wall and CPU milliseconds of a synchronous section (CPU time is fair on a shared, loaded machine). */
interface Timing {
  wall: number;
  cpu: number;
}
function timed(work: () => void): Timing {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  work();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

console.log(`# bench:sync — ${new Date().toISOString()}`);
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}, ` +
    `load average at start ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} (shared machine)`,
);

// ---------- 1. parse + store ----------
const demo = generateDemoCompany({ vouchers: N, seed: 7 });
const records: VoucherRecord[] = [...demo.vouchers()];
let entries = 0;
let bills = 0;
for (const v of records) {
  entries += v.entries.length;
  for (const e of v.entries) bills += e.bills.length;
}
const answers: Buffer[] = [];
for (let i = 0; i < records.length; i += BATCH) {
  const xml =
    collectionHead +
    records
      .slice(i, i + BATCH)
      .map((v) => renderVoucher(v))
      .join('') +
    collectionTail;
  answers.push(Buffer.from(xml, 'utf16le'));
}
const bytes = answers.reduce((n, b) => n + b.length, 0);
console.log(
  `\n## 1. parse + store: ${fmt(records.length)} vouchers, ${fmt(entries)} entries, ${fmt(bills)} bills, ` +
    `${(bytes / 2 ** 20).toFixed(0)} MB UTF-16LE in ${answers.length} answers`,
);

const dir = mkdtempSync(join(tmpdir(), 'tc-bench-sync-'));
let fileNo = 0;
function withStore<T>(work: (store: Store) => T): T {
  const path = join(dir, `b${fileNo++}.db`);
  const store = openStore(path);
  try {
    return work(store);
  } finally {
    store.close();
    rmSync(path, { force: true });
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });
  }
}

/** A replace write of the demo company with its masters in place (not timed), ready for vouchers. */
function beginWithMasters(store: Store): CompanyWriter {
  const w = store.beginCompanyWrite(
    { guid: demo.company.guid, name: demo.company.name, source: 'tally' },
    'replace',
  );
  w.putGroups(demo.groups);
  w.putVoucherTypes(demo.voucherTypes);
  w.putLedgers(demo.ledgers);
  return w;
}

function storeDirect(store: Store): Timing {
  const w = beginWithMasters(store);
  return timed(() => {
    for (let i = 0; i < records.length; i += BATCH) w.putVouchers(records.slice(i, i + BATCH));
    w.commit({ ...demo.company, source: 'tally' });
  });
}

function parseAnswers(onBatch: (vouchers: VoucherRecord[]) => void): void {
  for (const answer of answers) {
    const batch: VoucherRecord[] = [];
    const parser = createTallyParser({
      source: 'bench',
      capture: new Set(['VOUCHER']),
      keep: FIELDS_READ,
      onObject: (node) => batch.push(mapVoucher(node).record),
    });
    const decoder = createStreamDecoder('bench');
    const cleaner = createTextCleaner();
    // 64 KB chunks, as an HTTP response arrives.
    for (let o = 0; o < answer.length; o += 65536)
      parser.write(cleaner.push(decoder.push(answer.subarray(o, o + 65536))));
    parser.write(cleaner.push(decoder.end()));
    parser.write(cleaner.flush());
    parser.close();
    onBatch(batch);
  }
}

/**
 * The floor under any parse: saxes alone, with empty handlers, over the same answers already decoded and
 * cleaned (held in memory, outside the timing). No parse through saxes can be cheaper than this.
 */
function tokenizeOnly(texts: readonly string[]): Timing {
  return timed(() => {
    for (const text of texts) {
      const parser = new SaxesParser({ xmlns: false, position: false });
      parser.on('opentag', () => undefined);
      parser.on('text', () => undefined);
      parser.on('closetag', () => undefined);
      for (let o = 0; o < text.length; o += 32768) parser.write(text.slice(o, o + 32768));
      parser.close();
    }
  });
}

function decodedAndCleaned(answer: Buffer): string {
  const decoder = createStreamDecoder('bench');
  const cleaner = createTextCleaner();
  return cleaner.push(decoder.push(answer)) + cleaner.push(decoder.end()) + cleaner.flush();
}

function parseAndStore(store: Store): Timing {
  const w = beginWithMasters(store);
  return timed(() => {
    parseAnswers((batch) => w.putVouchers(batch));
    w.commit({ ...demo.company, source: 'tally' });
  });
}

const direct: Timing[] = [];
const tokenizer: Timing[] = [];
const parseOnly: Timing[] = [];
const full: Timing[] = [];
const cleanTexts = answers.map(decodedAndCleaned);
for (let r = 0; r < RUNS; r++) {
  direct.push(withStore(storeDirect));
  tokenizer.push(tokenizeOnly(cleanTexts));
  parseOnly.push(timed(() => parseAnswers(() => undefined)));
  full.push(withStore(parseAndStore));
}
cleanTexts.length = 0;
const rate = (ms: number): number => (records.length / ms) * 1000;
const row = (label: string, ts: Timing[], bold = false): string => {
  const wall = median(ts.map((t) => t.wall));
  const cpu = median(ts.map((t) => t.cpu));
  const b = bold ? '**' : '';
  return `| ${b}${label}${b} | ${fmt(wall)} | ${fmt(rate(wall))} | ${fmt(cpu)} | ${b}${fmt(rate(cpu))}${b} |`;
};
console.log(`| step | median wall ms | vouchers/s (wall) | median CPU ms | vouchers per CPU-second |`);
console.log(`|---|---|---|---|---|`);
console.log(row('baseline: store the records directly (no XML)', direct));
console.log(row('floor: saxes alone, empty handlers (text decoded and cleaned beforehand)', tokenizer));
console.log(row('parse only (decode, clean, saxes, map)', parseOnly));
console.log(row('parse + store', full, true));
{
  // What no implementation on this parser and store could beat here: everything but tokenizing and
  // storing free, and (second figure) that work split perfectly over every core of the machine.
  const floorCpuMs = median(tokenizer.map((t) => t.cpu)) + median(direct.map((t) => t.cpu));
  console.log(
    `ceiling (saxes alone + direct store, all else free): ${fmt(rate(floorCpuMs))} vouchers/s on one core, ` +
      `${fmt(rate(floorCpuMs / cpus().length))} vouchers/s on ${cpus().length} cores with a perfect split`,
  );
}
console.log(
  `runs: ${RUNS}; parse+store / direct store = ${(median(full.map((t) => t.wall)) / median(direct.map((t) => t.wall))).toFixed(2)}× wall, ` +
    `${(median(full.map((t) => t.cpu)) / median(direct.map((t) => t.cpu))).toFixed(2)}× CPU; load average now ${loadavg()[0]?.toFixed(1)}`,
);
answers.length = 0;
records.length = 0;

// ---------- 1b. the same, as the app runs it: a full sync in the bundled sync worker ----------
const BUILT_SYNC_WORKER = join(process.cwd(), 'out', 'main', 'sync-worker.js');
if (!existsSync(BUILT_SYNC_WORKER))
  throw new Error(`${BUILT_SYNC_WORKER} is missing: run npm run build:main`);
{
  const sim = await startTallySimulator([demo]);
  const proxy = await startReplayProxy({ host: '127.0.0.1', port: sim.port });
  // Both ways interleaved: parsing in the sync worker alone (SYNC_PARSE_WORKER=false), and in a second parse worker
  // (the default on 2+ cores). Run 0 fills the replay proxy (the simulator renders) and is not counted.
  const variants = { inSyncWorker: [] as Timing[], parseWorker: [] as Timing[], baseline: [] as Timing[] };
  const baselineWorker = values['baseline-worker'];
  const kinds: ('default' | 'parse-worker' | 'baseline')[] = ['default', 'parse-worker'];
  if (baselineWorker !== undefined) kinds.push('baseline');
  let written = 0;
  for (let r = 0; r <= RUNS; r++) {
    for (const kind of kinds) {
      const parseInWorker = kind === 'parse-worker';
      const workerPath = kind === 'baseline' ? (baselineWorker as string) : BUILT_SYNC_WORKER;
      const run = await timedFullSync({
        path: join(dir, `pipeline${r}-${kind}.db`),
        workerPath,
        parseInWorker,
        port: proxy.port,
      });
      written = run.vouchers;
      if (r > 0) {
        (kind === 'baseline'
          ? variants.baseline
          : parseInWorker
            ? variants.parseWorker
            : variants.inSyncWorker
        ).push({ wall: run.wall, cpu: run.cpu });
      }
    }
  }
  await proxy.stop();
  await sim.stop();
  console.log(
    `\n### 1b. full sync in the bundled sync worker (companies, masters, counts, voucher batches, commit; ` +
      `answers replayed from memory, ${proxy.replayed} requests), ${fmt(written)} vouchers`,
  );
  console.log(`| variant | median wall ms | vouchers/s (wall) | median CPU ms (all threads) |`);
  console.log(`|---|---|---|---|`);
  const rows: [string, Timing[]][] = [
    ['parse and store in the sync worker alone (SYNC_PARSE_WORKER=false)', variants.inSyncWorker],
    ['**parse in a second worker, store in the sync worker (default on 2+ cores)**', variants.parseWorker],
  ];
  if (baselineWorker !== undefined)
    rows.push([`baseline: ${baselineWorker} (one thread)`, variants.baseline]);
  for (const [label, runs] of rows) {
    const wall = median(runs.map((t) => t.wall));
    console.log(
      `| ${label} | ${fmt(wall)} | ${fmt((written / wall) * 1000)} | ${fmt(median(runs.map((t) => t.cpu)))} |`,
    );
  }
  console.log(
    `runs: ${RUNS} each, interleaved; one-thread parse + store above (no HTTP, no workers): ${fmt(median(full.map((t) => t.wall)))} ms`,
  );
  if (baselineWorker !== undefined) {
    const ratio = (pick: (t: Timing) => number): string =>
      (median(variants.baseline.map(pick)) / median(variants.inSyncWorker.map(pick))).toFixed(2);
    console.log(
      `this build vs baseline (default variant): ${ratio((t) => t.wall)}× the vouchers per second (wall), ` +
        `${ratio((t) => t.cpu)}× less CPU; load average now ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' / ')}`,
    );
  }
}

// ---------- 2. incremental sync with nothing changed ----------
{
  const small = generateDemoCompany({ vouchers: 5000, seed: 3 });
  const sim = await startTallySimulator([small]);
  const path = join(dir, 'inc.db');
  const store = openStore(path);
  const manager = createSyncManager({
    store,
    events: createEventBus(),
    runner: workerRunner(path),
    tally: () => ({ host: '127.0.0.1', port: sim.port }),
    invalidateCompany: async () => 0,
  });
  const first = await manager.start({ full: false });
  const bare: number[] = [];
  const unchanged: number[] = [];
  const client = createTallyClient({ host: '127.0.0.1', port: sim.port });
  for (let i = 0; i < 25; i++) {
    let t0 = performance.now();
    await fetchCompanies(client);
    bare.push(performance.now() - t0);
    t0 = performance.now();
    const [r] = await manager.start({ full: false });
    if (r?.kind !== 'unchanged') throw new Error(`expected unchanged, got ${r?.kind}`);
    unchanged.push(performance.now() - t0);
  }
  console.log(
    `\n## 2. incremental sync, nothing changed (first sync: ${first[0]?.kind}, ${fmt(first[0]?.vouchersWritten ?? 0)} vouchers)`,
  );
  console.log(`| step | median ms | p95 ms |`);
  console.log(`|---|---|---|`);
  const p95 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? NaN;
  console.log(`| baseline: bare companies request | ${median(bare).toFixed(1)} | ${p95(bare).toFixed(1)} |`);
  console.log(
    `| **sync.start (unchanged)** | **${median(unchanged).toFixed(1)}** | ${p95(unchanged).toFixed(1)} |`,
  );
  store.close();
  await sim.stop();
}

// ---------- 3. resident memory while syncing N vouchers ----------
if (RSS_N > 0) {
  const port = 19000 + Math.floor(Math.random() * 900);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'tools/tally-sim/main.ts', '--vouchers', String(RSS_N), '--port', String(port)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('Tally simulator')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`simulator exited ${code}`)));
  });
  const path = join(dir, 'rss.db');
  const store = openStore(path);
  const events = createEventBus();
  const manager = createSyncManager({
    store,
    events,
    runner: workerRunner(path, { path: BUILT_SYNC_WORKER, typescript: false }),
    tally: () => ({ host: '127.0.0.1', port, timeoutMs: 30 * 60_000 }),
    parseInWorker: () => values['parse-worker'],
    invalidateCompany: async () => 0,
  });
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  let lastLog = 0;
  events.on('sync.progress', (p) => {
    if (p.phase === 'vouchers' && Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      console.error(
        `  ${fmt(p.done)} / ${fmt(p.total ?? 0)} vouchers, ${fmt(p.rate ?? 0)}/s, rss ${fmt(process.memoryUsage().rss / 2 ** 20)} MB`,
      );
    }
  });
  const t0 = performance.now();
  const [result] = await manager.start({ full: true });
  const ms = performance.now() - t0;
  clearInterval(timer);
  console.log(
    `\n## 3. full sync of ${fmt(result?.vouchersWritten ?? 0)} vouchers from the simulator (child process), bundled sync worker` +
      (values['parse-worker'] ? ' + parse worker' : ''),
  );
  console.log(`| measure | value |`);
  console.log(`|---|---|`);
  console.log(`| RSS before (baseline) | ${fmt(before / 2 ** 20)} MB |`);
  console.log(`| RSS peak during sync | ${fmt(peak / 2 ** 20)} MB |`);
  console.log(`| **RSS growth** | **${fmt((peak - before) / 2 ** 20)} MB** |`);
  console.log(
    `| wall time (simulator generating + rendering on the other core) | ${(ms / 1000).toFixed(1)} s (${fmt(((result?.vouchersWritten ?? 0) / ms) * 1000)} vouchers/s end to end) |`,
  );
  store.close();
  child.kill('SIGTERM');
}
rmSync(dir, { recursive: true, force: true });
