/**
 * `npm run bench:collections`: statements of account for many parties of the demo company, each built from
 * the store (the party's line of the outstanding report, optionally its ledger for the year) and rendered
 * to PDF by one headless Chromium (electron/core/print/chromium-pdf.ts), timed per party and per step.
 * The goal (issue 28 §4): ≤ 100 ms per party, PDF included. Results are printed, not written anywhere.
 *
 *   npm run bench:collections -- [--parties 500] [--vouchers 1600000] [--ledger] [--language en|mr|hi]
 *     [--keep N]   (keeps the first N PDFs under test-output/bench-collections to look at)
 *
 * A send step (the e-mail with the PDF attached) plugs in through `SEND_STEPS` below: each step gets the
 * party's statement and its PDF and is timed like the others.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { statementFor, type PartyStatement } from '../electron/core/collections/statement';
import { statementPdf } from '../electron/core/collections/statement-pdf';
import { openStore } from '../electron/core/db/store';
import { generateDemoCompany } from '../electron/core/demo/generator';
import { DEMO_COMPANY_GSTIN } from '../electron/core/demo/gst';
import { writeDemoCompany } from '../electron/core/demo/load';
import { ChromiumPdfRenderer } from '../electron/core/print/chromium-pdf';
import { ledgerStatement } from '../electron/core/reports/ledger-statement';
import { loadMasters } from '../electron/core/reports/masters';
import { outstanding } from '../electron/core/reports/outstanding';
import { yearStartOf } from '../shared/dates';
import type { StatementLedger } from '../shared/print/statement';
import type { StatementLanguage } from '../shared/print/statement-words';
import type { OutstandingParty } from '../shared/types/reports';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const PARTIES = Number(option('parties') ?? 500);
// 1.6 million vouchers make the demo's 400 customers and 150 suppliers (generator.ts): 550 parties.
const VOUCHERS = Number(option('vouchers') ?? 1_600_000);
const WITH_LEDGER = args.includes('--ledger');
const LANGUAGE = (option('language') ?? 'en') as StatementLanguage;
const KEEP = Number(option('keep') ?? 3);
const TODAY = '2026-11-25';
const BUCKETS = [30, 60, 90, 180];
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** One party's work: its statement and PDF, handed to each send step in turn. */
interface PartyJob {
  statement: PartyStatement;
  pdf: Uint8Array;
}
/** A step after the PDF (the lead adds the e-mail to the local SMTP server here). */
interface SendStep {
  name: string;
  run(job: PartyJob): Promise<void>;
}
const SEND_STEPS: SendStep[] = [];

const percentile = (values: number[], p: number): number => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))] ?? 0;
};
const sum = (values: number[]): number => values.reduce((s, v) => s + v, 0);

const dir = mkdtempSync(join(tmpdir(), 'tc-bench-collections-'));
const keepDir = join(process.cwd(), 'test-output', 'bench-collections');
mkdirSync(keepDir, { recursive: true });
const load0 = loadavg()[0]!;
console.log(`Generating and storing ${VOUCHERS.toLocaleString('en-IN')} demo vouchers ...`);
let t = performance.now();
const store = openStore(join(dir, 'bench.db'));
const loaded = writeDemoCompany(store, generateDemoCompany({ vouchers: VOUCHERS, seed: 42, until: TODAY }));
store.db.pragma('wal_checkpoint(TRUNCATE)');
console.log(`stored in ${((performance.now() - t) / 1000).toFixed(1)} s`);

const company = store.requireCompany(loaded.companyGuid);
const masters = loadMasters(store.db, company);
const renderer = new ChromiumPdfRenderer({ executablePath: CHROMIUM });
try {
  // The outstanding reports are made once for the whole run, as a reminder run makes them.
  t = performance.now();
  const reports = (['receivable', 'payable'] as const).map((kind) => ({
    kind,
    report: outstanding(store.db, masters, { kind, asOn: TODAY, buckets: BUCKETS }),
  }));
  const outstandingMs = performance.now() - t;
  const candidates: { kind: 'receivable' | 'payable'; party: OutstandingParty }[] = reports.flatMap(
    ({ kind, report }) =>
      report.parties.filter((p) => p.bills.some((b) => !b.onAccount)).map((party) => ({ kind, party })),
  );
  candidates.sort((a, b) => b.party.total - a.party.total);
  const chosen = candidates.slice(0, PARTIES);
  if (chosen.length < PARTIES)
    console.log(`The demo company has ${chosen.length} parties with pending bills; measuring those.`);

  // Chromium starts once, before the clock (a desktop app keeps its window).
  t = performance.now();
  await renderer.measure('<p>warm</p>', 'p');
  const startMs = performance.now() - t;

  const from = yearStartOf(TODAY, company.yearStartMonth ?? 4);
  const timings = { build: [] as number[], pdf: [] as number[], total: [] as number[] };
  const sendTimings = new Map(SEND_STEPS.map((s) => [s.name, [] as number[]]));
  let bytes = 0;
  const wall = performance.now();
  const cpu0 = process.cpuUsage();
  for (const [i, { kind, party }] of chosen.entries()) {
    const t0 = performance.now();
    const statement = statementFor(party, { companyName: company.name, kind, asOn: TODAY, interest: null });
    let ledger: StatementLedger | null = null;
    if (WITH_LEDGER) {
      const l = ledgerStatement(store.db, masters, { ledgerGuid: party.ledgerGuid, from, to: TODAY });
      ledger = { ...l, lines: l.lines };
    }
    const t1 = performance.now();
    const pdf = await statementPdf(
      {
        statement,
        company: {
          name: company.name,
          address: ['Bhiwandi, Thane'],
          gstin: DEMO_COMPANY_GSTIN,
          state: 'Maharashtra',
        },
        ledger,
        language: LANGUAGE,
      },
      renderer,
    );
    const t2 = performance.now();
    for (const step of SEND_STEPS) {
      const s = performance.now();
      await step.run({ statement, pdf });
      sendTimings.get(step.name)!.push(performance.now() - s);
    }
    const t3 = performance.now();
    timings.build.push(t1 - t0);
    timings.pdf.push(t2 - t1);
    timings.total.push(t3 - t0);
    bytes += pdf.byteLength;
    if (i < KEEP) writeFileSync(join(keepDir, `statement-${i + 1}.pdf`), pdf);
  }
  const wallMs = performance.now() - wall;
  const used = process.cpuUsage(cpu0);
  const n = chosen.length;
  const row = (name: string, values: number[]) =>
    `${name.padEnd(22)} ${(sum(values) / n).toFixed(1).padStart(8)} ${percentile(values, 50).toFixed(1).padStart(8)} ${percentile(values, 95).toFixed(1).padStart(8)} ${Math.max(
      ...values,
    )
      .toFixed(1)
      .padStart(8)}`;
  console.log(`
Statements of account: ${n} parties of the demo company (${VOUCHERS.toLocaleString('en-IN')} vouchers), as on ${TODAY}, ${LANGUAGE}, ${WITH_LEDGER ? `with the ledger from ${from}` : 'bills and ageing only'}
Machine: ${cpus().length} cores, load average ${load0.toFixed(2)} at the start, ${loadavg()[0]!.toFixed(2)} at the end
Chromium started in ${startMs.toFixed(0)} ms (once); outstanding reports (once) ${outstandingMs.toFixed(0)} ms
${'ms per party'.padEnd(22)} ${'mean'.padStart(8)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}
${row('build (store)', timings.build)}
${row('PDF (Chromium)', timings.pdf)}
${SEND_STEPS.map((s) => row(s.name, sendTimings.get(s.name)!)).join('\n')}${SEND_STEPS.length ? '\n' : ''}${row('total', timings.total)}
Wall ${(wallMs / 1000).toFixed(1)} s for ${n} parties = ${(wallMs / n).toFixed(1)} ms per party (goal ≤ 100 ms); this process's CPU ${((used.user + used.system) / 1000 / n).toFixed(1)} ms per party; PDFs ${(bytes / n / 1024).toFixed(0)} KB on average; first ${Math.min(KEEP, n)} kept in ${keepDir}`);
} finally {
  await renderer.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
