import { useTranslation } from 'react-i18next';
import { isValidIsoDate, yearStartOf } from '../../../../shared/dates';
import { statementDocument, statementSheet } from '../../../../shared/print/statement';
import { statementWords } from '../../../../shared/print/statement-words';
import { statementCompanyOf, statementPartyOf } from '../../../../shared/print/letterhead';
import type {
  CompanySummary,
  Outstanding as OutstandingData,
  OutstandingParty,
} from '../../../../shared/types/reports';
import { useOperation } from '../../data/client';
import { useCompanyProfile } from '../../lib/print/letterhead';
import { date } from '../../lib/format';
import { useAppState } from '../../state';
import { Toolbar } from '../../components/PageHeader';
import { ReportHeader } from '../../components/ReportHeader';
import { QueryState } from '../../components/QueryState';
import { DateInput } from '../../components/DateInput';
import { DocumentView } from '../../components/DocumentView';
import type { ExportSheet } from '../../lib/export';
import { statementFromOutstanding } from './sheets/statement';

/**
 * One party's statement of account, opened from its bills in the outstanding report: the document as it
 * prints (and as it is sent), its pending bills with their ageing and, when asked, its ledger for a period.
 * Print (Alt+P / Ctrl+P) prints it page by page; Excel has the bills, the ageing and the ledger as sheets.
 */
export function StatementOfAccount({
  company,
  data,
  party,
  setParams,
}: {
  company: CompanySummary;
  data: OutstandingData;
  party: OutstandingParty;
  /** Changes the outstanding screen's route (ledger on or off, its period, back to the bills). */
  setParams: (params: Record<string, string | undefined>) => void;
}) {
  const { t, i18n } = useTranslation();
  const { route } = useAppState();
  const withLedger = route.params.l === '1';
  // The ledger's period: the link's own, else the financial year up to the as-on date.
  const from =
    route.params.from && isValidIsoDate(route.params.from)
      ? route.params.from
      : yearStartOf(data.asOn, company.yearStartMonth);
  const to = route.params.to && isValidIsoDate(route.params.to) ? route.params.to : data.asOn;
  const ledger = useOperation(
    'ledger.statement',
    { companyGuid: company.guid, ledgerGuid: party.ledgerGuid, from, to, sort: 'date', dir: 'asc' },
    { enabled: withLedger && from <= to },
  );
  // The letterhead (company.profile) and the party's address and GSTIN (its contact facts, read from the
  // collections' party list: only parties that owe the company are in it). Either missing: left off.
  const profile = useCompanyProfile(company.guid);
  const withContacts = data.kind === 'receivable';
  const contacts = useOperation(
    'collections.parties',
    { companyGuid: company.guid, asOn: data.asOn },
    { enabled: withContacts },
  );
  const contact = contacts.data?.parties.find((p) => p.ledgerGuid === party.ledgerGuid)?.contact ?? null;
  const words = statementWords(i18n.language);
  const ledgerData = withLedger ? (ledger.data?.data ?? null) : null;
  // Printed or exported once the letterhead and the party's address are in, or known to be missing (an
  // answer or an error once: a later refetch does not take the buttons away).
  const ready =
    (!withLedger || ledgerData !== null) && profile.isFetched && (!withContacts || contacts.isFetched);
  const statement = statementFromOutstanding(
    data,
    party,
    profile.data ? statementCompanyOf(profile.data) : { name: company.name },
    ledgerData,
    contact ? statementPartyOf(contact) : null,
  );
  const doc = statementDocument(statement, words);
  const sheet = (): ExportSheet<unknown> => statementSheet(statement, words) as ExportSheet<unknown>;

  return (
    <>
      <ReportHeader
        title={t('statementOfAccount.title', { party: party.name })}
        served={withLedger ? ledger.data : undefined}
        sheet={ready ? sheet : undefined}
      >
        {company.name} · {t('common.asOn')} {date(data.asOn)}
      </ReportHeader>
      <Toolbar>
        <button
          type="button"
          className="btn"
          onClick={() => setParams({ s: undefined, l: undefined, from: undefined, to: undefined })}
          data-testid="statement-back"
        >
          ← {t('statementOfAccount.back', { party: party.name })}
        </button>
        <label className="field-check">
          <input
            type="checkbox"
            checked={withLedger}
            onChange={(e) => setParams({ l: e.target.checked ? '1' : undefined })}
            data-testid="statement-with-ledger"
          />
          <span>{t('statementOfAccount.withLedger')}</span>
        </label>
        {withLedger && (
          <>
            <DateInput
              label={t('statementOfAccount.from')}
              value={from}
              onChange={(iso) => setParams({ from: iso })}
              testId="statement-from"
            />
            <DateInput
              label={t('statementOfAccount.to')}
              value={to}
              onChange={(iso) => setParams({ to: iso })}
              testId="statement-to"
            />
          </>
        )}
      </Toolbar>
      <p className="hint">{t('statementOfAccount.hint')}</p>
      {withLedger && from > to ? (
        <p className="note note-bad" role="alert">
          {t('statementOfAccount.reversed', { from: date(from), to: date(to) })}
        </p>
      ) : withLedger && ledgerData === null ? (
        <QueryState query={ledger}>{() => null}</QueryState>
      ) : (
        <DocumentView doc={doc} label={t('statementOfAccount.preview')} />
      )}
    </>
  );
}
