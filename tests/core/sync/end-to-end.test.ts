import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, type Core } from '../../../electron/core/app';
import type { CallContext } from '../../../electron/core/service/types';
import { startTallySimulator, type TallySimulator } from '../../../tools/tally-sim/server';
import { cashSale, SMALL_GUID, smallCompanySource } from '../../fixtures/tally/small-company';

const ctx: CallContext = { caller: 'test', user: null };
let sim: TallySimulator;
let dir: string;
let core: Core;

beforeEach(async () => {
  sim = await startTallySimulator([smallCompanySource()]);
  dir = mkdtempSync(join(tmpdir(), 'tc-e2e-'));
  core = await createCore({
    dataDir: dir,
    mode: 'test',
    env: { TALLY_HOST: '127.0.0.1', TALLY_PORT: String(sim.port) },
  });
});
afterEach(async () => {
  await core.close();
  await sim.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('sync end to end through the core', () => {
  it('sync, cached dashboard, change in Tally, sync, dashboard shows the new numbers', async () => {
    const changed: string[] = [];
    core.events.on('books.changed', (e) => changed.push(e.companyGuid));

    const first = await core.dispatch('sync.start', {}, ctx);
    // 6 in the books + 20 that real Tally has and does not post (the dashboard below counts only the 6).
    expect(first).toMatchObject({ ok: true, data: [{ kind: 'full', vouchersWritten: 26 }] });

    const d1 = await core.dispatch('dashboard.get', { companyGuid: SMALL_GUID, fy: '2025-26' }, ctx);
    const d1again = await core.dispatch('dashboard.get', { companyGuid: SMALL_GUID, fy: '2025-26' }, ctx);
    if (!d1.ok || !d1again.ok) throw new Error(JSON.stringify(d1));
    expect(d1.data.data.kpis.sales).toBe(2_050_050);
    expect(d1again.data.source).toBe('cache');

    sim.company().addVoucher(cashSale('0000fff0', '2025-06-01', 500_00));
    const second = await core.dispatch('sync.start', { companyGuid: SMALL_GUID }, ctx);
    expect(second).toMatchObject({ ok: true, data: [{ kind: 'incremental', vouchersWritten: 1 }] });

    const d2 = await core.dispatch('dashboard.get', { companyGuid: SMALL_GUID, fy: '2025-26' }, ctx);
    if (!d2.ok) throw new Error(JSON.stringify(d2));
    expect(d2.data.source).toBe('database');
    expect(d2.data.data.kpis.sales).toBe(2_100_050);
    expect(changed).toEqual([SMALL_GUID, SMALL_GUID]);

    const status = await core.dispatch('sync.status', {}, ctx);
    expect(status).toMatchObject({ ok: true, data: { running: false, progress: { phase: 'done' } } });
    expect(await core.dispatch('sync.cancel', {}, ctx)).toEqual({ ok: true, data: { cancelled: false } });
  });

  it('answers envelopes in plain words: connection test, import of files, bad input', async () => {
    const info = await core.dispatch('tally.testConnection', {}, ctx);
    expect(info).toMatchObject({ ok: true, data: { reachable: true, companies: [{ name: 'Small & Co' }] } });

    const fixture = (name: string): string =>
      readFileSync(fileURLToPath(new URL(`../../fixtures/tally/${name}`, import.meta.url)), 'utf8');
    const masters = join(dir, 'Masters.xml');
    const daybook = join(dir, 'DayBook.xml');
    writeFileSync(
      masters,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixture('masters.xml'), 'utf16le')]),
    );
    writeFileSync(daybook, fixture('daybook.xml'));
    const imported = await core.dispatch('import.files', { paths: [masters, daybook] }, ctx);
    expect(imported).toMatchObject({
      ok: true,
      data: { kind: 'import', companyName: 'Fixture Traders & Co', vouchersWritten: 4 }, // cancelled one kept
    });

    const missing = await core.dispatch('import.files', { paths: [join(dir, 'nope.xml')] }, ctx);
    expect(missing).toMatchObject({ ok: false, error: { code: 'IMPORT_INVALID' } });
    const invalid = await core.dispatch('sync.start', { full: 'yes' }, ctx);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
