import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, type Store } from '../../../electron/core/db/store';
import { importFiles } from '../../../electron/core/import/file-import';
import { createProgressTracker } from '../../../electron/core/sync/progress';

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/tally/${name}`, import.meta.url)), 'utf8');
const utf16WithBom = (text: string): Buffer =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/\n/g, '\r\n'), 'utf16le')]);

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tc-import-'));
  store = openStore(':memory:');
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const run = (paths: string[]) =>
  importFiles({
    store,
    paths,
    runId: 'imp',
    now: () => 0,
    progress: createProgressTracker({ runId: 'imp', now: () => 0, emit: () => undefined }),
  });

const count = (table: string): number =>
  (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('file import', () => {
  it('names the company on its progress as soon as the files say which it is', async () => {
    const seen: { phase: string; companyGuid: string | null }[] = [];
    await importFiles({
      store,
      paths: [write('M.xml', fixture('masters.xml')), write('D.xml', fixture('daybook.xml'))],
      runId: 'imp',
      now: () => 0,
      progress: createProgressTracker({
        runId: 'imp',
        now: () => 0,
        minIntervalMs: 0,
        emit: (p) => seen.push({ phase: p.phase, companyGuid: p.companyGuid }),
      }),
    });
    // Staff on the portal see only progress naming their companies: the company must be on it early.
    const storing = seen.find((p) => p.phase === 'storing');
    expect(storing?.companyGuid).toBe('f1f1f1f1-0000-4000-8000-000000000001');
  });

  it('imports UTF-16LE (BOM, CRLF) Masters and a UTF-8 Day Book, in either order', async () => {
    const masters = write('Masters.xml', utf16WithBom(fixture('masters.xml')));
    const daybook = write('DayBook.xml', fixture('daybook.xml'));
    const result = await run([daybook, masters]);
    expect(result).toMatchObject({
      kind: 'import',
      companyGuid: 'f1f1f1f1-0000-4000-8000-000000000001',
      companyName: 'Fixture Traders & Co',
      vouchersWritten: 4, // the cancelled one too: kept off the books, listed in the day book
      mastersWritten: 10,
    });
    expect(count('vouchers')).toBe(4);
    expect(store.db.prepare('SELECT off_books FROM vouchers WHERE is_cancelled = 1').pluck().all()).toEqual([
      'cancelled',
    ]);
    const mehta = store.db
      .prepare(
        `SELECT l.opening_balance + coalesce(sum(e.amount),0) AS b FROM ledgers l
         LEFT JOIN ledger_entries e ON e.ledger_guid = l.guid AND e.company_id = l.company_id
           AND e.voucher_id IN (SELECT id FROM vouchers WHERE off_books IS NULL) WHERE l.name = ?`,
      )
      .get('Mehta & Sons') as { b: number };
    expect(mehta.b).toBe(5_000_000 + 2_500_000 - 830_000);
    const company = store.db
      .prepare('SELECT source, voucher_alter_id AS v, master_alter_id AS m FROM companies')
      .get();
    expect(company).toEqual({ source: 'import', v: 104, m: 21 });
  });

  it.each([
    [
      'a truncated day book',
      (d: string) => d.slice(0, Math.floor(d.length * 0.6)),
      /DayBook2.xml ended early \(truncated or the connection was cut\) while reading voucher/,
    ],
    [
      'an unknown ledger',
      (d: string) => d.replaceAll('HDFC Bank', 'ICICI Bank'),
      /unknown ledger "ICICI Bank".*exported at different times \(a ledger created, renamed or deleted in between\): export All Masters and the Day Book again/,
    ],
    [
      'a duplicate GUID',
      (d: string) => d.replace('-00000104</GUID>', '-00000101</GUID>'),
      /appears twice \(duplicate GUID\)/,
    ],
    [
      'an unbalanced voucher',
      (d: string) => d.replace('<AMOUNT>1180.50</AMOUNT>', '<AMOUNT>1000</AMOUNT>'),
      /does not balance/,
    ],
    ['an illegal character reference in a name', (d: string) => d.replace('PO-9', 'PO&#1;-9'), null],
  ])('handles %s: clear error, database unchanged', async (_name, mutate, message) => {
    const masters = write('Masters.xml', fixture('masters.xml'));
    await run([masters, write('DayBook.xml', fixture('daybook.xml'))]);
    const before = store.db
      .prepare('SELECT guid, alter_id, voucher_number FROM vouchers ORDER BY guid')
      .all();
    const bad = write('DayBook2.xml', utf16WithBom(mutate(fixture('daybook.xml'))));
    if (message === null) {
      // Illegal characters are cleaned, not fatal.
      await expect(run([masters, bad])).resolves.toMatchObject({ vouchersWritten: 4 });
      expect(store.db.prepare("SELECT reference FROM vouchers WHERE reference LIKE 'PO%'").get()).toEqual({
        reference: 'PO-9',
      });
      return;
    }
    await expect(run([masters, bad])).rejects.toThrow(message);
    expect(
      store.db.prepare('SELECT guid, alter_id, voucher_number FROM vouchers ORDER BY guid').all(),
    ).toEqual(before);
  });

  it('refuses files of the wrong encoding and missing files, naming them', async () => {
    const latin1 = write(
      'Latin.xml',
      Buffer.from(fixture('masters.xml').replace('Mehta', 'M\u00e9hta'), 'latin1'),
    );
    await expect(run([latin1])).rejects.toThrow(/Latin.xml is not valid UTF-8 text/);
    await expect(run([join(dir, 'missing.xml')])).rejects.toThrow(/Cannot read .*missing.xml/);
    expect(count('companies')).toBe(0);
  });

  it('asks for the masters export when only a Day Book is given, and keeps the company it has', async () => {
    await run([write('Masters.xml', fixture('masters.xml')), write('DayBook.xml', fixture('daybook.xml'))]);
    const vouchers = count('vouchers');
    await expect(run([write('DayBook-only.xml', fixture('daybook.xml'))])).rejects.toThrow(
      /vouchers but no masters .*export All Masters from Tally too/,
    );
    expect(count('vouchers')).toBe(vouchers);
    expect(count('ledgers')).toBeGreaterThan(0);
  });
});
