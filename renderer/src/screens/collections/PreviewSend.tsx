import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { PartySelectionInput, RunPreview } from '../../../../shared/types/collections';
import type { CompanySummary } from '../../../../shared/types/reports';
import { useOperation, useOperationMutation } from '../../data/client';
import { date, dateTime, money } from '../../lib/format';
import { goBack } from '../../lib/route';
import { useAppState } from '../../state';
import { PageHeader, Toolbar } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { CollectionsError } from './CollectionsError';
import { RunProgressBar } from './ProgressBar';
import { progressOf, useRunEvents, type PartyOutcome } from './run-progress';
import { WhatsAppButton } from './WhatsAppButton';

type T = ReturnType<typeof useTranslation>['t'];

function selectionText(selection: PartySelectionInput, t: T): string {
  switch (selection.kind) {
    case 'overdue-above':
      return `${t('collections.modes.overdue')} ${money(selection.amount) || '₹0'}`;
    case 'groups':
      return `${t('collections.modes.group')}: ${selection.groups.join(', ')}`;
    case 'parties':
      return t('collections.chosen', { count: selection.ledgerGuids.length });
  }
}

/**
 * Exactly what a reminder run would send to whom (recipients, subject, text in the party's language,
 * attachment, figures) and who is left out and why; Send now starts it, with progress, Cancel and each
 * party's result. The preview shown is the one sent: it is kept as it was once sending starts.
 */
export function PreviewSend({
  company,
  selection,
}: {
  company: CompanySummary;
  selection: PartySelectionInput;
}) {
  const { t } = useTranslation();
  const { go } = useAppState();
  const client = useQueryClient();
  const query = useOperation('collections.preview', { companyGuid: company.guid, selection });
  const settings = useOperation('collections.settings.get', { companyGuid: company.guid });
  const start = useOperationMutation('collections.run.start');
  const cancel = useOperationMutation('collections.run.cancel');
  const byRun = useRunEvents(company.guid);
  const [sent, setSent] = useState<RunPreview | null>(null);
  const [runId, setRunId] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const progress = progressOf(runId ? (byRun.get(runId) ?? []) : []);
  const ended = progress.ended !== null;
  useEffect(() => {
    if (!ended) return;
    void client.invalidateQueries({ queryKey: ['collections.parties'] });
    void client.invalidateQueries({ queryKey: ['collections.log'] });
    void client.invalidateQueries({ queryKey: ['collections.runs'] });
  }, [ended, client]);

  const send = (preview: RunPreview) => {
    setSent(preview);
    start.mutate(
      { companyGuid: company.guid, selection, asOn: preview.asOn },
      {
        onSuccess: (run) => setRunId(run.runId),
        onError: () => setSent(null),
      },
    );
  };

  const view = sent ? { ...query, data: sent, isPending: false, isError: false, error: null } : query;
  const minDays = settings.data?.minDaysBetween;

  return (
    <>
      <PageHeader
        title={t('collections.previewTitle')}
        subtitle={`${company.name} · ${selectionText(selection, t)}${query.data ? ` · ${t('common.asOn')} ${date(query.data.asOn)}` : ''}`}
      />
      <Toolbar>
        <button
          type="button"
          className="btn"
          onClick={() => goBack(() => go('collections', {}))}
          disabled={sent !== null && !ended}
        >
          ← {t('collections.back')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={!query.data || query.data.messages.length === 0 || sent !== null || start.isPending}
          onClick={() => query.data && send(query.data)}
          data-testid="send-now"
        >
          {t('collections.sendNow')}
        </button>
      </Toolbar>
      {start.error && <CollectionsError error={start.error} companyGuid={company.guid} />}
      {sent && runId && (
        <RunProgressBar
          progress={progress}
          total={sent.messages.length}
          cancelling={cancelling}
          onCancel={() => {
            setCancelling(true);
            cancel.mutate({ companyGuid: company.guid, runId });
          }}
        />
      )}
      {progress.ended && (
        <div
          className={`notice ${progress.ended.run.failed > 0 || progress.ended.kind === 'cancelled' ? 'notice-warn' : 'notice-good'}`}
          role="status"
          data-testid="run-result"
        >
          {progress.ended.run.error
            ? t('collections.runFailed', { error: progress.ended.run.error })
            : t(progress.ended.kind === 'cancelled' ? 'collections.cancelled' : 'collections.finished', {
                sent: progress.ended.run.sent,
                failed: progress.ended.run.failed,
                skipped: progress.ended.run.skipped,
              })}
        </div>
      )}
      <QueryState query={view}>
        {(preview) => (
          <>
            {!sent && <p className="hint">{t('collections.previewIntro')}</p>}
            <h2 className="subhead">{t('collections.toSend', { count: preview.messages.length })}</h2>
            {preview.messages.length === 0 && (
              <div className="notice notice-warn" role="status">
                {t('collections.nothingToSend')}
              </div>
            )}
            {preview.statementProblem !== null && preview.messages.length > 0 && (
              <div className="notice notice-warn" role="status" data-testid="statement-problem">
                {t('collections.statementProblem', { reason: preview.statementProblem })}
              </div>
            )}
            <ol
              className="coll-messages"
              aria-label={t('collections.toSend', { count: preview.messages.length })}
            >
              {preview.messages.map((m, i) => (
                <li key={m.ledgerGuid} className="card coll-message" data-testid="preview-message">
                  <div className="coll-message-head">
                    <strong>{m.partyName}</strong>
                    <Outcome
                      outcome={runId ? progress.outcomes.get(m.ledgerGuid) : undefined}
                      started={sent !== null}
                      t={t}
                    />
                  </div>
                  <dl className="coll-facts">
                    <dt>{t('collections.to')}</dt>
                    <dd>{m.to.join(', ')}</dd>
                    {m.cc.length > 0 && (
                      <>
                        <dt>{t('collections.ccLine')}</dt>
                        <dd>{m.cc.join(', ')}</dd>
                      </>
                    )}
                    <dt>{t('collections.subject')}</dt>
                    <dd>{m.subject}</dd>
                    <dt>{t('collections.attachment')}</dt>
                    <dd>
                      {m.attachments.length > 0 ? m.attachments.join(', ') : t('collections.noAttachment')}
                    </dd>
                    <dt>{t('collections.figures')}</dt>
                    <dd>
                      {t('collections.totalDue')} {money(m.totalDue)} · {t('collections.overdue')}{' '}
                      {money(m.overdue)}
                      {m.interest !== 0 && ` · ${t('collections.interest')} ${money(m.interest)}`} ·{' '}
                      {t(`collections.languages.${m.language}`)}
                    </dd>
                  </dl>
                  <details open={i === 0}>
                    <summary>{t('collections.messageText')}</summary>
                    <pre className="coll-body" lang={m.language}>
                      {m.text}
                    </pre>
                  </details>
                </li>
              ))}
            </ol>
            {(preview.withoutEmail.length > 0 ||
              preview.recentlySent.length > 0 ||
              preview.excluded.length > 0) && (
              <section className="card" data-testid="skipped">
                <h2 className="card-title">{t('collections.skipped')}</h2>
                <table className="data-table coll-skipped">
                  <thead>
                    <tr>
                      <th scope="col">{t('collections.party')}</th>
                      <th scope="col">{t('collections.why')}</th>
                      <th scope="col">{t('collections.mobile')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.withoutEmail.map((w) => (
                      <tr key={w.ledgerGuid} data-skip="no-email">
                        <td>{w.partyName}</td>
                        <td>
                          <span className="coll-missing">{t('collections.skippedWhy.noEmail')}</span>
                        </td>
                        <td>
                          {w.mobile ? (
                            <WhatsAppButton
                              companyGuid={company.guid}
                              ledgerGuid={w.ledgerGuid}
                              partyName={w.partyName}
                              asOn={preview.asOn}
                            />
                          ) : (
                            <span className="coll-missing">{t('collections.noMobile')}</span>
                          )}
                        </td>
                      </tr>
                    ))}
                    {preview.recentlySent.map((r) => (
                      <tr key={r.ledgerGuid} data-skip="recent">
                        <td>{r.partyName}</td>
                        <td>
                          {minDays !== undefined
                            ? t('collections.skippedWhy.recent', {
                                date: dateTime(r.lastSentAt),
                                days: minDays,
                              })
                            : t('collections.skippedWhy.recentShort', { date: dateTime(r.lastSentAt) })}
                        </td>
                        <td />
                      </tr>
                    ))}
                    {preview.excluded.map((x) => (
                      <tr key={x.ledgerGuid} data-skip="excluded">
                        <td>{x.partyName}</td>
                        <td>{t('collections.skippedWhy.excluded')}</td>
                        <td />
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}

function Outcome({ outcome, started, t }: { outcome: PartyOutcome | undefined; started: boolean; t: T }) {
  if (!started) return null;
  if (!outcome)
    return (
      <span className="pill coll-pill-pending" data-outcome="pending">
        {t('collections.status.pending')}
      </span>
    );
  return (
    <span className={`coll-outcome coll-outcome-${outcome.state}`} data-outcome={outcome.state}>
      <span className="pill">{t(`collections.status.${outcome.state}`)}</span>
      {outcome.state === 'failed' && (
        <>
          {' '}
          {t(`collections.reasons.${outcome.reason}`, { defaultValue: t('collections.reasons.unknown') })}
          <span className="coll-server-words">
            {' '}
            · {t('collections.serverSaid', { message: outcome.message })}
          </span>
        </>
      )}
      {outcome.state === 'skipped' && (
        <> {t(`collections.skips.${outcome.why}`, { defaultValue: outcome.why })}</>
      )}
    </span>
  );
}
