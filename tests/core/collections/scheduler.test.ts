import { createCollectionsArea, type CollectionsArea } from '../../../electron/core/collections/area';
import {
  CATCH_UP_MS,
  createReminderScheduler,
  latestSlot,
} from '../../../electron/core/collections/scheduler';
import { DEFAULT_REMINDER_SETTINGS } from '../../../electron/core/collections/settings-store';
import type { MailTransport, TransportOptions } from '../../../electron/core/collections/smtp-sender';
import { openStore, type Store } from '../../../electron/core/db/store';
import { createEventBus } from '../../../electron/core/events/bus';
import { silentLogger } from '../../../electron/core/logger';
import { TINY_GUID } from '../db/fixtures';
import { testSecretBox, writeWithDebtors } from './books';

describe('the latest slot of a schedule, in India’s time', () => {
  it('daily at 10:30 IST (05:00 UTC)', () => {
    const daily = { kind: 'daily' as const, time: '10:30' };
    expect(latestSlot(daily, new Date('2025-06-02T05:00:00Z'))?.toISOString()).toBe(
      '2025-06-02T05:00:00.000Z',
    );
    expect(latestSlot(daily, new Date('2025-06-02T04:59:59Z'))?.toISOString()).toBe(
      '2025-06-01T05:00:00.000Z',
    );
    // 00:15 IST on 3 June is still 2 June in UTC: the slot is 2 June's.
    expect(latestSlot(daily, new Date('2025-06-02T18:45:00Z'))?.toISOString()).toBe(
      '2025-06-02T05:00:00.000Z',
    );
  });

  it('weekly on Monday at 09:00 IST; off has none', () => {
    const monday = { kind: 'weekly' as const, weekday: 1, time: '09:00' };
    // 2 June 2025 was a Monday.
    expect(latestSlot(monday, new Date('2025-06-02T03:30:00Z'))?.toISOString()).toBe(
      '2025-06-02T03:30:00.000Z',
    );
    expect(latestSlot(monday, new Date('2025-06-02T03:29:00Z'))?.toISOString()).toBe(
      '2025-05-26T03:30:00.000Z',
    );
    expect(latestSlot(monday, new Date('2025-06-07T12:00:00Z'))?.toISOString()).toBe(
      '2025-06-02T03:30:00.000Z',
    );
    expect(latestSlot({ kind: 'off' }, new Date())).toBeNull();
  });
});

describe('the reminder scheduler with a fake clock', () => {
  let store: Store;
  let area: CollectionsArea;
  let now: number;
  const sent: string[][] = [];
  const transport = (_options: TransportOptions): MailTransport => ({
    async sendMail(message) {
      sent.push((message.to as string[]).slice());
      return { messageId: `<m${sent.length}@test>`, accepted: message.to as string[], rejected: [] };
    },
    close() {},
  });

  beforeEach(() => {
    sent.length = 0;
    now = Date.parse('2025-06-01T12:00:00Z');
    store = openStore(':memory:');
    writeWithDebtors(store, 2);
    area = createCollectionsArea({
      store,
      events: createEventBus(),
      secretBox: testSecretBox(),
      now: () => new Date(now),
      logger: silentLogger,
      statementPdf: null,
      transport,
      sleep: async () => undefined,
    });
    area.settings.setSmtpSettings(
      TINY_GUID,
      {
        host: 'mail.tiny.example',
        port: 587,
        security: 'starttls',
        user: 'accounts@tiny.example',
        fromName: 'Tiny Traders',
        fromAddress: 'accounts@tiny.example',
        replyTo: null,
      },
      'secret',
    );
  });
  afterEach(async () => {
    await area.close();
    store.close();
  });

  it('runs once per slot while the app runs, only parties overdue above the minimum, and waits for the next slot', async () => {
    area.settings.setReminderSettings(TINY_GUID, {
      ...DEFAULT_REMINDER_SETTINGS,
      schedule: { kind: 'daily', time: '10:30' },
      minDaysBetween: 0,
      minOverdue: 8_500_00,
    });
    const scheduler = createReminderScheduler({ area, clock: () => new Date(now), logger: silentLogger });
    // 12:30 IST on 1 June: that day's 10:30 slot is 2 hours gone (within the catch-up time).
    now = Date.parse('2025-06-01T07:00:00Z');
    const first = scheduler.tick();
    expect(first).toHaveLength(1);
    await area.finished(first[0]!.runId);
    expect(sent).toEqual([['d1@party.test']]);
    expect(area.log.run(first[0]!.runId)).toMatchObject({ trigger: 'schedule', status: 'finished', sent: 1 });
    // The same slot never runs twice.
    now += 60_000;
    expect(scheduler.tick()).toEqual([]);
    // Next morning before 10:30 nothing; at 10:30 the next run.
    now = Date.parse('2025-06-02T04:59:00Z');
    expect(scheduler.tick()).toEqual([]);
    now = Date.parse('2025-06-02T05:00:00Z');
    const second = scheduler.tick();
    expect(second).toHaveLength(1);
    await area.finished(second[0]!.runId);
    expect(sent).toHaveLength(2);
  });

  it('a slot missed by more than the catch-up time (the PC was off) waits for the next; schedule off runs nothing', () => {
    area.settings.setReminderSettings(TINY_GUID, {
      ...DEFAULT_REMINDER_SETTINGS,
      schedule: { kind: 'daily', time: '10:30' },
    });
    now = Date.parse('2025-06-02T05:00:00Z') + CATCH_UP_MS + 1;
    const scheduler = createReminderScheduler({ area, clock: () => new Date(now), logger: silentLogger });
    expect(scheduler.tick()).toEqual([]);
    area.settings.setReminderSettings(TINY_GUID, DEFAULT_REMINDER_SETTINGS);
    now = Date.parse('2025-06-03T05:00:00Z');
    expect(scheduler.tick()).toEqual([]);
  });

  it('start() checks on the injected timer; a run that cannot start (no mail settings) is logged, not retried each minute', () => {
    const other = openStore(':memory:');
    writeWithDebtors(other, 1);
    const bare = createCollectionsArea({
      store: other,
      events: createEventBus(),
      secretBox: testSecretBox(),
      now: () => new Date(now),
      logger: silentLogger,
      statementPdf: null,
      transport,
    });
    bare.settings.setReminderSettings(TINY_GUID, {
      ...DEFAULT_REMINDER_SETTINGS,
      schedule: { kind: 'daily', time: '17:00' },
    });
    const warnings: string[] = [];
    const logger = { ...silentLogger, warn: (message: string) => void warnings.push(message) };
    let fire: () => void = () => undefined;
    let stopped = false;
    const scheduler = createReminderScheduler({
      area: bare,
      clock: () => new Date(now),
      logger,
      every: (tick) => {
        fire = tick;
        return () => {
          stopped = true;
        };
      },
    });
    scheduler.start();
    fire();
    fire();
    expect(warnings).toEqual(['scheduled reminder run could not start']);
    expect(bare.log.runs(TINY_GUID)).toEqual([]);
    scheduler.stop();
    expect(stopped).toBe(true);
    other.close();
  });
});
