import { parseArgs } from 'node:util';
import { generateDemoCompany } from '../../electron/core/demo/generator';
import { startTallySimulator, type FaultRule } from './server';
import { NO_REAL_SHAPES, type RealShapeOptions } from './shapes';

/**
 * `npm run tally:sim -- [--vouchers 50000] [--seed 42] [--port 9000] [--host 127.0.0.1]
 *   [--slow MS] [--drop-after BYTES] [--error "LINEERROR text"] [--empty]
 *   [--earlier-profit RUPEES] [--plain] [--no-cmpinfo] [--no-type-attributes] [--no-primary-parent]
 *   [--no-profit-and-loss-ledger] [--no-misleading-sub-group-flags] [--no-groups-twice]
 *   [--no-count-rows] [--no-non-posting-vouchers]`
 * Serves the generated demo company the way TallyPrime answers XML requests, with real Tally's shapes
 * (shapes.ts); each --no-… flag switches one off, --plain all of them.
 */
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

const { values } = parseArgs({
  options: {
    ...(Object.fromEntries(
      Object.keys(SHAPE_FLAGS).map((flag) => [flag, { type: 'boolean', default: false }]),
    ) as Record<keyof typeof SHAPE_FLAGS, { type: 'boolean'; default: false }>),
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
});

const int = (name: string, text: string | undefined): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number, got "${text}"`);
    process.exit(2);
  }
  return n;
};

const demo = generateDemoCompany({
  vouchers: int('vouchers', values.vouchers),
  seed: int('seed', values.seed),
});
const realShapes: Partial<RealShapeOptions> = values.plain ? { ...NO_REAL_SHAPES } : {};
for (const [flag, shape] of Object.entries(SHAPE_FLAGS) as [
  keyof typeof SHAPE_FLAGS,
  keyof RealShapeOptions,
][]) {
  if (values[flag]) realShapes[shape] = false;
}
const sim = await startTallySimulator([demo], {
  port: int('port', values.port),
  host: values.host,
  realShapes,
  ...(values['earlier-profit'] !== undefined
    ? { earlierProfit: int('earlier-profit', values['earlier-profit']) * 100 }
    : {}),
});
const faults: FaultRule[] = [];
if (values.slow) faults.push({ fault: { kind: 'slow', delayMs: int('slow', values.slow) } });
if (values['drop-after'])
  faults.push({ fault: { kind: 'drop', afterBytes: int('drop-after', values['drop-after']) } });
if (values.error) faults.push({ fault: { kind: 'error', message: values.error } });
if (values.empty) faults.push({ fault: { kind: 'empty' } });
for (const f of faults) sim.addFault(f);

console.log(`Tally simulator: "${demo.company.name}" (${values.vouchers} vouchers) on ${sim.url}`);
console.log(
  `Control: curl ${sim.url}/_sim/status | -X POST ${sim.url}/_sim/add | ${sim.url}/_sim/fault | ${sim.url}/_sim/clear`,
);
const stop = (): void => {
  void sim.stop().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
