import { useTranslation } from 'react-i18next';
import type { MessageLogEntry } from '../../../../shared/types/collections';
import { useOperation } from '../../data/client';
import { count, dateTime, money } from '../../lib/format';
import { QueryState } from '../../components/QueryState';

/**
 * Every message sent (or tried) to one party, newest first: when, to whom, by e-mail or WhatsApp, what
 * was attached and the amounts as sent, and the server's answer or the error. Shown in Collections and
 * meant for the party's outstanding screen too.
 */
export function PartyMessageLog({ companyGuid, ledgerGuid }: { companyGuid: string; ledgerGuid: string }) {
  const { t } = useTranslation();
  const query = useOperation('collections.log', { companyGuid, ledgerGuid });
  return (
    <section className="card coll-log" data-testid="message-log" aria-label={t('collections.log.title')}>
      <h2 className="card-title">{t('collections.log.title')}</h2>
      <QueryState query={query} isEmpty={(log) => log.length === 0} empty={t('collections.log.empty')}>
        {(log) => (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('collections.log.when')}</th>
                  <th scope="col">{t('collections.log.channel')}</th>
                  <th scope="col">{t('collections.log.to')}</th>
                  <th scope="col">{t('collections.log.attachment')}</th>
                  <th scope="col">{t('collections.log.amounts')}</th>
                  <th scope="col">{t('collections.log.status')}</th>
                </tr>
              </thead>
              <tbody>
                {log.map((m) => (
                  <LogRow key={m.id} entry={m} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </section>
  );
}

function LogRow({ entry: m }: { entry: MessageLogEntry }) {
  const { t } = useTranslation();
  const a = m.amounts;
  return (
    <tr data-state={m.state} data-channel={m.channel}>
      <td className="nowrap">{dateTime(m.at)}</td>
      <td>
        {t(`collections.log.channels.${m.channel}`)}
        {m.channel === 'whatsapp' && <small className="muted"> ({t('collections.log.byHand')})</small>}
      </td>
      <td>
        {m.to.join(', ')}
        {m.cc.length > 0 && <small className="muted"> · CC {m.cc.join(', ')}</small>}
        {m.subject && <div className="muted coll-subject">{m.subject}</div>}
      </td>
      <td>
        {m.attachments.map((f) => `${f.filename} (${count(Math.ceil(f.bytes / 1024))} KB)`).join(', ') || '—'}
      </td>
      <td className="nowrap">
        {t('collections.log.amountsLine', {
          total: money(a.totalDue) || '₹0',
          overdue: money(a.overdue) || '₹0',
        })}
        {a.interest !== 0 && t('collections.log.amountsInterest', { interest: money(a.interest) })}
        <div className="muted">{t('collections.log.bills', { count: a.bills.length })}</div>
      </td>
      <td>
        <span className={`coll-outcome coll-outcome-${m.state}`}>
          <span className="pill">{t(`collections.log.states.${m.state}`)}</span>
        </span>
        {m.state === 'failed' && (
          <div>
            {t(`collections.reasons.${m.reason ?? 'unknown'}`, {
              defaultValue: t('collections.reasons.unknown'),
            })}
            {m.error && (
              <div className="coll-server-words">{t('collections.serverSaid', { message: m.error })}</div>
            )}
          </div>
        )}
        {m.state === 'sent' && m.serverResponse && (
          <div className="muted coll-server-words">{m.serverResponse}</div>
        )}
      </td>
    </tr>
  );
}
