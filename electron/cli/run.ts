import { resolve as resolvePath } from 'node:path';
import { createCore } from '../core/app';
import { companySummary } from '../core/reports/company-list';
import { openStore, type Store } from '../core/db/store';
import { loadDemoCompany } from '../core/demo/load';
import { DEMO_DEFAULT_YEARS } from '../core/demo/generator';
import { isLogLevel, streamLogger } from '../core/logger';
import { todayInIndia } from '../core/service/report-handlers';
import { toErrorInfo } from '../core/service/dispatch';
import { AppError, type Envelope } from '../../shared/errors';
import { parseArgs, resolveCliDataDir } from './args';
import { COMMANDS, commandInput } from './commands';
import { readJsonFileFlags, writeOut } from './gst-commands';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  now?: () => Date;
}

const USAGE = `TallyConnect command line: every command prints JSON (errors: a JSON envelope on stderr, exit 1).

  npm run cli -- <command> [options] [--data-dir DIR] [--compact]

Commands:
${Object.entries(COMMANDS)
  .map(([name, spec]) => `  ${name.padEnd(15)} ${spec.summary}`)
  .join('\n')}
  demo            Generate the demo company: [--db PATH] [--vouchers N] [--seed S] [--until DATE] [--years N]
  import          Import Tally XML exports: import <Masters.xml> <DayBook.xml> (UTF-16 or UTF-8)
  call            Any contract operation: call <operation> '<json input>'
  help            This text

Data folder: --data-dir, else TALLYCONNECT_DATA_DIR, else %APPDATA%\\TallyConnect (Windows) or
~/.config/TallyConnect. See docs/CLI.md.`;

function numberFlag(flags: Map<string, string | true>, name: string, fallback: number): number {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  const value = raw === true ? NaN : Number(raw);
  if (!Number.isInteger(value))
    throw new AppError('VALIDATION', `--${name} must be a whole number`, { field: name });
  return value;
}

function stringFlag(flags: Map<string, string | true>, name: string): string | undefined {
  const raw = flags.get(name);
  if (raw === true) throw new AppError('VALIDATION', `--${name} needs a value`, { field: name });
  return raw;
}

/** `demo`: writes straight into a database file (--db) or the data folder's database. */
function runDemo(store: Store, flags: Map<string, string | true>, now: () => Date): unknown {
  const known = new Set(['db', 'vouchers', 'seed', 'until', 'years', 'data-dir', 'compact']);
  for (const flag of flags.keys()) {
    if (!known.has(flag))
      throw new AppError('VALIDATION', `Unknown option --${flag} for "demo"`, { field: flag });
  }
  const started = performance.now();
  const result = loadDemoCompany(store, {
    vouchers: numberFlag(flags, 'vouchers', 5_000),
    seed: numberFlag(flags, 'seed', 42),
    until: stringFlag(flags, 'until') ?? todayInIndia(now()),
    years: numberFlag(flags, 'years', DEMO_DEFAULT_YEARS),
  });
  return {
    database: store.path,
    seconds: Math.round(performance.now() - started) / 1000,
    company: companySummary(store.db, result.companyGuid),
  };
}

/** Runs one CLI invocation; returns the process exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const { command, positional, flags } = parseArgs(argv);
  const compact = flags.has('compact');
  const print = (value: unknown): void => io.stdout(`${JSON.stringify(value, null, compact ? 0 : 2)}\n`);
  const fail = (envelope: Envelope<never>): number => {
    io.stderr(`${JSON.stringify(envelope, null, compact ? 0 : 2)}\n`);
    return 1;
  };
  if (command === null || command === 'help' || flags.has('help')) {
    io.stdout(`${USAGE}\n`);
    return command === null && !flags.has('help') ? 1 : 0;
  }
  const now = io.now ?? (() => new Date());
  const level = io.env.TALLYCONNECT_LOG_LEVEL;
  const logger = streamLogger({ write: (t: string) => io.stderr(t) }, isLogLevel(level) ? level : 'warn');
  try {
    const dataDirFlag = stringFlag(flags, 'data-dir');
    if (command === 'demo' && flags.has('db')) {
      const path = stringFlag(flags, 'db');
      if (!path) throw new AppError('VALIDATION', '--db needs a file path', { field: 'db' });
      const store = openStore(path, { now });
      try {
        print(runDemo(store, flags, now));
      } finally {
        store.close();
      }
      return 0;
    }
    const core = await createCore({
      dataDir: resolveCliDataDir(dataDirFlag, io.env),
      mode: 'cli',
      env: io.env,
      logger,
      now,
    });
    try {
      if (command === 'demo') {
        print(runDemo(core.store, flags, now));
        return 0;
      }
      let operation: string;
      let input: unknown;
      if (command === 'call') {
        const [name, json] = positional;
        if (!name)
          throw new AppError('VALIDATION', "call needs an operation name: call <operation> '<json>'");
        operation = name;
        try {
          input = json === undefined ? {} : JSON.parse(json);
        } catch {
          throw new AppError('VALIDATION', `The input of "call ${name}" is not valid JSON: ${json}`, {
            field: 'input',
          });
        }
      } else if (command === 'import') {
        if (positional.length === 0) {
          throw new AppError('VALIDATION', 'import needs file paths: import <Masters.xml> <DayBook.xml>', {
            field: 'paths',
          });
        }
        // npm run changes the working folder; INIT_CWD is where the user typed the command.
        operation = 'import.files';
        input = { paths: positional.map((p) => resolvePath(io.env.INIT_CWD ?? process.cwd(), p)) };
      } else {
        const spec = COMMANDS[command];
        if (!spec) {
          throw new AppError('VALIDATION', `Unknown command "${command}" (run "npm run cli -- help")`, {
            field: 'command',
          });
        }
        operation = spec.operation;
        input = readJsonFileFlags(spec, commandInput(command, spec, flags), io.env.INIT_CWD ?? process.cwd());
      }
      const envelope = await core.dispatch(operation, input, { caller: 'cli', user: null });
      if (!envelope.ok) return fail(envelope);
      const spec = COMMANDS[command];
      for (const note of spec?.notes?.(envelope.data) ?? []) io.stderr(`${note}\n`);
      const shown = spec?.show ? spec.show(envelope.data) : envelope.data;
      const out = stringFlag(flags, 'out');
      if (out !== undefined) print(writeOut(out, shown, io.env.INIT_CWD ?? process.cwd(), compact));
      else print(shown);
      return 0;
    } finally {
      await core.close();
    }
  } catch (error) {
    return fail({
      ok: false,
      error: toErrorInfo(error, (e) => logger.error('unexpected error', { error: e })),
    });
  }
}
