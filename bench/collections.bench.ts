/**
 * `npm run bench:collections`: a reminder run over many parties of the demo company, as the app does it:
 * each party's statement built from the store (its line of the outstanding report), its statement of
 * account rendered to PDF by headless Chromium (electron/core/print/chromium-pdf.ts) with the company's
 * letterhead, and the e-mail with the PDF attached sent to a local SMTP server (bench/smtp-sink.ts: another
 * process, STARTTLS and AUTH, one connection a message as the app sends) through the run itself
 * (collections/reminder-run.ts: logged "sending" then "sent" in SQLite), pacing off. Timed per party and
 * per step (build, PDF, send), with this process's and Chromium's CPU beside the wall time, and the load
 * average. The goal (issue 28 §4): ≤ 100 ms per party, PDF included. Results are printed, not written.
 *
 *   npm run bench:collections -- [--parties 500] [--vouchers 1600000] [--ledger] [--language en|mr|hi]
 *     [--pages 2] [--ahead 2]   (Chromium pages, and parties whose PDF is made ahead while one is sent)
 *     [--sequential]            (also a run with one page and nothing ahead: each step on its own)
 *     [--keep N]                (keeps the first N PDFs under test-output/bench-collections to look at)
 *     [--prompt-server]         (the mail server greets at once, not after smtp-server's 100 ms; see smtp-sink.ts)
 *     [--db FILE]               (the demo books kept in FILE and reused by the next run: no 7-minute load)
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  type PartyContact,
  type ReminderPlan,
  runReminders,
} from '../electron/core/collections/reminder-run';
import { SqliteReminderStore } from '../electron/core/collections/reminder-store-sqlite';
import {
  createSmtpSender,
  type EmailAttachment,
  nodemailerTransport,
} from '../electron/core/collections/smtp-sender';
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
import { formatDateIndian, yearStartOf } from '../shared/dates';
import type { StatementLedger } from '../shared/print/statement';
import type { StatementLanguage } from '../shared/print/statement-words';
import type { OutstandingParty } from '../shared/types/reports';
import { SINK_PASSWORD, SINK_USER } from './smtp-sink';

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
const PAGES = Number(option('pages') ?? 2);
const AHEAD = Number(option('ahead') ?? 2);
const SEQUENTIAL = args.includes('--sequential');
const DB = option('db');
const PROMPT_SERVER = args.includes('--prompt-server');
const TODAY = '2026-11-25';
const BUCKETS = [30, 60, 90, 180];
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TICK = 100; // clock ticks a second in /proc/<pid>/stat (USER_HZ)

const percentile = (values: number[], p: number): number => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))] ?? 0;
};
const sum = (values: number[]): number => values.reduce((s, v) => s + v, 0);

/** CPU time (ms) of this process's descendants (Chromium and its helpers), the mail server's left out. */
function childrenCpuMs(exclude: number | undefined): number {
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command (which may hold spaces) in parentheses: state ppid ... utime(14) stime(15).
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(rest[1]));
      cpu.set(Number(name), Number(rest[11]) + Number(rest[12]));
    } catch {
      // A process that ended while being read.
    }
  }
  let total = 0;
  for (const [pid, ticks] of cpu) {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) {
      if (p === exclude || pid === exclude) break;
      if (p === process.pid) {
        total += ticks;
        break;
      }
    }
  }
  return (total * 1000) / TICK;
}

/** The mail server in its own process: its port and certificate. */
async function startSink(): Promise<{ port: number; cert: string; pid: number; stop(): Promise<string> }> {
  const sinkArgs = [
    '--import',
    'tsx',
    join(import.meta.dirname, 'smtp-sink.ts'),
    ...(PROMPT_SERVER ? ['--prompt'] : []),
  ];
  const child = spawn(process.execPath, sinkArgs, {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const { port, cert } = JSON.parse(String(first.value)) as { port: number; cert: string };
  return {
    port,
    cert,
    pid: child.pid ?? -1,
    async stop() {
      child.stdin.end();
      const last = await iterator.next();
      await new Promise((resolve) => child.once('exit', resolve));
      return String(last.value ?? '');
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'tc-bench-collections-'));
const keepDir = join(process.cwd(), 'test-output', 'bench-collections');
mkdirSync(keepDir, { recursive: true });
let t = performance.now();
const reuse = DB !== undefined && existsSync(DB);
const store = openStore(DB ?? join(dir, 'bench.db'));
let companyGuid: string;
if (reuse) {
  const found = store.db.prepare('SELECT guid FROM companies LIMIT 1').pluck().get();
  if (typeof found !== 'string')
    throw new Error(`${DB} holds no company; delete it to have the demo books made again`);
  companyGuid = found;
  console.log(`Reusing the demo books in ${DB}`);
} else {
  console.log(`Generating and storing ${VOUCHERS.toLocaleString('en-IN')} demo vouchers ...`);
  companyGuid = writeDemoCompany(
    store,
    generateDemoCompany({ vouchers: VOUCHERS, seed: 42, until: TODAY }),
  ).companyGuid;
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  console.log(`stored in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

const company = store.requireCompany(companyGuid);
const masters = loadMasters(store.db, company);
const letterhead = {
  name: company.name,
  address: ['Bhiwandi, Thane 421302'],
  gstin: DEMO_COMPANY_GSTIN,
  state: 'Maharashtra',
};
const sink = await startSink();
const log = new SqliteReminderStore(store.db);

interface Measured {
  label: string;
  n: number;
  buildMs: number[];
  pdfMs: number[];
  sendMs: number[];
  wallMs: number;
  cpuMs: number;
  chromiumCpuMs: number;
  load: [number, number];
  bytes: number;
  sent: number;
  failed: number;
}

/**
 * One reminder run over the chosen parties: statements built from the outstanding reports (made once, as
 * a run makes them), then runReminders with the PDF as the attachment and the real SMTP sender.
 */
async function measure(
  label: string,
  chosen: { kind: 'receivable' | 'payable'; party: OutstandingParty }[],
  pages: number,
  ahead: number,
): Promise<Measured> {
  const renderer = new ChromiumPdfRenderer({ executablePath: CHROMIUM, pages });
  try {
    // Chromium and its pages start before the clock (the desktop app keeps its window).
    await Promise.all(Array.from({ length: pages }, () => renderer.measure('<p>warm</p>', 'p')));
    const from = yearStartOf(TODAY, company.yearStartMonth ?? 4);
    const load0 = loadavg()[0]!;
    const cpu0 = process.cpuUsage();
    const chromium0 = childrenCpuMs(sink.pid);
    const wall = performance.now();

    const buildMs: number[] = [];
    const statements: PartyStatement[] = [];
    const ledgers = new Map<string, StatementLedger>();
    for (const { kind, party } of chosen) {
      const t0 = performance.now();
      statements.push(statementFor(party, { companyName: company.name, kind, asOn: TODAY, interest: null }));
      if (WITH_LEDGER) {
        const l = ledgerStatement(store.db, masters, { ledgerGuid: party.ledgerGuid, from, to: TODAY });
        ledgers.set(party.ledgerGuid, { ...l, lines: l.lines });
      }
      buildMs.push(performance.now() - t0);
    }
    const contact = (s: PartyStatement, i: number): PartyContact => ({
      ledgerGuid: s.ledgerGuid,
      emails: [`party${i + 1}@bench.test`],
      mobile: null,
      language: LANGUAGE,
    });
    const plan: ReminderPlan = {
      companyGuid: company.guid,
      minDaysBetween: 0,
      toSend: statements.map((statement, i) => ({ statement, contact: contact(statement, i) })),
      withoutEmail: [],
      recentlySent: [],
    };
    const runId = `bench-${label}-${Date.now()}`;
    log.startRun(runId, company.guid, 'manual', new Date().toISOString(), {
      selection: { kind: 'overdue-above', amount: 0 },
      asOn: TODAY,
    });
    const pdfMs: number[] = [];
    const sendMs: number[] = [];
    let bytes = 0;
    let kept = 0;
    const smtp = createSmtpSender(
      {
        host: '127.0.0.1',
        port: sink.port,
        security: 'starttls',
        user: SINK_USER,
        password: SINK_PASSWORD,
        from: { name: company.name, address: SINK_USER },
        ca: sink.cert,
      },
      nodemailerTransport,
    );
    const summary = await runReminders(
      plan,
      {
        store: log,
        sender: {
          async send(email) {
            const s = performance.now();
            const result = await smtp.send(email);
            sendMs.push(performance.now() - s);
            return result;
          },
        },
        clock: () => new Date(),
        // Pacing off: the bench measures the work, not the wait between messages.
        sleep: async () => undefined,
        attachmentsFor: async (statement): Promise<EmailAttachment[]> => {
          const s = performance.now();
          const pdf = await statementPdf(
            {
              statement,
              company: letterhead,
              ledger: ledgers.get(statement.ledgerGuid) ?? null,
              language: LANGUAGE,
            },
            renderer,
          );
          pdfMs.push(performance.now() - s);
          bytes += pdf.byteLength;
          if (kept < KEEP) writeFileSync(join(keepDir, `statement-${++kept}.pdf`), pdf);
          return [
            {
              filename: `Statement-${statement.partyName}-${formatDateIndian(TODAY)}.pdf`,
              content: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength),
              contentType: 'application/pdf',
            },
          ];
        },
      },
      { runId, messagesPerMinute: 120, prepareAhead: ahead },
    );
    const wallMs = performance.now() - wall;
    const used = process.cpuUsage(cpu0);
    return {
      label,
      n: chosen.length,
      buildMs,
      pdfMs,
      sendMs,
      wallMs,
      cpuMs: (used.user + used.system) / 1000,
      chromiumCpuMs: childrenCpuMs(sink.pid) - chromium0,
      load: [load0, loadavg()[0]!],
      bytes,
      sent: summary.sent,
      failed: summary.failed,
    };
  } finally {
    await renderer.close();
  }
}

function report(m: Measured): string {
  const { n } = m;
  const row = (name: string, values: number[]) =>
    `${name.padEnd(24)} ${(sum(values) / Math.max(1, values.length)).toFixed(1).padStart(8)} ${percentile(values, 50).toFixed(1).padStart(8)} ${percentile(values, 95).toFixed(1).padStart(8)} ${Math.max(
      0,
      ...values,
    )
      .toFixed(1)
      .padStart(8)}`;
  return `
${m.label}: ${n} parties, ${m.sent} sent, ${m.failed} failed; load average ${m.load[0].toFixed(2)} at the start, ${m.load[1].toFixed(2)} at the end
${'ms per party'.padEnd(24)} ${'mean'.padStart(8)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}
${row('build (store)', m.buildMs)}
${row('PDF (Chromium)', m.pdfMs)}
${row('send (SMTP, STARTTLS)', m.sendMs)}
Wall ${(m.wallMs / 1000).toFixed(1)} s = ${(m.wallMs / n).toFixed(1)} ms per party (goal ≤ 100 ms); CPU per party: this process ${(m.cpuMs / n).toFixed(1)} ms, Chromium ${(m.chromiumCpuMs / n).toFixed(1)} ms (wall × ${cpus().length} cores = ${((m.wallMs * cpus().length) / n).toFixed(0)} ms); PDFs ${(m.bytes / n / 1024).toFixed(0)} KB on average`;
}

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
  console.log(
    `Statements of account and e-mails: ${chosen.length} parties of the demo company (${VOUCHERS.toLocaleString('en-IN')} vouchers), as on ${TODAY}, ${LANGUAGE}, ${WITH_LEDGER ? 'with the ledger for the year' : 'bills and ageing only'}; outstanding reports (once) ${outstandingMs.toFixed(0)} ms; machine ${cpus().length} cores`,
  );
  const runs: Measured[] = [];
  if (SEQUENTIAL) runs.push(await measure('one page, each step in turn', chosen, 1, 0));
  runs.push(await measure(`${PAGES} pages, ${AHEAD} ahead`, chosen, PAGES, AHEAD));
  for (const m of runs) console.log(report(m));
  console.log(
    `Mail server${PROMPT_SERVER ? ' (greeting at once)' : ' (greeting after 100 ms)'}: ${await sink.stop()}; first ${Math.min(KEEP, chosen.length)} PDFs kept in ${keepDir}`,
  );
} finally {
  store.close();
  rmSync(dir, { recursive: true, force: true });
  // Rows the runs logged are kept with the books; the next run starts its own runs.
}
