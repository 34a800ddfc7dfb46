import { INDIA_UTC_OFFSET_MINUTES } from '../../../shared/dates';
import type { ReminderSchedule } from '../../../shared/types/collections';
import type { Logger } from '../logger';
import type { CollectionsArea } from './area';

/**
 * Runs each company's scheduled reminder run (daily or weekly, at a time in India's time) while
 * TallyConnect runs. Every check looks for the latest slot that has come: a slot not yet run (no
 * scheduled run started at or after it) starts one, choosing the parties overdue above the company's
 * minimum; a slot missed by more than CATCH_UP_MS (TallyConnect was closed) waits for the next. The clock
 * and the timer are injected, so tests move time by hand.
 */

/** A slot TallyConnect was not running for is still run this long after it (a PC started late). */
export const CATCH_UP_MS = 6 * 60 * 60 * 1000;
const OFFSET_MS = INDIA_UTC_OFFSET_MINUTES * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The latest slot of the schedule at or before `now` (null: schedule off). */
export function latestSlot(schedule: ReminderSchedule, now: Date): Date | null {
  if (schedule.kind === 'off') return null;
  const [h, m] = schedule.time.split(':').map(Number) as [number, number];
  // Work in India's wall time as if it were UTC, then shift back.
  const local = new Date(now.getTime() + OFFSET_MS);
  const dayStart = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  let slot = dayStart + (h * 60 + m) * 60 * 1000;
  if (slot > local.getTime()) slot -= DAY_MS;
  if (schedule.kind === 'weekly') {
    const back = (new Date(slot).getUTCDay() - schedule.weekday + 7) % 7;
    slot -= back * DAY_MS;
  }
  return new Date(slot - OFFSET_MS);
}

export interface SchedulerOptions {
  area: CollectionsArea;
  clock: () => Date;
  logger: Logger;
  /** Calls `tick` every `everyMs`; returns a stop function. Default setInterval (unref'd). */
  every?: (tick: () => void, everyMs: number) => () => void;
  everyMs?: number;
}

export interface ReminderScheduler {
  start(): void;
  stop(): void;
  /** One check: the runs it started (company GUID and run id). */
  tick(): { companyGuid: string; runId: string }[];
}

const defaultEvery = (tick: () => void, ms: number): (() => void) => {
  const timer = setInterval(tick, ms);
  timer.unref();
  return () => clearInterval(timer);
};

export function createReminderScheduler(options: SchedulerOptions): ReminderScheduler {
  const { area, clock, logger } = options;
  let stopTimer: (() => void) | null = null;
  /** Slots already tried (a run that could not start is not retried every minute). */
  const tried = new Map<string, number>();

  const scheduler: ReminderScheduler = {
    start() {
      if (stopTimer) return;
      stopTimer = (options.every ?? defaultEvery)(() => {
        try {
          scheduler.tick();
        } catch (error) {
          logger.error('reminder schedule check failed', { error });
        }
      }, options.everyMs ?? 60_000);
    },
    stop() {
      stopTimer?.();
      stopTimer = null;
    },
    tick() {
      const now = clock();
      const started: { companyGuid: string; runId: string }[] = [];
      for (const { companyGuid, settings } of area.settings.allReminderSettings()) {
        const slot = latestSlot(settings.schedule, now);
        if (slot === null) continue;
        if (now.getTime() - slot.getTime() > CATCH_UP_MS) continue;
        if (tried.get(companyGuid) === slot.getTime()) continue;
        const last = area.log.lastScheduledRun(companyGuid);
        if (last !== null && Date.parse(last) >= slot.getTime()) continue;
        if (area.runningRun(companyGuid) !== null) continue;
        tried.set(companyGuid, slot.getTime());
        try {
          const run = area.startRun({
            companyGuid,
            selection: { kind: 'overdue-above', amount: settings.minOverdue },
            trigger: 'schedule',
          });
          started.push({ companyGuid, runId: run.runId });
          logger.info('scheduled reminder run started', { companyGuid, runId: run.runId });
        } catch (error) {
          logger.warn('scheduled reminder run could not start', {
            companyGuid,
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }
      return started;
    },
  };
  return scheduler;
}
