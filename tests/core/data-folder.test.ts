import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../electron/core/app';
import { securePrivateFolder, windowsPrivateAclArgs } from '../../electron/core/data-folder';
import { INTERRUPTED_SYNC, openStore } from '../../electron/core/db/store';
import { attachGstSummaries } from '../../electron/core/gst/summary-db';
import { TINY_GUID, writeTiny } from './db/fixtures';

/**
 * The data folder holds the books, portal password hashes and the session-signing key. It used to be
 * created drwxr-xr-x with tallyconnect.db and portal.db -rw-r--r--: any user of the PC could read them.
 */
const modeOf = (path: string): number => statSync(path).mode & 0o777;

/** Every folder and file under dir with its permission bits. */
function tree(dir: string): { path: string; dir: boolean; mode: number }[] {
  const out: { path: string; dir: boolean; mode: number }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const info = statSync(path);
    out.push({ path, dir: info.isDirectory(), mode: info.mode & 0o777 });
    if (info.isDirectory()) out.push(...tree(path));
  }
  return out;
}

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'tc-data-folder-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the data folder is readable by its user only', () => {
  it('creates the folder 0700 and the databases (with their -wal/-shm) 0600, whatever the umask', async () => {
    const previous = process.umask(0o022);
    try {
      const dataDir = join(root, 'data');
      const core = await createCore({ dataDir, mode: 'test' });
      writeTiny(core.store);
      await core.portal.accounts.save(
        { username: 'asha', displayName: 'Asha', role: 'staff', companies: [], disabled: false },
        await core.portal.hasher.hash('asha-password-1'),
      );
      // The GST month summaries' database beside the books (attached when a return is first asked for).
      attachGstSummaries(core.store.db);
      core.store.db.prepare("DELETE FROM gsts.months WHERE company_guid = 'none'").run();
      expect(modeOf(dataDir)).toBe(0o700);
      const files = tree(dataDir);
      const names = files.map((f) => f.path.slice(dataDir.length + 1));
      expect(names).toEqual(
        expect.arrayContaining([
          'tallyconnect.db',
          'portal.db',
          'tallyconnect.db-wal',
          'tallyconnect.db.gst-summaries',
          'tallyconnect.db.gst-summaries-wal',
        ]),
      );
      for (const f of files) expect(f.mode, f.path).toBe(f.dir ? 0o700 : 0o600);
      await core.close();
    } finally {
      process.umask(previous);
    }
  });

  it('fixes a folder and files an older version left open, at start', async () => {
    const dataDir = join(root, 'old');
    mkdirSync(join(dataDir, 'logs'), { recursive: true });
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, 'logs'), 0o755);
    writeFileSync(join(dataDir, 'logs', 'main.log'), 'x', { mode: 0o644 });
    writeFileSync(join(dataDir, '.env'), 'PORTAL_ENABLED=false\n', { mode: 0o644 });
    const old = openStore(join(dataDir, 'tallyconnect.db'));
    old.close();
    chmodSync(join(dataDir, 'tallyconnect.db'), 0o644);
    const core = await createCore({ dataDir, mode: 'test' });
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(join(dataDir, 'logs'))).toBe(0o700);
    for (const f of tree(dataDir)) expect(f.mode, f.path).toBe(f.dir ? 0o700 : 0o600);
    await core.close();
  });

  it('on Windows gives the folder the ACL of a per-user folder (user, SYSTEM, Administrators, nothing inherited)', async () => {
    const calls: string[][] = [];
    const report = await securePrivateFolder(join(root, 'win'), {
      platform: 'win32',
      windowsUser: 'OFFICE\\ravi',
      icacls: async (args) => {
        calls.push(args);
      },
    });
    expect(report.problem).toBeNull();
    expect(calls).toEqual([windowsPrivateAclArgs(join(root, 'win'), 'OFFICE\\ravi')]);
    expect(calls[0]).toEqual(
      expect.arrayContaining(['/inheritance:r', 'OFFICE\\ravi:(OI)(CI)F', '*S-1-5-18:(OI)(CI)F']),
    );
    const failed = await securePrivateFolder(join(root, 'win2'), {
      platform: 'win32',
      windowsUser: 'ravi',
      icacls: async () => {
        throw new Error('Access is denied.');
      },
    });
    expect(failed.problem).toMatch(/Could not limit the data folder to ravi: Access is denied/);
  });
});

describe('a sync the last run did not finish', () => {
  it('no longer shows "syncing" after a restart', async () => {
    const dataDir = join(root, 'killed');
    const first = await createCore({ dataDir, mode: 'test' });
    writeTiny(first.store);
    // The process is killed mid-sync: the status it wrote at the start is all that remains.
    first.store.markSyncStatus(TINY_GUID, 'syncing');
    await first.close();
    const second = await createCore({ dataDir, mode: 'test' });
    const answer = await second.dispatch('companies.list', {}, { caller: 'test', user: null });
    expect(answer.ok).toBe(true);
    const company = answer.ok ? answer.data.data.find((c) => c.guid === TINY_GUID) : undefined;
    expect(company?.syncStatus).toBe('error');
    expect(company).toMatchObject({ syncError: INTERRUPTED_SYNC });
    await second.close();
  });
});
