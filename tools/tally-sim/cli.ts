import { parseArgs } from 'node:util';
import type { FaultRule } from './server';
import { NO_REAL_SHAPES, type RealShapeOptions } from './shapes';

/** Each --no-… flag switches one of real Tally's shapes off (shapes.ts); --plain all of them. */
const SHAPE_FLAGS = {
  'no-cmpinfo': 'cmpinfo',
  'no-type-attributes': 'typeAttributes',
  'no-primary-parent': 'primaryParent',
  'no-profit-and-loss-ledger': 'profitAndLossLedger',
  'no-misleading-sub-group-flags': 'misleadingSubGroupFlags',
  'no-groups-twice': 'groupsTwice',
  'no-count-rows': 'countRows',
  'no-non-posting-vouchers': 'nonPostingVouchers',
} as const satisfies Record<string, keyof RealShapeOptions>;

export const USAGE = `Usage: npm run tally:sim -- [options]

Serves a generated demo company the way TallyPrime answers XML requests, with real Tally's shapes.

Options:
  --vouchers N            vouchers to generate (default 50000)
  --seed N                random seed of the demo company (default 42)
  --port N                port to listen on (default 9000, as Tally)
  --host ADDRESS          address to listen on (default 127.0.0.1)
  --slow MS               answer every request MS milliseconds late
  --drop-after BYTES      cut every answer after BYTES bytes
  --error TEXT            answer every request with <LINEERROR>TEXT</LINEERROR>
  --empty                 answer every request with an empty body
  --earlier-profit RUPEES profit of the years before the books (in the opening P&L)
  --plain                 none of real Tally's shapes (all the --no-… flags below)
${Object.keys(SHAPE_FLAGS)
  .map((flag) => `  --${flag}`)
  .join('\n')}
  -h, --help              this text
`;

export interface SimOptions {
  vouchers: number;
  seed: number;
  port: number;
  host: string;
  realShapes: Partial<RealShapeOptions>;
  earlierProfitPaise: number | undefined;
  faults: FaultRule[];
}

export type SimCommand =
  { kind: 'help' } | { kind: 'error'; message: string } | { kind: 'run'; options: SimOptions };

class UsageError extends Error {}

function wholeNumber(name: string, text: string | undefined): number {
  const n = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isInteger(n) || n < 0) {
    throw new UsageError(`--${name} must be a whole number, got "${text ?? ''}"`);
  }
  return n;
}

/** The command line in words: what to run, or the help, or what was wrong (never a stack trace). */
export function parseSimArgs(args: readonly string[]): SimCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        ...(Object.fromEntries(
          Object.keys(SHAPE_FLAGS).map((flag) => [flag, { type: 'boolean', default: false }]),
        ) as Record<keyof typeof SHAPE_FLAGS, { type: 'boolean'; default: false }>),
        help: { type: 'boolean', short: 'h', default: false },
        plain: { type: 'boolean', default: false },
        'earlier-profit': { type: 'string' },
        vouchers: { type: 'string', default: '50000' },
        seed: { type: 'string', default: '42' },
        port: { type: 'string', default: '9000' },
        host: { type: 'string', default: '127.0.0.1' },
        slow: { type: 'string' },
        'drop-after': { type: 'string' },
        error: { type: 'string' },
        empty: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    // parseArgs says "Unknown option '--x'" or "Option '--port <value>' argument missing".
    const text = error instanceof Error ? error.message.split('. ')[0] : String(error);
    return { kind: 'error', message: text ?? 'The options could not be read' };
  }
  if (values.help) return { kind: 'help' };
  try {
    const realShapes: Partial<RealShapeOptions> = values.plain ? { ...NO_REAL_SHAPES } : {};
    for (const [flag, shape] of Object.entries(SHAPE_FLAGS) as [
      keyof typeof SHAPE_FLAGS,
      keyof RealShapeOptions,
    ][]) {
      if (values[flag]) realShapes[shape] = false;
    }
    const faults: FaultRule[] = [];
    if (values.slow !== undefined)
      faults.push({ fault: { kind: 'slow', delayMs: wholeNumber('slow', values.slow) } });
    if (values['drop-after'] !== undefined)
      faults.push({ fault: { kind: 'drop', afterBytes: wholeNumber('drop-after', values['drop-after']) } });
    if (values.error !== undefined) faults.push({ fault: { kind: 'error', message: values.error } });
    if (values.empty) faults.push({ fault: { kind: 'empty' } });
    const port = wholeNumber('port', values.port);
    if (port > 65535) throw new UsageError(`--port must be from 0 to 65535, got ${port}`);
    return {
      kind: 'run',
      options: {
        vouchers: wholeNumber('vouchers', values.vouchers),
        seed: wholeNumber('seed', values.seed),
        port,
        host: values.host,
        realShapes,
        earlierProfitPaise:
          values['earlier-profit'] === undefined
            ? undefined
            : wholeNumber('earlier-profit', values['earlier-profit']) * 100,
        faults,
      },
    };
  } catch (error) {
    if (error instanceof UsageError) return { kind: 'error', message: error.message };
    throw error;
  }
}
