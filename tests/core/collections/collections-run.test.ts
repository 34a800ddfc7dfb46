import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createCollectionsArea, type CollectionsArea } from '../../../electron/core/collections/area';
import { DEFAULT_REMINDER_SETTINGS } from '../../../electron/core/collections/settings-store';
import { openStore, type Store } from '../../../electron/core/db/store';
import { createEventBus } from '../../../electron/core/events/bus';
import { silentLogger } from '../../../electron/core/logger';
import type { AppEvents } from '../../../shared/contract';
import { tempDir, TINY_GUID } from '../db/fixtures';
import { ASHA, fakeStatementPdf, keyedSecretBox, writeWithDebtors } from './books';
import { PASSWORD, REFUSED, smtpSettingsFor, startMailServer, type TestMailServer } from './smtp-fixture';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const dir = tempDir('tc-coll-run-');
afterAll(() => dir.cleanup());

const SMTP = (port: number) => smtpSettingsFor(port, 'dues@tiny.example');

function setUp(server: TestMailServer, key: string, debtors: number, perMinute = 120): string {
  const path = dir.path(`books-${randomBytes(4).toString('hex')}.db`);
  const store = openStore(path);
  writeWithDebtors(store, debtors);
  const area = createCollectionsArea({
    store,
    events: createEventBus(),
    secretBox: keyedSecretBox(key),
    now: () => new Date(),
    logger: silentLogger,
    statementPdf: null,
  });
  area.settings.setSmtpSettings(TINY_GUID, SMTP(server.port), PASSWORD);
  area.settings.setReminderSettings(TINY_GUID, {
    ...DEFAULT_REMINDER_SETTINGS,
    messagesPerMinute: perMinute,
  });
  store.close();
  return path;
}

function openArea(
  path: string,
  key: string,
  server: TestMailServer,
  events = createEventBus(),
): { store: Store; area: CollectionsArea } {
  const store = openStore(path);
  const area = createCollectionsArea({
    store,
    events,
    secretBox: keyedSecretBox(key),
    now: () => new Date(),
    logger: silentLogger,
    statementPdf: fakeStatementPdf,
    smtpCa: server.cert,
    smtpTimeoutMs: 2_000,
    sleep: async () => undefined,
  });
  return { store, area };
}

const waitFor = async (what: string, check: () => boolean, ms = 30_000): Promise<void> => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('reminder runs against a real SMTP server, logged in SQLite', () => {
  let server: TestMailServer;
  beforeEach(async () => {
    server = await startMailServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('sends each party its message with the statement attached, logs what went out, and a refused address does not stop the next', async () => {
    const key = randomBytes(32).toString('hex');
    const path = setUp(server, key, 3);
    const events: AppEvents['collections.progress'][] = [];
    const bus = createEventBus();
    bus.on('collections.progress', (e) => events.push(e));
    const { store, area } = openArea(path, key, server, bus);
    try {
      area.parties.update(TINY_GUID, 'L-D2', { email: REFUSED });
      const preview = area.preview(TINY_GUID, { kind: 'overdue-above', amount: 0 });
      expect(preview.messages.map((m) => [m.partyName, m.to])).toEqual([
        ['Debtor 1', ['d1@party.test']],
        ['Debtor 2', [REFUSED]],
        ['Debtor 3', ['d3@party.test']],
        ['Asha Stores', ['asha@stores.example']],
      ]);
      expect(preview.messages[3]!.cc).toEqual(['owner@stores.example']);
      const run = area.startRun({ companyGuid: TINY_GUID, selection: { kind: 'overdue-above', amount: 0 } });
      const info = await area.finished(run.runId);
      expect(info).toMatchObject({ status: 'finished', sent: 3, failed: 1, total: 4 });
      expect(server.envelopes).toEqual([
        ['d1@party.test'],
        ['d3@party.test'],
        ['asha@stores.example', 'owner@stores.example'],
      ]);
      const asha = server.received[2]!;
      expect(asha.subject).toMatch(/^Statement of account as on .* – Tiny Traders Pvt Ltd$/);
      expect(asha.replyTo?.text).toBe('dues@tiny.example');
      expect(asha.attachments[0]?.content.toString()).toBe('%PDF-1.4 statement of Asha Stores');
      // The preview named the attachment exactly as it arrived.
      expect(asha.attachments[0]?.filename).toBe(preview.messages[3]!.attachmentName);
      const log = area.log.partyLog(TINY_GUID, ASHA);
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({
        channel: 'email',
        state: 'sent',
        to: ['asha@stores.example'],
        cc: ['owner@stores.example'],
        attachments: [
          {
            filename: expect.stringMatching(/^Statement-Asha Stores-\d\d-\d\d-\d{4}\.pdf$/),
            bytes: 33,
            contentType: 'application/pdf',
            sha256: createHash('sha256').update('%PDF-1.4 statement of Asha Stores').digest('hex'),
          },
        ],
        amounts: { totalDue: expect.any(Number), overdue: expect.any(Number) },
        serverResponse: expect.stringContaining('accepted: asha@stores.example'),
      });
      expect(area.log.partyLog(TINY_GUID, 'L-D2')[0]).toMatchObject({
        state: 'failed',
        reason: 'recipient-refused',
        error: expect.stringContaining(REFUSED),
      });
      expect(events.map((e) => e.event.type)).toEqual([
        'started',
        'sending',
        'sent',
        'sending',
        'failed',
        'sending',
        'sent',
        'sending',
        'sent',
        'finished',
      ]);
      // Reminded today: a second run within the minimum days sends nobody.
      expect(
        area.preview(TINY_GUID, { kind: 'overdue-above', amount: 0 }).recentlySent.map((r) => r.partyName),
      ).toEqual(['Debtor 1', 'Debtor 3', 'Asha Stores']);
      expect(
        area.listParties(TINY_GUID).parties.find((p) => p.ledgerGuid === ASHA)?.lastReminderAt,
      ).not.toBeNull();
    } finally {
      await area.close();
      store.close();
    }
  });

  it('a run killed half-way (a real process, SIGKILL) and restarted sends no party twice', async () => {
    const key = randomBytes(32).toString('hex');
    const path = setUp(server, key, 5);
    const caPath = dir.path('ca.pem');
    writeFileSync(caPath, server.cert);
    // The third connection hangs: the child dies while that party's message is with the server.
    server.next.push('forward', 'forward', 'silent');
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/core/collections/run-child.ts'], {
      cwd: ROOT,
      env: { ...process.env, TC_DB: path, TC_KEY: key, TC_CA: caPath, TC_COMPANY: TINY_GUID },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      await waitFor(
        `two messages and a third under way (child said: ${out})`,
        () => server.received.length === 2 && out.includes('"index":2'),
      );
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    const runId = /run (\S+)/.exec(out)?.[1];
    expect(runId).toBeDefined();

    const { store, area } = openArea(path, key, server);
    try {
      // The new process found the run interrupted, the third party half-sent.
      expect(area.log.run(runId!)).toMatchObject({ status: 'interrupted', sent: 2 });
      expect(area.log.runLog(runId!).map((m) => [m.partyName, m.state])).toEqual([
        ['Debtor 1', 'sent'],
        ['Debtor 2', 'sent'],
        ['Debtor 3', 'sending'],
      ]);
      area.startRun({
        companyGuid: TINY_GUID,
        selection: { kind: 'overdue-above', amount: 0 },
        runId: runId!,
      });
      const info = await area.finished(runId!);
      expect(info).toMatchObject({ status: 'finished', sent: 5, uncertain: ['L-D3'] });
      const envelopes = server.envelopes.map((e) => e[0]);
      expect(envelopes).toEqual([
        'd1@party.test',
        'd2@party.test',
        'asha@stores.example',
        'd4@party.test',
        'd5@party.test',
      ]);
      expect(new Set(envelopes).size).toBe(envelopes.length);
      // A third start sends nothing.
      area.startRun({
        companyGuid: TINY_GUID,
        selection: { kind: 'overdue-above', amount: 0 },
        runId: runId!,
      });
      await area.finished(runId!);
      expect(server.envelopes).toHaveLength(5);
    } finally {
      await area.close();
      store.close();
    }
  }, 60_000);
});
