import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../../electron/core/db/store';
import { generateDemoCompany, type DemoCompany } from '../../../electron/core/demo/generator';
import { importFiles } from '../../../electron/core/import/file-import';
import { runSync } from '../../../electron/core/sync/engine';
import { createProgressTracker } from '../../../electron/core/sync/progress';
import { createTallyClient } from '../../../electron/core/tally/client';
import { renderAllMastersExport, renderDayBookExport } from '../../../tools/tally-sim/export-files';
import { startTallySimulator } from '../../../tools/tally-sim/server';
import { storeContents } from '../../helpers/store-contents';

/**
 * The two ways books arrive — Tally's own Export files (All Masters and Day Book, objects inside
 * TALLYMESSAGE, UTF-16LE with a BOM and CRLF) and a sync over the XML port — must give the same books.
 */

let dir: string;
const stores: Store[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tc-import-sync-'));
});
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Writes an Export > XML file as Tally does: UTF-16LE with a byte-order mark. */
function exportFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, Buffer.from(`\uFEFF${text}`, 'utf16le'));
  return path;
}

/** One clock for the files and the simulator: the post-dated vouchers both hold are dated from it. */
const NOW = (): number => Date.parse('2026-12-02T06:00:00Z');

/**
 * The company's All Masters and Day Book as real Tally writes them (tools/tally-sim/export-files.ts):
 * the parentless Profit & Loss A/c, primary groups written twice, sub-groups with misleading flags, a
 * COMPANY object with its dates, and orders, memoranda, post-dated, cancelled and optional vouchers.
 */
function exportFiles(demo: DemoCompany): string[] {
  const masters = renderAllMastersExport(demo, { now: NOW });
  const dayBook = renderDayBookExport(demo, { now: NOW });
  // Day Book first: the import must find the masters file itself.
  return [exportFile('DayBook.xml', dayBook), exportFile('Masters.xml', masters)];
}

describe('import of Tally export files', () => {
  it('gives the same books as a sync of the same company', async () => {
    const demo = generateDemoCompany({ vouchers: 800, seed: 5, years: 2 });
    const progress = createProgressTracker({ runId: 'i', now: () => 0, emit: () => undefined });

    const imported = openStore(':memory:');
    stores.push(imported);
    const importResult = await importFiles({
      store: imported,
      paths: exportFiles(demo),
      runId: 'i',
      progress,
      now: () => 0,
    });

    const sim = await startTallySimulator([demo], { now: NOW });
    const synced = openStore(':memory:');
    stores.push(synced);
    try {
      let t = 0;
      await runSync(
        { full: true },
        {
          client: createTallyClient({ host: '127.0.0.1', port: sim.port, attempts: 1, timeoutMs: 10_000 }),
          store: synced,
          progress,
          now: () => (t += 1),
          signal: new AbortController().signal,
          runId: 's',
        },
      );
    } finally {
      await sim.stop();
    }

    const fromFiles = storeContents(imported);
    const fromTally = storeContents(synced);
    expect(importResult.vouchersWritten).toBeGreaterThan(700);
    expect((fromTally.bills as unknown[]).length).toBeGreaterThan(100);
    expect((fromTally.billTotals as unknown[]).length).toBeGreaterThan(50);
    for (const part of Object.keys(fromTally)) {
      // The company row records where the books came from and when; the books themselves must match.
      if (part === 'company') continue;
      expect(fromFiles[part], part).toEqual(fromTally[part]);
    }
  });
});
