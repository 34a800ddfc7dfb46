import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, type Store } from '../../../electron/core/db/store';
import { importFiles } from '../../../electron/core/import/file-import';
import { createProgressTracker } from '../../../electron/core/sync/progress';

/**
 * Import of files in the shapes of real Tally exports found on GitHub (tests/fixtures/tally/real-shapes,
 * hand-written; sources in docs/TALLY-SOURCES.md §12): a masters export holding inventory masters only, a
 * masters file exported after a ledger was renamed, and the pair that matches.
 */

const shape = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/tally/real-shapes/${name}`, import.meta.url)), 'utf8');
// As Tally writes an export: UTF-16LE with a byte-order mark, CRLF line ends.
const utf16WithBom = (text: string): Buffer =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf16le')]);

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tc-real-shapes-'));
  store = openStore(':memory:');
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, utf16WithBom(text));
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

// The party as the masters file names it (renamed after the Day Book was exported).
const matchingDayBook = (): string =>
  shape('payment-daybook.xml').replaceAll('Ramesh Dairy', 'Ramesh Dairy (Anand)');

describe('real export shapes', () => {
  it('says the masters hold only inventory masters when no group or ledger came with the Day Book', async () => {
    await expect(
      run([write('Master.xml', shape('inventory-masters.xml')), write('DayBook.xml', matchingDayBook())]),
    ).rejects.toThrow(
      /unknown ledger "Ramesh Dairy \(Anand\)"\. The files hold no groups or ledgers, only inventory masters .*accounting masters too/,
    );
    expect(count('companies')).toBe(0);
  });

  it('names no direction when a voucher uses a ledger the masters file has under a new name', async () => {
    await expect(
      run([
        write('Master.xml', shape('accounting-masters.xml')),
        write('Transactions.xml', shape('payment-daybook.xml')),
      ]),
    ).rejects.toThrow(
      /unknown ledger "Ramesh Dairy"\. The masters file and the Day Book were probably exported at different times \(a ledger created, renamed or deleted in between\)/,
    );
    expect(count('vouchers')).toBe(0);
  });

  it('imports the matching pair: company GUID from the object GUIDs, bills with both credit-period forms', async () => {
    const result = await run([
      write('Transactions.xml', matchingDayBook()),
      write('Master.xml', shape('accounting-masters.xml')),
    ]);
    expect(result).toMatchObject({
      companyGuid: '5b1c0e2a-7d3f-4e61-9a80-2c4d6e8f0a12',
      companyName: 'Lakshmi Sweets',
      vouchersWritten: 1,
      mastersWritten: 7,
    });
    // Debit positive paise: the party is paid 9,000 (debit), the bank pays it (credit).
    expect(
      store.db
        .prepare(
          `SELECT l.name, e.amount FROM entries e JOIN ledgers l ON l.id = e.ledger_id ORDER BY e.amount DESC`,
        )
        .all(),
    ).toEqual([
      { name: 'Ramesh Dairy (Anand)', amount: 900_000 },
      { name: 'Bank of Baroda', amount: -900_000 },
    ]);
    // P="31-Mar-24" is a due date with a two-digit year; P="10 Days" counts from the voucher date.
    expect(
      store.db
        .prepare(
          'SELECT bill_name, bill_type, amount, credit_period_days, due_date FROM bill_allocations ORDER BY id',
        )
        .all(),
    ).toEqual([
      {
        bill_name: 'Consolidated',
        bill_type: 'Agst Ref',
        amount: 700_000,
        credit_period_days: null,
        due_date: '2024-03-31',
      },
      {
        bill_name: '1',
        bill_type: 'Advance',
        amount: 200_000,
        credit_period_days: 10,
        due_date: '2024-04-11',
      },
    ]);
    expect(
      store.db.prepare('SELECT bill_name, bill_date, amount, due_date FROM ledger_opening_bills').all(),
    ).toEqual([
      { bill_name: 'Consolidated', bill_date: '2024-03-31', amount: -900_000, due_date: '2024-03-31' },
    ]);
    // Openings: bank 60,000 Dr; party 9,000 Cr; capital 51,000 Cr.
    expect(store.db.prepare('SELECT sum(opening_balance) FROM ledgers').pluck().get()).toBe(0);
  });
});
