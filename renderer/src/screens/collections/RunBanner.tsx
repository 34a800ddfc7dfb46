import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { useOperation, useOperationMutation } from '../../data/client';
import { RunProgressBar } from './ProgressBar';
import { progressOf, useRunEvents } from './run-progress';

/**
 * A reminder run still sending (started here before, by the schedule, or in another window): its
 * progress and Cancel, so leaving the preview never leaves a run out of reach.
 */
export function RunBanner({ companyGuid }: { companyGuid: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const runs = useOperation('collections.runs', { companyGuid });
  const byRun = useRunEvents(companyGuid);
  const cancel = useOperationMutation('collections.run.cancel');
  const [cancelling, setCancelling] = useState(false);
  const running = runs.data?.find((r) => r.status === 'running') ?? null;
  const events = running ? (byRun.get(running.runId) ?? []) : [];
  const progress = progressOf(events);
  const ended = progress.ended !== null;
  useEffect(() => {
    if (ended) {
      void client.invalidateQueries({ queryKey: ['collections.runs'] });
      void client.invalidateQueries({ queryKey: ['collections.parties'] });
    }
  }, [ended, client]);
  if (!running) return null;
  // What the run had done before this screen listened, from the log.
  const shown =
    events.length > 0
      ? progress
      : {
          ...progress,
          done: running.sent + running.failed + running.skipped,
          sent: running.sent,
          failed: running.failed,
        };
  return (
    <div className="card coll-banner" data-testid="run-banner">
      <p>{t('collections.runningElsewhere')}</p>
      <RunProgressBar
        progress={shown}
        total={running.total}
        cancelling={cancelling}
        onCancel={() => {
          setCancelling(true);
          cancel.mutate({ companyGuid, runId: running.runId });
        }}
      />
    </div>
  );
}
