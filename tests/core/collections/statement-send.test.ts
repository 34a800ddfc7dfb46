import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createCollectionsArea, type CollectionsArea } from '../../../electron/core/collections/area';
import { DEFAULT_REMINDER_SETTINGS } from '../../../electron/core/collections/settings-store';
import { type StatementPdf, statementPdfWith } from '../../../electron/core/collections/statement-pdf';
import { openStore, type Store } from '../../../electron/core/db/store';
import { createEventBus } from '../../../electron/core/events/bus';
import { silentLogger } from '../../../electron/core/logger';
import { ChromiumPdfRenderer } from '../../../electron/core/print/chromium-pdf';
import { formatInr } from '../../../shared/money';
import { tempDir, TINY_GUID } from '../db/fixtures';
import { ASHA, testSecretBox, writeWithDebtors } from './books';
import { PASSWORD, smtpSettingsFor, startMailServer, type TestMailServer } from './smtp-fixture';
import { headerRowOf } from '../../helpers/workbook';

/**
 * Reminder e-mails carry the real statement of account: the print engine's PDF made by Chromium (as serve
 * mode wires it) with the company's letterhead and the party's address from the store, and the Excel copy
 * when the settings ask for it, delivered through a real SMTP server.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = path.resolve('test-output/statement-send');
const AS_ON = '2025-06-30';
const dir = tempDir('tc-coll-send-');
afterAll(() => dir.cleanup());

const SMTP = (port: number) => smtpSettingsFor(port);

function pdfText(pdf: Uint8Array, name: string): string {
  mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '1', file, path.join(OUT, name)]);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('reminder e-mails with the statement of account attached', () => {
  let server: TestMailServer;
  let store: Store;
  let area: CollectionsArea | null = null;
  const renderer = new ChromiumPdfRenderer({ executablePath: CHROMIUM, pages: 2 });

  beforeEach(async () => {
    server = await startMailServer();
    store = openStore(dir.path(`books-${Math.random().toString(16).slice(2)}.db`));
    writeWithDebtors(store, 2);
  });
  afterEach(async () => {
    await area?.close();
    area = null;
    store.close();
    await server.close();
  });
  afterAll(() => renderer.close());

  function open(statementPdf: StatementPdf | null): CollectionsArea {
    const box = testSecretBox();
    area = createCollectionsArea({
      store,
      events: createEventBus(),
      secretBox: box,
      now: () => new Date('2025-06-30T06:00:00Z'),
      logger: silentLogger,
      statementPdf,
      smtpCa: server.cert,
      smtpTimeoutMs: 5_000,
      sleep: async () => undefined,
    });
    area.settings.setSmtpSettings(TINY_GUID, SMTP(server.port), PASSWORD);
    return area;
  }

  it('attaches the PDF byte for byte as made for the party, with the letterhead, address and total, and the Excel copy', async () => {
    // What Chromium made for each party, to compare with what arrived.
    const made = new Map<string, Uint8Array>();
    const real = statementPdfWith(renderer, () => renderer.problem());
    const a = open({
      unavailable: () => real.unavailable(),
      make: async (input) => {
        const pdf = await real.make(input);
        made.set(input.statement.partyName, pdf);
        return pdf;
      },
    });
    a.settings.setReminderSettings(TINY_GUID, { ...DEFAULT_REMINDER_SETTINGS, attachExcel: true });
    a.parties.update(TINY_GUID, 'L-D1', { language: 'mr' });

    const preview = a.preview(TINY_GUID, { kind: 'overdue-above', amount: 0 }, AS_ON);
    expect(preview.statementProblem).toBeNull();
    const asha = preview.messages.find((m) => m.ledgerGuid === ASHA)!;
    expect(asha.attachesStatement).toBe(true);
    expect(asha.attachments).toEqual([
      'Statement-Asha Stores-30-06-2025.pdf',
      'Statement-Asha Stores-30-06-2025.xlsx',
    ]);

    const run = a.startRun({
      companyGuid: TINY_GUID,
      selection: { kind: 'overdue-above', amount: 0 },
      asOn: AS_ON,
    });
    expect(await a.finished(run.runId)).toMatchObject({ status: 'finished', sent: 3, failed: 0 });
    expect(server.received).toHaveLength(3);

    const mail = server.received.find(
      (m) => m.subject?.includes('Tiny Traders') && m.text?.includes('Asha'),
    )!;
    expect(mail).toBeDefined();
    const [pdf, xlsx] = mail.attachments;
    expect(pdf).toMatchObject({
      filename: 'Statement-Asha Stores-30-06-2025.pdf',
      contentType: 'application/pdf',
    });
    expect(Buffer.compare(pdf!.content, Buffer.from(made.get('Asha Stores')!))).toBe(0);
    const text = pdfText(pdf!.content, 'asha');
    // The company's profile (name, address, GSTIN) and the party's address from its ledger.
    expect(text).toContain('Tiny Traders Pvt Ltd');
    expect(text).toContain('12, Tilak Road');
    expect(text).toContain('Pune 411030');
    expect(text).toContain('GSTIN: 27AAACT1234A1Z5');
    expect(text).toContain('5, Market Road');
    expect(text).toContain('Satara 415001');
    expect(text).toContain(`Total due: ${formatInr(asha.totalDue)}`);

    // The Excel copy: the same bills, adding up to the same total.
    expect(xlsx).toMatchObject({
      filename: 'Statement-Asha Stores-30-06-2025.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(xlsx!.content).buffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('Statement of account - Asha Sto');
    const header = headerRowOf(sheet);
    const pending = (sheet.getRow(header).values as unknown[]).indexOf('Pending amount');
    expect(pending).toBeGreaterThan(0);
    let bills = 0;
    let total: number | null = null;
    sheet.eachRow((row, n) => {
      if (n <= header) return;
      const value = Math.round(Number(row.getCell(pending).value ?? 0) * 100);
      if (row.getCell(1).value === 'Total') total = value;
      else bills += value;
    });
    expect(total).toBe(asha.totalDue);
    expect(bills).toBe(asha.totalDue);

    // The log: both files (names, sizes, hashes of what arrived) and the amounts as sent.
    const [entry] = a.log.partyLog(TINY_GUID, ASHA);
    expect(entry).toMatchObject({
      state: 'sent',
      attachments: [
        {
          filename: 'Statement-Asha Stores-30-06-2025.pdf',
          bytes: pdf!.content.length,
          contentType: 'application/pdf',
          sha256: sha256(pdf!.content),
        },
        {
          filename: 'Statement-Asha Stores-30-06-2025.xlsx',
          bytes: xlsx!.content.length,
          sha256: sha256(xlsx!.content),
        },
      ],
      amounts: { asOn: AS_ON, totalDue: asha.totalDue, overdue: asha.overdue },
    });

    // Debtor 1 reads Marathi: its statement is printed in Marathi.
    const d1 = server.received.find((m) => m.attachments[0]?.filename?.startsWith('Statement-Debtor 1-'))!;
    expect(pdfText(d1.attachments[0]!.content, 'debtor1-mr').replace(/\s+/g, '')).toContain('खातेउतारा');
  }, 60_000);

  it('without Chromium the preview says why the PDF cannot be made, and the messages go as previewed', async () => {
    const missing = new ChromiumPdfRenderer({ executablePath: '/nonexistent/chromium' });
    const a = open(statementPdfWith(missing, () => missing.problem()));
    const preview = a.preview(TINY_GUID, { kind: 'parties', ledgerGuids: [ASHA] }, AS_ON);
    expect(preview.statementProblem).toMatch(/Chromium was not found at \/nonexistent\/chromium/);
    expect(preview.messages[0]).toMatchObject({ attachesStatement: false, attachments: [] });

    const run = a.startRun({
      companyGuid: TINY_GUID,
      selection: { kind: 'parties', ledgerGuids: [ASHA] },
      asOn: AS_ON,
    });
    expect(await a.finished(run.runId)).toMatchObject({ status: 'finished', sent: 1 });
    expect(server.received[0]!.attachments).toEqual([]);
    expect(server.received[0]!.text).toContain('stands as follows');
    expect(server.received[0]!.text).not.toContain('attached');
    expect(a.log.partyLog(TINY_GUID, ASHA)[0]!.attachments).toEqual([]);
  });

  it('a Chromium that will not start fails each party with the reason (nothing sent without its statement)', async () => {
    // /bin/false exists and runs, but is no browser: the launch fails after the preview said all was well.
    const broken = new ChromiumPdfRenderer({ executablePath: '/bin/false' });
    const a = open(statementPdfWith(broken, () => broken.problem()));
    expect(a.preview(TINY_GUID, { kind: 'overdue-above', amount: 0 }, AS_ON).statementProblem).toBeNull();
    const run = a.startRun({
      companyGuid: TINY_GUID,
      selection: { kind: 'overdue-above', amount: 0 },
      asOn: AS_ON,
    });
    expect(await a.finished(run.runId)).toMatchObject({ status: 'finished', sent: 0, failed: 3 });
    expect(server.received).toHaveLength(0);
    expect(a.log.partyLog(TINY_GUID, ASHA)[0]).toMatchObject({
      state: 'failed',
      reason: 'attachment',
      error: expect.stringContaining('would not start'),
    });
    // Now the preview says why.
    expect(a.preview(TINY_GUID, { kind: 'overdue-above', amount: 0 }, AS_ON).statementProblem).toMatch(
      /Chromium \(\/bin\/false\) would not start/,
    );
    await broken.close();
  }, 60_000);
});
