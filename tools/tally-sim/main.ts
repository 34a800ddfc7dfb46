import { generateDemoCompany } from '../../electron/core/demo/generator';
import { parseSimArgs, USAGE } from './cli';
import { startTallySimulator } from './server';

/**
 * `npm run tally:sim -- [options]` (see --help, cli.ts): serves the generated demo company the way
 * TallyPrime answers XML requests, with real Tally's shapes (shapes.ts).
 */
const command = parseSimArgs(process.argv.slice(2));
if (command.kind === 'help') {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (command.kind === 'error') {
  process.stderr.write(`${command.message}\n\n${USAGE}`);
  process.exit(2);
}
const options = command.options;

const demo = generateDemoCompany({ vouchers: options.vouchers, seed: options.seed });
const sim = await startTallySimulator([demo], {
  port: options.port,
  host: options.host,
  realShapes: options.realShapes,
  ...(options.earlierProfitPaise !== undefined ? { earlierProfit: options.earlierProfitPaise } : {}),
});
for (const fault of options.faults) sim.addFault(fault);

console.log(`Tally simulator: "${demo.company.name}" (${options.vouchers} vouchers) on ${sim.url}`);
console.log(
  `Control: curl ${sim.url}/_sim/status | -X POST ${sim.url}/_sim/add | ${sim.url}/_sim/fault | ${sim.url}/_sim/clear`,
);
const stop = (): void => {
  void sim.stop().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
