import { join } from 'node:path';
import { parseArgs, resolveCliDataDir } from '../../../electron/cli/args';
import { runCli } from '../../../electron/cli/run';
import { tempDir } from '../db/fixtures';

const dir = tempDir('tc-cli-');
afterAll(() => dir.cleanup());

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    env: { REDIS_ENABLED: 'false', TALLYCONNECT_DATA_DIR: dir.path('data') },
    now: () => new Date('2026-11-25T06:00:00Z'),
  });
  return { code, out, err };
}

describe('command line', () => {
  it('parses flags in both spellings and finds the data folder', () => {
    expect(parseArgs(['dashboard', '--company', 'G', '--fy=2025-26', '--compact'])).toEqual({
      command: 'dashboard',
      positional: [],
      flags: new Map<string, string | true>([
        ['company', 'G'],
        ['fy', '2025-26'],
        ['compact', true],
      ]),
    });
    expect(
      resolveCliDataDir(undefined, { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32', 'C:\\Users\\a'),
    ).toBe(join('C:\\Users\\a\\AppData\\Roaming', 'TallyConnect'));
    expect(resolveCliDataDir(undefined, {}, 'linux', '/home/a')).toBe('/home/a/.config/TallyConnect');
    expect(resolveCliDataDir(undefined, { TALLYCONNECT_DATA_DIR: '/srv/tc' }, 'linux', '/home/a')).toBe(
      '/srv/tc',
    );
    expect(resolveCliDataDir('/x', { TALLYCONNECT_DATA_DIR: '/srv/tc' }, 'linux', '/home/a')).toBe('/x');
  });

  it('generates the demo company into a database path and reports through the same contract', async () => {
    const db = dir.path('demo.db');
    const demo = await cli(['demo', '--db', db, '--vouchers', '300', '--seed', '9']);
    expect(demo.code).toBe(0);
    const company = JSON.parse(demo.out).company as { guid: string; counts: { vouchers: number } };
    expect(company.counts.vouchers).toBe(300);

    const loaded = await cli(['demo', '--vouchers', '300', '--seed', '9']);
    expect(loaded.code).toBe(0);
    const dashboard = await cli(['dashboard', '--company', company.guid, '--fy', '2025-26', '--compact']);
    expect(dashboard.code).toBe(0);
    expect(JSON.parse(dashboard.out).data.fy).toBe('2025-26');
    const generic = await cli(['call', 'companies.list', '{}']);
    expect(JSON.parse(generic.out).data[0].guid).toBe(company.guid);
  });

  it('answers the financial statements and stock reports with their flags', async () => {
    const db = dir.path('statements.db');
    const demo = await cli([
      'demo',
      '--db',
      db,
      '--vouchers',
      '400',
      '--seed',
      '11',
      '--until',
      '2026-11-25',
    ]);
    const guid = (JSON.parse(demo.out) as { company: { guid: string } }).company.guid;
    await cli(['demo', '--vouchers', '400', '--seed', '11', '--until', '2026-11-25']);
    const data = async (args: string[]): Promise<Record<string, unknown>> => {
      const r = await cli([...args, '--company', guid, '--compact']);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      return (JSON.parse(r.out) as { data: Record<string, unknown> }).data;
    };
    const sheet = await data(['balance-sheet', '--as-on', '2026-03-31']);
    expect(sheet.asOn).toBe('2026-03-31');
    const groups = await data([
      'group-summary',
      '--group',
      'Sundry Debtors',
      '--from',
      '2025-04-01',
      '--to',
      '2026-03-31',
    ]);
    expect((groups.group as { name: string }).name).toBe('Sundry Debtors');
    const stock = await data(['stock-summary', '--from', '2025-04-01', '--to', '2026-03-31']);
    expect((stock.rows as unknown[]).length).toBeGreaterThan(0);
    const found = await cli(['ledgers', '--company', guid, '--query', 'Sales', '--compact']);
    const ledger = JSON.parse(found.out) as { guid: string }[];
    const monthly = await data([
      'ledger-monthly',
      '--ledger',
      ledger[0]!.guid,
      '--from',
      '2025-04-01',
      '--to',
      '2026-03-31',
    ]);
    expect((monthly.months as unknown[]).length).toBe(12);
    // Comparison columns: a period and an as-on date (from its year's start).
    const compared = await data(['profit-loss-compare', '--columns', '2026-04-01..2026-11-25,2026-03-31']);
    expect(compared.columns).toEqual([
      { from: '2026-04-01', to: '2026-11-25' },
      { from: '2025-04-01', to: '2026-03-31' },
    ]);
    const reversed = await cli([
      'balance-sheet-compare',
      '--company',
      guid,
      '--columns',
      '2026-03-31,2025-05-01..2025-04-01',
    ]);
    expect(reversed.code).toBe(1);
    expect(reversed.err).toContain('columns.1.to');
  });

  it('prints errors as a JSON envelope on stderr with exit code 1', async () => {
    const unknown = await cli(['dashboard', '--company', 'nope', '--fy', '2025-26']);
    expect(unknown.code).toBe(1);
    expect(unknown.out).toBe('');
    expect(JSON.parse(unknown.err)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const badFlag = await cli(['dashboard', '--colour', 'red']);
    expect(JSON.parse(badFlag.err)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.parse(badFlag.err).error.message).toContain('--colour');
    const badJson = await cli(['call', 'companies.list', '{oops']);
    expect(JSON.parse(badJson.err).error.message).toMatch(/not valid JSON/);
    const badCommand = await cli(['frobnicate']);
    expect(badCommand.code).toBe(1);
    expect(JSON.parse(badCommand.err).error.message).toMatch(/Unknown command "frobnicate"/);
    const badNumber = await cli(['ledgers', '--company', 'x', '--limit', 'ten']);
    expect(JSON.parse(badNumber.err).error.message).toMatch(/--limit must be a number/);
  });

  it('prints usage for help', async () => {
    const help = await cli(['help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/npm run cli -- <command>/);
  });
});
