import { useCallback, useState } from 'react';
import type { AppEvents } from '../../../../shared/contract';
import type { ReminderRunInfo, RunEventPayload } from '../../../../shared/types/collections';
import { useAppEvent } from '../../data/client';

export type PartyOutcome =
  | { state: 'sending' }
  | { state: 'sent' }
  | { state: 'failed'; reason: string; message: string }
  | { state: 'skipped'; why: string };

export interface RunProgress {
  total: number | null;
  /** Parties done (sent, failed or skipped). */
  done: number;
  sent: number;
  failed: number;
  skipped: number;
  current: string | null;
  outcomes: ReadonlyMap<string, PartyOutcome>;
  /** The run as it ended (finished or cancelled); null while it runs. */
  ended: { kind: 'finished' | 'cancelled'; run: ReminderRunInfo } | null;
}

/** Folds a run's events, in order, into what the screen shows. */
export function progressOf(events: readonly RunEventPayload[]): RunProgress {
  const outcomes = new Map<string, PartyOutcome>();
  let total: number | null = null;
  let current: string | null = null;
  let ended: RunProgress['ended'] = null;
  for (const e of events) {
    switch (e.type) {
      case 'started':
        total = e.total;
        break;
      case 'sending':
        outcomes.set(e.ledgerGuid, { state: 'sending' });
        current = e.partyName;
        total ??= e.total;
        break;
      case 'sent':
        outcomes.set(e.ledgerGuid, { state: 'sent' });
        break;
      case 'failed':
        outcomes.set(e.ledgerGuid, { state: 'failed', reason: e.reason, message: e.message });
        break;
      case 'skipped':
        outcomes.set(e.ledgerGuid, { state: 'skipped', why: e.why });
        break;
      case 'finished':
      case 'cancelled':
        ended = { kind: e.type, run: e.run };
        current = null;
        break;
    }
  }
  const states = [...outcomes.values()].map((o) => o.state);
  const sent = states.filter((s) => s === 'sent').length;
  const failed = states.filter((s) => s === 'failed').length;
  const skipped = states.filter((s) => s === 'skipped').length;
  return { total, done: sent + failed + skipped, sent, failed, skipped, current, outcomes, ended };
}

/**
 * Every collections.progress event of the company since the screen opened, by run: a run's first events
 * can arrive before the answer that names it.
 */
export function useRunEvents(companyGuid: string): ReadonlyMap<string, readonly RunEventPayload[]> {
  const [byRun, setByRun] = useState<ReadonlyMap<string, readonly RunEventPayload[]>>(new Map());
  const listener = useCallback(
    (payload: AppEvents['collections.progress']) => {
      if (payload.companyGuid !== companyGuid) return;
      setByRun((current) => {
        const next = new Map(current);
        next.set(payload.runId, [...(current.get(payload.runId) ?? []), payload.event]);
        return next;
      });
    },
    [companyGuid],
  );
  useAppEvent('collections.progress', listener);
  return byRun;
}
