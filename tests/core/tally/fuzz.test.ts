import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../shared/errors';
import { openStore, type Store } from '../../../electron/core/db/store';
import { importFiles } from '../../../electron/core/import/file-import';
import { createTallyClient } from '../../../electron/core/tally/client';
import { runSync } from '../../../electron/core/sync/engine';
import { createProgressTracker } from '../../../electron/core/sync/progress';
import { collectionHead, collectionTail, renderVoucher } from '../../../tools/tally-sim/render';
import { startTallySimulator } from '../../../tools/tally-sim/server';
import { smallCompanySource } from '../../fixtures/tally/small-company';
import { rng } from '../../helpers/rng';

/**
 * Fixed seeds and sizes keep CI deterministic; FUZZ_SEED and FUZZ_ROUNDS (a multiplier) run deeper
 * searches locally, e.g. `FUZZ_SEED=424242 FUZZ_ROUNDS=6 npx vitest run tests/core/tally/fuzz.test.ts`.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20251125);
const ROUNDS = Math.max(1, Number(process.env.FUZZ_ROUNDS ?? 1));

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/tally/${name}`, import.meta.url)), 'utf8');

const NASTY = [
  '<',
  '>',
  '&',
  '&#4;',
  '&#',
  '\u0001',
  '\uFFFF',
  '</VOUCHER>',
  '<AMOUNT>',
  '"',
  ' ',
  '-',
  '9',
  '\uD800',
];

function mutate(text: string, random: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(random() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * out.length);
    const kind = random();
    if (kind < 0.25)
      out = out.slice(0, at); // truncate
    else if (kind < 0.5)
      out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 20)); // delete
    else if (kind < 0.8)
      out = out.slice(0, at) + NASTY[Math.floor(random() * NASTY.length)] + out.slice(at); // insert
    else {
      const from = Math.floor(random() * out.length);
      out = out.slice(0, at) + out.slice(from, from + 40) + out.slice(at); // duplicate a piece
    }
  }
  return out;
}

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tc-fuzz-'));
  store = openStore(':memory:');
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

interface VoucherRow {
  guid: string;
  voucher_number: string;
  alter_id: number;
  e: string | null;
}

const snapshot = (): VoucherRow[] =>
  store.db
    .prepare(
      `SELECT v.guid, v.voucher_number, v.alter_id, group_concat(e.ledger_guid || ':' || e.amount) AS e
       FROM vouchers v LEFT JOIN ledger_entries e ON e.voucher_id = v.id GROUP BY v.id ORDER BY v.guid`,
    )
    .all() as VoucherRow[];

/** After a run that succeeded on mutated input: every voucher there, each one balancing. */
function expectCompleteCopy(clean: VoucherRow[], label: string): void {
  const now = snapshot();
  expect(now.length, `${label}: vouchers`).toBe(clean.length);
  for (const row of now) {
    const amounts = (row.e ?? '').split(',').map((pair) => Number(pair.slice(pair.lastIndexOf(':') + 1)));
    expect(
      amounts.reduce((a, b) => a + b, 0),
      `${label}: voucher ${row.guid} balances`,
    ).toBe(0);
  }
}

describe('fuzzing the parser with mutated Tally XML', () => {
  it('never crashes and never half-writes an import', async () => {
    const masters = join(dir, 'Masters.xml');
    writeFileSync(masters, fixture('masters.xml'));
    const daybook = fixture('daybook.xml');
    const progress = createProgressTracker({ runId: 'f', now: () => 0, emit: () => undefined });
    const good = join(dir, 'good.xml');
    writeFileSync(good, daybook);
    await importFiles({ store, paths: [masters, good], runId: 'f', progress, now: () => 0 });
    const clean = snapshot();
    const random = rng(SEED);
    let failures = 0;
    const cases = 250 * ROUNDS;
    for (let i = 0; i < cases; i++) {
      const path = join(dir, `m${i}.xml`);
      const encoded =
        random() < 0.5 ? Buffer.from(`\uFEFF${mutate(daybook, random)}`, 'utf16le') : mutate(daybook, random);
      writeFileSync(path, encoded);
      // An earlier harmless mutation may have been imported (a GUID or narration with a stray character):
      // what a failed import must leave untouched is whatever was there just before it.
      const before = snapshot();
      try {
        await importFiles({ store, paths: [masters, path], runId: 'f', progress, now: () => 0 });
      } catch (error) {
        failures++;
        expect(error, `case ${i}`).toBeInstanceOf(AppError);
        expect(snapshot(), `case ${i} half-wrote`).toEqual(before);
        continue;
      }
      // A mutation may also be harmless (e.g. inside a narration): then the import stored a complete copy.
      expectCompleteCopy(clean, `case ${i}`);
      if (i % 25 === 0) {
        await importFiles({ store, paths: [masters, good], runId: 'f', progress, now: () => 0 });
      }
      expect(store.db.inTransaction).toBe(false);
    }
    expect(failures).toBeGreaterThan(cases * 0.4);
  });

  it('never crashes and never half-writes a sync from a misbehaving Tally', async () => {
    const sim = await startTallySimulator([smallCompanySource()]);
    try {
      const deps = () => ({
        client: createTallyClient({ host: '127.0.0.1', port: sim.port, attempts: 1, timeoutMs: 5000 }),
        store,
        progress: createProgressTracker({ runId: 'f', now: () => 0, emit: () => undefined }),
        now: () => 0,
        signal: new AbortController().signal,
        runId: 'f',
      });
      await runSync({ full: true }, deps());
      const clean = snapshot();
      const c = sim.company();
      const answer = collectionHead + [...c.all()].map((v) => renderVoucher(v)).join('') + collectionTail;
      const random = rng(SEED ^ 7);
      for (let i = 0; i < 40 * ROUNDS; i++) {
        sim.clearFaults();
        sim.addFault({
          match: 'TCVouchers',
          times: 1,
          fault: { kind: 'garbage', text: mutate(answer, random) },
        });
        const before = snapshot();
        try {
          await runSync({ full: true }, deps());
        } catch (error) {
          expect(error, `case ${i}`).toBeInstanceOf(AppError);
          expect(snapshot(), `case ${i} half-wrote`).toEqual(before);
          continue;
        }
        // A harmless mutation (well-formed, e.g. a stray ">" inside a GUID): a complete, consistent copy.
        expectCompleteCopy(clean, `case ${i}`);
      }
    } finally {
      await sim.stop();
    }
  });
});
