import {
  type PartyContact,
  type PartySelection,
  planReminders,
  realSleep,
  type RunDependencies,
  type RunEvent,
  runReminders,
} from '../../../electron/core/collections/reminder-run';
import { SqliteReminderStore } from '../../../electron/core/collections/reminder-store-sqlite';
import {
  createSmtpSender,
  type EmailSender,
  type OutgoingEmail,
  type SendResult,
} from '../../../electron/core/collections/smtp-sender';
import type { PartyStatement } from '../../../electron/core/collections/statement';
import type { CompanyRecord } from '../../../electron/core/db/records';
import { openStore, type Store } from '../../../electron/core/db/store';
import { TINY } from '../db/fixtures';
import { PASSWORD, REFUSED, startMailServer, USER } from './smtp-fixture';

const COMPANY = 'C-1';

const opened: Store[] = [];
afterAll(() => opened.forEach((store) => store.close()));

/**
 * The reminder log the app keeps (SQLite), in a fresh in-memory store holding the company, with the runs
 * these tests use (R1, R2) recorded as started, as the collections area records a run before it sends.
 */
function newLog(): SqliteReminderStore {
  const store = openStore(':memory:');
  opened.push(store);
  const company: CompanyRecord = { ...TINY, guid: COMPANY };
  store.beginCompanyWrite(company, 'replace').commit(company);
  const log = new SqliteReminderStore(store.db);
  for (const runId of ['R1', 'R2']) log.startRun(runId, COMPANY, 'manual', '2025-06-01T00:00:00.000Z', {});
  return log;
}

function party(id: string, overdue: number, group = 'Sundry Debtors'): PartyStatement {
  return {
    ledgerGuid: id,
    partyName: `Party ${id}`,
    group,
    companyName: 'Kulkarni & Sons',
    kind: 'receivable',
    asOn: '2025-05-31',
    totalDue: overdue + 100_000,
    overdue,
    notDue: 100_000,
    onAccount: 0,
    bills: [
      {
        billName: `${id}/1`,
        billDate: '2025-04-01',
        dueDate: '2025-05-01',
        overdueDays: 30,
        amount: overdue,
        interest: 0,
      },
    ],
    interest: 0,
    interestNote: null,
  };
}

const statements = [
  party('A', 5_000_000),
  party('B', 20_000_000, 'Mumbai Debtors'),
  party('C', 90_000),
  party('D', 1_000_000, 'Mumbai Debtors'),
  party('E', 7_500_000),
];

const contact = (
  id: string,
  emails: string[],
  mobile: string | null = null,
  language: PartyContact['language'] = 'en',
): PartyContact => ({
  ledgerGuid: id,
  emails,
  mobile,
  language,
});

const contacts = new Map<string, PartyContact>([
  ['A', contact('A', ['a@party.test'])],
  ['B', contact('B', ['b@party.test', 'accounts.b@party.test'], null, 'mr')],
  ['C', contact('C', ['c@party.test'])],
  ['D', contact('D', [], '98220 12345', 'hi')],
  ['E', contact('E', ['e@party.test'])],
]);

/** A clock that moves only when the run sleeps. */
function fakeTime(start = '2025-06-02T05:00:00Z') {
  let now = Date.parse(start);
  const sleeps: number[] = [];
  return {
    clock: () => new Date(now),
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
    advanceDays: (days: number) => {
      now += days * 86_400_000;
    },
  };
}

/** A mail server's yes. */
const SENT: SendResult = { ok: true, messageId: '<m@test>', accepted: [], rejected: [] };

class RecordingSender implements EmailSender {
  readonly sent: OutgoingEmail[] = [];
  constructor(
    private readonly answer: (email: OutgoingEmail, index: number) => SendResult | Promise<SendResult> = () =>
      SENT,
  ) {}
  async send(email: OutgoingEmail): Promise<SendResult> {
    this.sent.push(email);
    return this.answer(email, this.sent.length - 1);
  }
}

const criteria = (selection: Parameters<typeof planReminders>[3]['selection'], extra: object = {}) => ({
  companyGuid: COMPANY,
  selection,
  minDaysBetween: 7,
  ...extra,
});

/** The parties overdue above ₹9,000 (B, E, A by overdue; D has no e-mail). */
const OVERDUE: PartySelection = { kind: 'overdue-above', amount: 900_000 };

/** One PDF attachment named after the party. */
const pdfOf = (ledgerGuid: string, content: string) => [
  { filename: `${ledgerGuid}.pdf`, content: Buffer.from(content), contentType: 'application/pdf' },
];

/**
 * A fresh log and fake clock, the plan for `selection` over the statements (and `partyContacts`) made
 * now, and the run's dependencies for a sender (the log, the clock and its sleep, and `more`).
 */
function setUp(selection: PartySelection, partyContacts: Map<string, PartyContact> = contacts) {
  const store = newLog();
  const time = fakeTime();
  const plan = planReminders(statements, partyContacts, store, criteria(selection), time.clock());
  const deps = (sender: EmailSender, more: Partial<RunDependencies> = {}): RunDependencies => ({
    store,
    sender,
    clock: time.clock,
    sleep: time.sleep,
    ...more,
  });
  return { store, time, plan, deps };
}

describe('planning a reminder run', () => {
  it('overdue above an amount: largest first; parties without e-mail listed with a WhatsApp link', () => {
    const store = newLog();
    const plan = planReminders(
      statements,
      contacts,
      store,
      criteria({ kind: 'overdue-above', amount: 900_000 }),
      new Date(),
    );
    expect(plan.toSend.map((p) => p.statement.ledgerGuid)).toEqual(['B', 'E', 'A']);
    expect(plan.withoutEmail).toHaveLength(1);
    const d = plan.withoutEmail[0]!;
    expect(d.statement.ledgerGuid).toBe('D');
    expect(d.problem).toBe('No e-mail address');
    expect(d.whatsApp?.web).toMatch(/^https:\/\/wa\.me\/919822012345\?text=/);
    expect(decodeURIComponent(d.whatsApp!.web.split('text=')[1]!)).toContain('प्रिय Party D');
  });

  it('by group, by hand (in the order picked), with exclusions', () => {
    const store = newLog();
    const byGroup = planReminders(
      statements,
      contacts,
      store,
      criteria({ kind: 'groups', groups: ['Mumbai Debtors'] }),
      new Date(),
    );
    expect(byGroup.toSend.map((p) => p.statement.ledgerGuid)).toEqual(['B']);
    expect(byGroup.withoutEmail.map((p) => p.statement.ledgerGuid)).toEqual(['D']);
    const byHand = planReminders(
      statements,
      contacts,
      store,
      criteria({ kind: 'parties', ledgerGuids: ['C', 'A', 'E'] }, { exclude: ['E'] }),
      new Date(),
    );
    expect(byHand.toSend.map((p) => p.statement.ledgerGuid)).toEqual(['C', 'A']);
  });

  it('a party without contacts or with a bad address is listed, not dropped', () => {
    const store = newLog();
    const odd = new Map(contacts);
    odd.delete('A');
    odd.set('E', contact('E', ['e@party']));
    const plan = planReminders(
      statements,
      odd,
      store,
      criteria({ kind: 'overdue-above', amount: 0 }),
      new Date(),
    );
    expect(plan.withoutEmail.map((p) => [p.statement.ledgerGuid, p.problem, p.whatsApp])).toEqual([
      ['E', '"e@party" is not an e-mail address', null],
      ['A', 'No e-mail address', null],
      [
        'D',
        'No e-mail address',
        expect.objectContaining({ app: expect.stringContaining('phone=919822012345') }),
      ],
    ]);
  });
});

describe('running reminders', () => {
  it('sends each party its e-mail in its language, paced, with progress events', async () => {
    const { store, time, plan, deps } = setUp(OVERDUE);
    const sender = new RecordingSender();
    const events: RunEvent[] = [];
    const summary = await runReminders(
      plan,
      deps(sender, {
        attachmentsFor: async (s) => pdfOf(s.ledgerGuid, s.ledgerGuid),
        onEvent: (e) => events.push(e),
      }),
      { runId: 'R1', messagesPerMinute: 20 },
    );
    expect(summary).toEqual({ runId: 'R1', sent: 3, failed: 0, skipped: 0, uncertain: [], cancelled: false });
    expect(sender.sent.map((m) => m.to)).toEqual([
      ['b@party.test', 'accounts.b@party.test'],
      ['e@party.test'],
      ['a@party.test'],
    ]);
    expect(sender.sent[0]!.subject).toBe('31-05-2025 रोजीचा खाते उतारा – Kulkarni & Sons');
    expect(sender.sent[1]!.subject).toBe('Statement of account as on 31-05-2025 – Kulkarni & Sons');
    expect(sender.sent[2]!.attachments?.[0]?.filename).toBe('A.pdf');
    // 20 a minute: 3 s between messages, none before the first.
    expect(time.sleeps).toEqual([3_000, 3_000]);
    expect(events.map((e) => e.type)).toEqual([
      'started',
      'sending',
      'sent',
      'sending',
      'sent',
      'sending',
      'sent',
      'finished',
    ]);
    expect(events[1]).toEqual({ type: 'sending', ledgerGuid: 'B', partyName: 'Party B', index: 0, total: 3 });
    expect(store.runLog('R1').map((d) => [d.ledgerGuid, d.state])).toEqual([
      ['B', 'sent'],
      ['E', 'sent'],
      ['A', 'sent'],
    ]);
  });

  it("one party's failure is recorded and the next party still gets its message", async () => {
    const { store, plan, deps } = setUp(OVERDUE);
    const sender = new RecordingSender((email) =>
      email.to[0] === 'e@party.test'
        ? {
            ok: false,
            reason: 'recipient-refused',
            message: 'The mail server refused the address e@party.test.',
            serverResponse: '550',
          }
        : { ...SENT, accepted: [...email.to] },
    );
    const events: RunEvent[] = [];
    const summary = await runReminders(plan, deps(sender, { onEvent: (e) => events.push(e) }), {
      runId: 'R1',
      messagesPerMinute: 60,
    });
    expect(summary).toMatchObject({ sent: 2, failed: 1 });
    expect(events).toContainEqual({
      type: 'failed',
      ledgerGuid: 'E',
      partyName: 'Party E',
      reason: 'recipient-refused',
      message: 'The mail server refused the address e@party.test.',
    });
    expect(store.delivery('R1', 'E')).toMatchObject({ state: 'failed', reason: 'recipient-refused' });
    expect(store.delivery('R1', 'A')).toMatchObject({ state: 'sent' });
  });

  it('a sender that throws is a failure of that party, not of the run', async () => {
    const { store, plan, deps } = setUp({ kind: 'parties', ledgerGuids: ['A', 'C'] });
    const sender = new RecordingSender((_email, i) => {
      if (i === 0) throw new Error('socket hang up');
      return SENT;
    });
    const summary = await runReminders(plan, deps(sender), { runId: 'R1', messagesPerMinute: 60 });
    expect(summary).toMatchObject({ sent: 1, failed: 1 });
    expect(store.delivery('R1', 'A')).toMatchObject({
      state: 'failed',
      reason: 'unknown',
      message: 'Sending failed: socket hang up',
    });
  });

  it('never the same party twice within N days, across runs', async () => {
    const store = newLog();
    const time = fakeTime();
    const sender = new RecordingSender();
    const pick = criteria({ kind: 'parties', ledgerGuids: ['A', 'C'] });
    await runReminders(
      planReminders(statements, contacts, store, pick, time.clock()),
      { store, sender, clock: time.clock, sleep: time.sleep },
      { runId: 'R1', messagesPerMinute: 60 },
    );
    expect(sender.sent).toHaveLength(2);
    time.advanceDays(6);
    const again = planReminders(statements, contacts, store, pick, time.clock());
    expect(again.toSend).toEqual([]);
    expect(again.recentlySent.map((r) => r.statement.ledgerGuid)).toEqual(['A', 'C']);
    // A plan made before another run sent is checked again when it runs.
    const stale = planReminders(statements, contacts, newLog(), pick, time.clock());
    const summary = await runReminders(
      stale,
      { store, sender, clock: time.clock, sleep: time.sleep },
      { runId: 'R2', messagesPerMinute: 60 },
    );
    expect(summary).toMatchObject({ sent: 0, skipped: 2 });
    time.advanceDays(1);
    expect(planReminders(statements, contacts, store, pick, time.clock()).toSend).toHaveLength(2);
  });

  it('cancelling stops before the next party, also while pacing', async () => {
    const { plan, deps } = setUp(OVERDUE);
    const controller = new AbortController();
    const sender = new RecordingSender((email) => {
      if (email.to[0] === 'b@party.test') controller.abort();
      return SENT;
    });
    const events: RunEvent[] = [];
    const summary = await runReminders(plan, deps(sender, { onEvent: (e) => events.push(e) }), {
      runId: 'R1',
      messagesPerMinute: 60,
      signal: controller.signal,
    });
    expect(summary).toMatchObject({ sent: 1, cancelled: true });
    expect(sender.sent).toHaveLength(1);
    expect(events.at(-1)?.type).toBe('cancelled');

    // The real sleep returns at once when cancelled mid-wait.
    const waiting = new AbortController();
    const started = Date.now();
    const sleeping = realSleep(60_000, waiting.signal);
    waiting.abort();
    await sleeping;
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a party whose statement cannot be made is a failure (nothing sent to it); the next party gets its message', async () => {
    const { store, plan, deps } = setUp(OVERDUE);
    const sender = new RecordingSender();
    const events: RunEvent[] = [];
    const summary = await runReminders(
      plan,
      deps(sender, {
        attachmentsFor: async (s) => {
          if (s.ledgerGuid === 'E') throw new Error('Chromium crashed');
          return pdfOf(s.ledgerGuid, '%PDF');
        },
        onEvent: (e) => events.push(e),
      }),
      { runId: 'R1', messagesPerMinute: 60 },
    );
    // B, E, A by overdue: E's PDF failed, so E got nothing; A still got its message.
    expect(summary).toMatchObject({ sent: 2, failed: 1, cancelled: false });
    expect(sender.sent.map((m) => m.to[0])).toEqual(['b@party.test', 'a@party.test']);
    expect(store.delivery('R1', 'E')).toMatchObject({
      state: 'failed',
      reason: 'attachment',
      message: expect.stringContaining('Chromium crashed'),
    });
    expect(events.find((e) => e.type === 'failed')).toMatchObject({ ledgerGuid: 'E', reason: 'attachment' });
    // Failed is not "sent": the next run may remind E.
    expect(store.lastSentAt(COMPANY, 'E')).toBeNull();
  });

  it("makes the next party's statement while the current message is being sent, and a cancel leaves nothing behind", async () => {
    const { store, plan, deps } = setUp(OVERDUE);
    const controller = new AbortController();
    const log: string[] = [];
    let release: () => void = () => undefined;
    const eStarted = new Promise<void>((r) => (release = r));
    const sender = new RecordingSender(async (email) => {
      log.push(`send ${email.to[0]}`);
      // The first message is answered only once the second party's PDF is under way (else: a deadlock).
      if (email.to[0] === 'b@party.test') await eStarted;
      if (email.to[0] === 'e@party.test') controller.abort();
      return SENT;
    });
    const made: string[] = [];
    const run = runReminders(
      plan,
      deps(sender, {
        attachmentsFor: async (s) => {
          made.push(s.ledgerGuid);
          log.push(`pdf ${s.ledgerGuid}`);
          if (s.ledgerGuid === 'E') release();
          return pdfOf(s.ledgerGuid, s.ledgerGuid);
        },
      }),
      { runId: 'R1', messagesPerMinute: 60, signal: controller.signal },
    );
    const summary = await run;
    expect(log.slice(0, 2)).toEqual(['pdf B', 'pdf E']);
    // Cancelled while sending E: A's PDF was made ahead, but A was never sent.
    expect(summary).toMatchObject({ sent: 2, cancelled: true });
    expect(sender.sent.map((m) => m.to[0])).toEqual(['b@party.test', 'e@party.test']);
    expect(made).toEqual(['B', 'E', 'A']);
    expect(store.delivery('R1', 'A')).toBeNull();
    expect(sender.sent[1]!.attachments?.[0]?.content.toString()).toBe('E');
  });

  it('a run killed half-way and started again sends no party twice', async () => {
    const { store, plan, deps } = setUp({ kind: 'parties', ledgerGuids: ['A', 'B', 'C', 'E'] });
    // First attempt: A and B go out; the process dies while C's message is with the server.
    const delivered: string[] = [];
    let died!: () => void;
    const death = new Promise<void>((resolve) => (died = resolve));
    const dying: EmailSender = {
      send: (email) => {
        if (email.to[0] === 'c@party.test') {
          died();
          return new Promise<SendResult>(() => undefined); // never answers: the process is gone
        }
        delivered.push(email.to[0]!);
        return Promise.resolve(SENT);
      },
    };
    void runReminders(plan, deps(dying), { runId: 'R1', messagesPerMinute: 60 });
    await death;
    expect(store.delivery('R1', 'C')?.state).toBe('sending');

    // Started again with the same run: A and B were sent, C may have been; only E goes out.
    const events: RunEvent[] = [];
    const sender = new RecordingSender((email) => {
      delivered.push(email.to[0]!);
      return { ...SENT, messageId: '<m2@test>' };
    });
    const summary = await runReminders(plan, deps(sender, { onEvent: (e) => events.push(e) }), {
      runId: 'R1',
      messagesPerMinute: 60,
    });
    expect(delivered).toEqual(['a@party.test', 'b@party.test', 'e@party.test']);
    expect(summary).toEqual({
      runId: 'R1',
      sent: 1,
      failed: 0,
      skipped: 3,
      uncertain: ['C'],
      cancelled: false,
    });
    expect(
      events
        .filter((e) => e.type === 'skipped')
        .map((e) => (e.type === 'skipped' ? [e.ledgerGuid, e.why] : null)),
    ).toEqual([
      ['A', 'already-sent'],
      ['B', 'already-sent'],
      ['C', 'uncertain'],
    ]);
    // And a third start sends nothing at all.
    const third = await runReminders(plan, deps(sender), { runId: 'R1', messagesPerMinute: 60 });
    expect(third).toMatchObject({ sent: 0, skipped: 4 });
  });

  it('a failed party is tried again when the run is restarted', async () => {
    const { plan, deps } = setUp({ kind: 'parties', ledgerGuids: ['A'] });
    const failing = new RecordingSender(() => ({
      ok: false,
      reason: 'timeout',
      message: 'late',
      serverResponse: null,
    }));
    await runReminders(plan, deps(failing), { runId: 'R1', messagesPerMinute: 60 });
    const working = new RecordingSender();
    expect(await runReminders(plan, deps(working), { runId: 'R1', messagesPerMinute: 60 })).toMatchObject({
      sent: 1,
    });
  });

  it('refuses a pace of zero', async () => {
    const { plan, deps } = setUp({ kind: 'parties', ledgerGuids: ['A'] });
    await expect(
      runReminders(plan, deps(new RecordingSender()), { runId: 'R1', messagesPerMinute: 0 }),
    ).rejects.toThrow(/above 0/);
  });

  it('end to end against a real SMTP server: a refused address in the middle, the rest delivered', async () => {
    const server = await startMailServer();
    try {
      const withRefused = new Map(contacts);
      withRefused.set('E', contact('E', [REFUSED]));
      const { store, plan, deps } = setUp(OVERDUE, withRefused);
      const sender = createSmtpSender({
        host: '127.0.0.1',
        port: server.port,
        security: 'starttls',
        user: USER,
        password: PASSWORD,
        from: { name: 'Kulkarni & Sons', address: USER },
        ca: server.cert,
        timeoutMs: 2_000,
      });
      const summary = await runReminders(plan, deps(sender), { runId: 'R1', messagesPerMinute: 30 });
      expect(summary).toMatchObject({ sent: 2, failed: 1 });
      expect(server.envelopes).toEqual([['b@party.test', 'accounts.b@party.test'], ['a@party.test']]);
      expect(server.received.map((m) => m.subject)).toEqual([
        '31-05-2025 रोजीचा खाते उतारा – Kulkarni & Sons',
        'Statement of account as on 31-05-2025 – Kulkarni & Sons',
      ]);
      expect(store.delivery('R1', 'E')).toMatchObject({ state: 'failed', reason: 'recipient-refused' });
    } finally {
      await server.close();
    }
  });
});
