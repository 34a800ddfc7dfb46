import { readFileSync } from 'node:fs';
import { createCollectionsArea } from '../../../electron/core/collections/area';
import { openStore } from '../../../electron/core/db/store';
import { createEventBus } from '../../../electron/core/events/bus';
import { silentLogger } from '../../../electron/core/logger';
import { fakeStatementPdf, keyedSecretBox } from './books';

/**
 * A TallyConnect process that starts a reminder run and keeps sending until it is killed
 * (collections-crash.test.ts kills it half-way). Everything comes from the environment.
 */
const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const store = openStore(env('TC_DB'));
const events = createEventBus();
const area = createCollectionsArea({
  store,
  events,
  secretBox: keyedSecretBox(env('TC_KEY')),
  now: () => new Date(),
  logger: silentLogger,
  statementPdf: fakeStatementPdf,
  smtpCa: readFileSync(env('TC_CA'), 'utf8'),
  smtpTimeoutMs: 60_000,
});
events.on('collections.progress', (p) => process.stdout.write(`${JSON.stringify(p.event)}\n`));
const run = area.startRun({
  companyGuid: env('TC_COMPANY'),
  selection: { kind: 'overdue-above', amount: 0 },
});
process.stdout.write(`run ${run.runId}\n`);
