import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { CollectionParty, MessageLanguage } from '../../../../shared/types/collections';
import type { CompanySummary } from '../../../../shared/types/reports';
import { useOperation, useOperationMutation } from '../../data/client';
import { date, dateTime, money } from '../../lib/format';
import { goBack } from '../../lib/route';
import { useAppState } from '../../state';
import { PageHeader, Toolbar } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { ErrorState } from '../../components/States';
import { ContactValue } from './ContactValue';
import { PartyMessageLog } from './PartyMessageLog';
import { WhatsAppButton } from './WhatsAppButton';

const LANGUAGES: MessageLanguage[] = ['en', 'mr', 'hi'];

/** One party: its figures, the contacts reminders use (editable), exclusion, language, WhatsApp and its messages. */
export function PartyView({ company, ledgerGuid }: { company: CompanySummary; ledgerGuid: string }) {
  const { t } = useTranslation();
  const { go } = useAppState();
  const query = useOperation('collections.parties', { companyGuid: company.guid });
  const party = query.data?.parties.find((p) => p.ledgerGuid === ledgerGuid) ?? null;
  return (
    <>
      <PageHeader
        title={party?.name ?? t('collections.title')}
        subtitle={
          query.data ? `${party?.group ?? ''} · ${t('common.asOn')} ${date(query.data.asOn)}` : undefined
        }
      />
      <Toolbar>
        <button type="button" className="btn" onClick={() => goBack(() => go('collections', {}))}>
          ← {t('collections.backToList')}
        </button>
      </Toolbar>
      <QueryState query={query}>
        {() =>
          party ? (
            <PartyDetails companyGuid={company.guid} party={party} asOn={query.data?.asOn} />
          ) : (
            <div className="notice notice-warn" role="status">
              {t('collections.notOwing')}
            </div>
          )
        }
      </QueryState>
      <PartyMessageLog companyGuid={company.guid} ledgerGuid={ledgerGuid} />
    </>
  );
}

function PartyDetails({
  companyGuid,
  party,
  asOn,
}: {
  companyGuid: string;
  party: CollectionParty;
  asOn: string | undefined;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const update = useOperationMutation('collections.party.update');
  const change = (patch: { excluded?: boolean; language?: MessageLanguage }) =>
    update.mutate(
      { companyGuid, ledgerGuid: party.ledgerGuid, ...patch },
      { onSuccess: () => void client.invalidateQueries({ queryKey: ['collections.parties'] }) },
    );
  const c = party.contact;
  return (
    <div className="grid-2 coll-party">
      <section className="card" aria-label={t('collections.figures')}>
        <h2 className="card-title">{t('collections.figures')}</h2>
        <dl className="coll-facts">
          <dt>{t('collections.totalDue')}</dt>
          <dd className="num">{money(party.totalDue)}</dd>
          <dt>{t('collections.overdue')}</dt>
          <dd className="num">{money(party.overdue) || '—'}</dd>
          <dt>{t('collections.overdueBills')}</dt>
          <dd>{party.overdueBills}</dd>
          <dt>{t('collections.interest')}</dt>
          <dd className="num">
            {money(party.interest) || '—'}
            {party.interestNote && <div className="muted">{party.interestNote}</div>}
          </dd>
          <dt>{t('collections.lastReminder')}</dt>
          <dd>{party.lastReminderAt ? dateTime(party.lastReminderAt) : t('collections.never')}</dd>
        </dl>
      </section>
      <section className="card" aria-label={t('collections.contact')}>
        <h2 className="card-title">{t('collections.contact')}</h2>
        <dl className="coll-facts">
          <dt>{t('collections.email')}</dt>
          <dd>
            <ContactValue
              companyGuid={companyGuid}
              ledgerGuid={party.ledgerGuid}
              field="email"
              value={c.email}
              tallyValue={c.tallyEmail}
            />
          </dd>
          {c.emailCc && (
            <>
              <dt>{t('collections.cc')}</dt>
              <dd>{c.emailCc}</dd>
            </>
          )}
          <dt>{t('collections.mobile')}</dt>
          <dd>
            <ContactValue
              companyGuid={companyGuid}
              ledgerGuid={party.ledgerGuid}
              field="mobile"
              value={c.mobile}
              tallyValue={c.tallyMobile}
            />{' '}
            {c.mobile && (
              <WhatsAppButton
                companyGuid={companyGuid}
                ledgerGuid={party.ledgerGuid}
                partyName={party.name}
                {...(asOn ? { asOn } : {})}
              />
            )}
          </dd>
          {c.contactPerson && (
            <>
              <dt>{t('collections.contactPerson')}</dt>
              <dd>{c.contactPerson}</dd>
            </>
          )}
          {c.phone && (
            <>
              <dt>{t('collections.phone')}</dt>
              <dd>{c.phone}</dd>
            </>
          )}
          {c.address.length > 0 && (
            <>
              <dt>{t('collections.address')}</dt>
              <dd>{[...c.address, c.state, c.pincode].filter(Boolean).join(', ')}</dd>
            </>
          )}
          {c.gstin && (
            <>
              <dt>{t('collections.gstin')}</dt>
              <dd>{c.gstin}</dd>
            </>
          )}
          <dt>{t('collections.language')}</dt>
          <dd>
            <select
              value={party.language}
              onChange={(e) => {
                const language = LANGUAGES.find((l) => l === e.target.value);
                if (language) change({ language });
              }}
              aria-label={t('collections.language')}
              data-testid="party-language"
            >
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`collections.languages.${l}`)}
                </option>
              ))}
            </select>
          </dd>
        </dl>
        <label className="field field-check">
          <input
            type="checkbox"
            checked={party.excluded}
            onChange={(e) => change({ excluded: e.target.checked })}
            data-testid="exclude"
          />
          <span>{t('collections.exclude')}</span>
        </label>
        {party.excluded && <p className="muted">{t('collections.excludedNote')}</p>}
        {update.error && <ErrorState error={update.error} />}
      </section>
    </div>
  );
}
