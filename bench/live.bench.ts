/**
 * `npm run bench:live`: live books end to end (issue 18).
 *
 * The Tally simulator (in this process) serves the demo company; `serve` runs as its own process with
 * live mode on at the default interval (5 s); Chromium (playwright-core) keeps the dashboard open.
 *
 *   1. Latency, BENCH_ROUNDS (50) times: a voucher is saved in the simulator at a random moment of the
 *      check cycle (a random pause of 0–interval first, so the save is not in step with the checks); the
 *      time runs from the save to the new sales figure painted on the open dashboard (the page reports
 *      the frame it saw it in). Split into the wait for the next check (the simulator logs when each
 *      request arrives) and ours: from that check's arrival to the figure on screen (the change noticed,
 *      the incremental sync, cache invalidation, the event over SSE, the refetch and the paint).
 *   2. Requests to Tally per minute while nothing changes (BENCH_IDLE_SECONDS, 60), dashboard open;
 *      and the same with Tally answering slowly (1.5 s an answer), where the interval must back off.
 *
 * Goals: median ≤ 5 s with the default interval, ≤ 1 s of it ours; ≤ 12 requests a minute when idle.
 * Results go to docs/BENCHMARKS.md, section "## Live books (issue 18)".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { generateDemoCompany } from '../electron/core/demo/generator';
import { startTallySimulator } from '../tools/tally-sim/server';
import { spawnServe } from '../tests/helpers/serve-process';
import { replaceSection } from './reports-section';
import { launchTokenIn } from '../renderer/src/bridge/http-bridge';
import { TOKEN_HEADER } from '../electron/serve/server';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? '50');
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? '60');
const VOUCHERS = Number(process.env.BENCH_VOUCHERS ?? '20000');
const INTERVAL_SECONDS = 5; // the default: not set, so serve uses its own default
const SLOW_ANSWER_MS = 1_500;
const SALES = '[data-kpi="sales"] .kpi-value';

/** A small seeded generator, so two runs pause at the same moments. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

const ms = (n: number) => `${Math.round(n).toLocaleString('en-IN')} ms`;

/** Calls the serve API as its page does, with the launch token the server wrote into index.html. */
async function api<T>(base: string, operation: string, input: unknown): Promise<T> {
  const token = launchTokenIn(await (await fetch(`${base}/`)).text()) ?? '';
  const res = await fetch(`${base}/api/${operation}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
    body: JSON.stringify(input),
  });
  const envelope = (await res.json()) as { ok: true; data: T } | { ok: false; error: { message: string } };
  if (!envelope.ok) throw new Error(`${operation}: ${envelope.error.message}`);
  return envelope.data;
}

/** Listens to serve's event stream as a page does and notes when each books.changed arrives. */
async function watchBooksChanged(base: string, arrivals: number[]): Promise<AbortController> {
  const token = launchTokenIn(await (await fetch(`${base}/`)).text()) ?? '';
  const controller = new AbortController();
  const res = await fetch(`${base}/api/events?launch=${encodeURIComponent(token)}`, {
    signal: controller.signal,
  });
  const reader = res.body?.getReader();
  if (!reader) throw new Error('the event stream has no body');
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        const blocks = buffer.split('\n\n');
        buffer = blocks.pop() ?? '';
        for (const block of blocks) if (block.startsWith('event: books.changed')) arrivals.push(Date.now());
      }
    } catch {
      // aborted at the end of the run
    }
  })();
  return controller;
}

async function main(): Promise<void> {
  const loadBefore = loadavg()[0] ?? 0;
  const sim = await startTallySimulator([generateDemoCompany({ vouchers: VOUCHERS, seed: 42 })]);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tc-bench-live-'));
  const serve = await spawnServe({
    args: ['--data-dir', dataDir],
    env: {
      ...process.env,
      REDIS_ENABLED: 'false',
      TALLY_HOST: '127.0.0.1',
      TALLY_PORT: String(sim.port),
      LIVE_MODE: 'true',
    },
    startTimeoutMs: 120_000,
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  try {
    console.log(`simulator on ${sim.url}, serve on ${serve.url}; first sync of ${VOUCHERS} vouchers…`);
    await api(serve.url, 'sync.start', {});
    const live = await api<{ state: string; intervalSeconds: number }>(serve.url, 'live.status', {});
    if (live.intervalSeconds !== INTERVAL_SECONDS) throw new Error(`interval is ${live.intervalSeconds} s`);

    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(`${serve.url}/#/dashboard`);
    await page.locator(SALES).waitFor();

    const random = seeded(18);
    const totals: number[] = [];
    const ours: number[] = [];
    const waits: number[] = [];
    const serverParts: number[] = [];
    const screenParts: number[] = [];
    const arrivals: number[] = [];
    const stream = await watchBooksChanged(serve.url, arrivals);
    for (let round = 0; round < ROUNDS; round++) {
      await sleep(random() * INTERVAL_SECONDS * 1_000);
      const before = await page.locator(SALES).textContent();
      const from = sim.requests.length;
      const res = await fetch(`${sim.url}/_sim/add`, { method: 'POST' });
      const { savedAt } = (await res.json()) as { savedAt: number };
      const shown = await page.waitForFunction(
        (b) => {
          const text = document.querySelector('[data-kpi="sales"] .kpi-value')?.textContent;
          return typeof text === 'string' && text !== b ? Date.now() : false;
        },
        before,
        { polling: 'raf', timeout: 120_000 },
      );
      const shownAt = (await shown.jsonValue()) as number;
      // The check that saw the change: the first company-list request that arrived after the save.
      const check = sim.requests.slice(from).find((r) => r.id === 'TCCompanies' && r.at >= savedAt);
      if (!check) throw new Error(`round ${round}: no check after the save`);
      totals.push(shownAt - savedAt);
      waits.push(check.at - savedAt);
      ours.push(shownAt - check.at);
      const announced = arrivals.find((at) => at >= check.at);
      if (announced !== undefined) {
        serverParts.push(announced - check.at);
        screenParts.push(shownAt - announced);
      }
      console.log(
        `round ${round + 1}/${ROUNDS}: ${ms(shownAt - savedAt)} (wait ${ms(check.at - savedAt)}, ours ${ms(shownAt - check.at)}` +
          (announced === undefined
            ? ')'
            : `: server ${ms(announced - check.at)}, screen ${ms(shownAt - announced)})`),
      );
    }

    stream.abort();
    const idle = async (): Promise<{ perMinute: number; others: number }> => {
      // Start after the loop has settled into its interval (a sync may just have finished).
      await sleep(INTERVAL_SECONDS * 1_000);
      const from = sim.requests.length;
      const started = Date.now();
      await sleep(IDLE_SECONDS * 1_000);
      const seen = sim.requests.slice(from);
      const minutes = (Date.now() - started) / 60_000;
      return {
        perMinute: seen.length / minutes,
        others: seen.filter((r) => r.id !== 'TCCompanies').length,
      };
    };
    console.log(`idle for ${IDLE_SECONDS} s…`);
    const quiet = await idle();
    console.log(`  ${quiet.perMinute.toFixed(1)} requests a minute`);
    sim.addFault({ match: 'TCCompanies', fault: { kind: 'slow', delayMs: SLOW_ANSWER_MS } });
    console.log(`idle with Tally answering in ${SLOW_ANSWER_MS} ms, ${IDLE_SECONDS} s…`);
    const slow = await idle();
    const slowStatus = await api<{ currentIntervalMs: number; slowdowns: string[] }>(
      serve.url,
      'live.status',
      {},
    );
    sim.clearFaults();
    console.log(`  ${slow.perMinute.toFixed(1)} requests a minute`);

    const cpu = cpus();
    const machine =
      `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, ` +
      `Node ${process.version}, ${process.platform}; load average ${loadBefore.toFixed(1)} before, ` +
      `${(loadavg()[0] ?? 0).toFixed(1)} after`;
    const ideal = 60 / INTERVAL_SECONDS;
    const medianTotal = quantile(totals, 0.5);
    const medianOurs = quantile(ours, 0.5);
    const body = `Generated by \`npm run bench:live\` (bench/live.bench.ts) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.
${machine}. Tally simulator with the demo company (${VOUCHERS.toLocaleString('en-IN')} vouchers, seed 42), \`serve\` with live
mode on at the default interval (${INTERVAL_SECONDS} s), in-memory cache, Debian Chromium headless (playwright-core) with
the dashboard open. Each round waits a random 0–${INTERVAL_SECONDS} s, saves a voucher in the simulator (\`POST /_sim/add\`, a
copy of the latest sale) and times until the new sales figure is painted (the page reports the animation frame it
saw it in). "Wait" is the save to the arrival of the next check at the simulator; "ours" is that check's arrival to
the figure on screen: the change noticed, the incremental sync (a few vouchers: on serve's main thread, own connection), cache invalidation, \`books.changed\`
over server-sent events, the background refetch and the paint.

| ${ROUNDS} vouchers saved in Tally | Median | p95 | Goal |
| --- | --- | --- | --- |
| Save → new figure on the open dashboard | **${ms(medianTotal)}** | ${ms(quantile(totals, 0.95))} | median ≤ 5,000 ms ${medianTotal <= 5_000 ? '✔' : '✘'} |
| of which waiting for the next check | ${ms(quantile(waits, 0.5))} | ${ms(quantile(waits, 0.95))} | (0–${INTERVAL_SECONDS * 1_000} ms by design) |
| of which ours (check → figure painted) | **${ms(medianOurs)}** | ${ms(quantile(ours, 0.95))} | median ≤ 1,000 ms ${medianOurs <= 1_000 ? '✔' : '✘'} |
| — ours in the server: check → \`books.changed\` received over SSE | ${ms(quantile(serverParts, 0.5))} | ${ms(quantile(serverParts, 0.95))} | |
| — ours in the page: \`books.changed\` → figure painted | ${ms(quantile(screenParts, 0.5))} | ${ms(quantile(screenParts, 0.95))} | |

| Nothing changing in Tally, dashboard open | Requests to Tally a minute | vs one check per interval (${ideal}/min) | Other requests | Goal |
| --- | --- | --- | --- | --- |
| Tally answering at once | **${quiet.perMinute.toFixed(1)}** | ${(quiet.perMinute / ideal).toFixed(2)}× | ${quiet.others} | ≤ 12 ${quiet.perMinute <= 12 ? '✔' : '✘'} |
| Tally answering in ${SLOW_ANSWER_MS.toLocaleString('en-IN')} ms (busy with its user) | **${slow.perMinute.toFixed(1)}** | ${(slow.perMinute / ideal).toFixed(2)}× | ${slow.others} | backs off (interval then ${ms(slowStatus.currentIntervalMs)}, ${slowStatus.slowdowns.join(', ') || 'no slowdown'}) |

Each check is one request (the Company collection with AltMstId / AltVchId, one attempt, 10 s timeout); the next
is timed only after the previous answer, so there is never more than one in flight and the idle rate stays at or
just under one per interval. A slow answer (over 1 s) doubles the interval up to 60 s, and each quick one halves
it back; on battery the interval is tripled, after 10 minutes without use multiplied by six (docs/TALLY.md, "Live mode").
`;
    replaceSection(path.join(ROOT, 'docs', 'BENCHMARKS.md'), '## Live books (issue 18)', body);
    console.log(body);
  } finally {
    await browser.close();
    await serve.stop();
    await sim.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
