import { useTranslation } from 'react-i18next';
import type {
  AgeingBucket,
  CompanySummary,
  Outstanding as OutstandingData,
  OutstandingBill,
  OutstandingParty,
} from '../../../../shared/types/reports';
import { isValidIsoDate } from '../../../../shared/dates';
import { useOperation } from '../../data/client';
import { date, money, todayIso } from '../../lib/format';
import { useAppState } from '../../state';
import { asOnOf } from '../../components/Period';
import { Toolbar } from '../../components/PageHeader';
import { ReportHeader } from '../../components/ReportHeader';
import { QueryState } from '../../components/QueryState';
import { DataTable, type Column } from '../../components/DataTable';
import { DateInput } from '../../components/DateInput';
import type { ExportSheet } from '../../lib/export';
import { outstandingBillByBill } from './sheets/outstanding';
import { BillHistory } from './BillHistory';
import { StatementOfAccount } from './StatementOfAccount';
import { PartyMessageLog } from '../collections/PartyMessageLog';

type T = ReturnType<typeof useTranslation>['t'];

export function bucketLabel(bucket: AgeingBucket, t: T): string {
  return bucket.toDays === null
    ? t('outstanding.daysOver', { from: Math.max(0, bucket.fromDays - 1) })
    : t('outstanding.days', { from: bucket.fromDays, to: bucket.toDays });
}

export function Outstanding({ company }: { company: CompanySummary }) {
  const { t } = useTranslation();
  const { route, go, sessionPeriod } = useAppState();
  const kind = route.params.k === 'payable' ? 'payable' : 'receivable';
  // As on the link's date (a drill-down), else the session's date (F2), else today.
  const asOn =
    route.params.on && isValidIsoDate(route.params.on)
      ? route.params.on
      : sessionPeriod
        ? asOnOf(sessionPeriod)
        : todayIso();
  const partyGuid = route.params.p ?? '';
  // A bill of the party, drilled into from its bills (Tally's bill-wise drill).
  const billName = route.params.b ?? '';
  // Ageing from the due date (Tally's default) or the bill date (Tally's F6).
  const ageBy = route.params.a === 'bill' ? 'bill' : 'due';
  const query = useOperation('outstanding.get', { companyGuid: company.guid, kind, asOn, ageBy });
  const setParams = (params: Record<string, string | undefined>) =>
    go('outstanding', {
      k: kind,
      on: route.params.on,
      a: ageBy === 'bill' ? 'bill' : undefined,
      p: partyGuid || undefined,
      b: billName || undefined,
      ...params,
    });

  const data = query.data?.data;
  const party = data?.parties.find((p) => p.ledgerGuid === partyGuid) ?? null;
  // The party's statement of account (s=1), with its ledger for a period when asked (l=1, from, to).
  if (route.params.s === '1' && data && party && !billName) {
    return (
      <StatementOfAccount
        company={company}
        data={data}
        party={party}
        setParams={(params) =>
          setParams({ s: '1', l: route.params.l, from: route.params.from, to: route.params.to, ...params })
        }
      />
    );
  }
  const partyColumns = data ? partyColumnsOf(data, t, { screen: true }) : [];
  const billColumns = billColumnsOf(t);

  return (
    <>
      <ReportHeader
        title={
          party && billName
            ? t('outstanding.billHistory', { bill: billName, party: party.name })
            : party
              ? t('outstanding.billsOf', { party: party.name })
              : t('outstanding.title')
        }
        served={query.data}
        sheet={data && (() => (party ? billsSheet(party, data, company, t) : partiesSheet(data, company, t)))}
      >
        {company.name} · {t('common.asOn')} {date(asOn)}
      </ReportHeader>
      <Toolbar>
        <div className="segmented" role="tablist" aria-label={t('outstanding.title')}>
          {(['receivable', 'payable'] as const).map((k) => (
            <button
              key={k}
              type="button"
              role="tab"
              aria-selected={kind === k}
              className={kind === k ? 'active' : undefined}
              onClick={() => setParams({ k, p: undefined, b: undefined })}
            >
              {t(`outstanding.${k}`)}
            </button>
          ))}
        </div>
        <div className="segmented" role="group" aria-label={t('outstanding.ageBy')}>
          <span className="segmented-label">{t('outstanding.ageBy')}</span>
          {(['due', 'bill'] as const).map((a) => (
            <button
              key={a}
              type="button"
              aria-pressed={ageBy === a}
              className={ageBy === a ? 'active' : undefined}
              onClick={() => setParams({ a: a === 'bill' ? 'bill' : undefined })}
            >
              {t(a === 'bill' ? 'outstanding.ageByBill' : 'outstanding.ageByDue')}
            </button>
          ))}
        </div>
        <DateInput
          label={t('common.asOn')}
          value={asOn}
          onChange={(on) => setParams({ on })}
          testId="as-on"
        />
        {party && billName && (
          <button type="button" className="btn" onClick={() => setParams({ b: undefined })}>
            ← {t('outstanding.backToBills', { party: party.name })}
          </button>
        )}
        {party && (
          <button type="button" className="btn" onClick={() => setParams({ p: undefined, b: undefined })}>
            ← {t('outstanding.back')}
          </button>
        )}
        {party && !billName && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => setParams({ s: '1' })}
            data-testid="statement-of-account"
          >
            {t('statementOfAccount.action')}
          </button>
        )}
      </Toolbar>
      <QueryState query={query}>
        {({ data: report }) => (
          <>
            <section className="ageing" aria-label={t('outstanding.ageing')} data-testid="ageing">
              <div className="ageing-total">
                <span>{t('outstanding.total')}</span>
                <strong>{money(party ? party.total : report.total)}</strong>
              </div>
              <div className="ageing-bucket ageing-not-due" data-testid="not-due">
                <span>{t('outstanding.notDue')}</span>
                <strong>{money(party ? party.notDue : report.notDue)}</strong>
              </div>
              {report.buckets.map((b, i) => {
                const amount = party ? (party.buckets[i] ?? 0) : b.amount;
                const total = party ? party.total : report.total;
                return (
                  <div key={b.label} className={`ageing-bucket ageing-${Math.min(i, 4)}`}>
                    <span>{bucketLabel(b, t)}</span>
                    <strong>{money(amount)}</strong>
                    <span className="ageing-bar" aria-hidden="true">
                      <span style={{ width: `${total ? Math.max(0, (amount / total) * 100) : 0}%` }} />
                    </span>
                  </div>
                );
              })}
              <div className="ageing-bucket ageing-on-account" data-testid="on-account">
                <span>{t('outstanding.onAccount')}</span>
                <strong>{money(party ? party.onAccount : report.onAccount)}</strong>
              </div>
            </section>
            {party && billName ? (
              <BillHistory
                company={company}
                ledgerGuid={party.ledgerGuid}
                billName={billName}
                kind={kind}
                asOn={asOn}
              />
            ) : party ? (
              <DataTable
                label={t('outstanding.billsOf', { party: party.name })}
                columns={billColumns}
                rows={party.bills}
                rowKey={(b, i) => `${b.billName}:${i}`}
                // The On Account line is not a bill: nothing to drill into.
                onRowClick={(b) => (b.onAccount ? undefined : setParams({ b: b.billName }))}
                empty={t('outstanding.empty')}
                initialSort={{ id: 'overdue', dir: 'desc' }}
              />
            ) : null}
            {party && !billName && (
              // What was sent to this party (reminders, statements) and when: the credit controller's question.
              <PartyMessageLog companyGuid={company.guid} ledgerGuid={party.ledgerGuid} onlyWhenAllowed />
            )}
            {party ? null : (
              <DataTable
                label={t('outstanding.parties')}
                columns={partyColumns}
                rows={report.parties}
                rowKey={(p) => p.ledgerGuid}
                onRowClick={(p) => setParams({ p: p.ledgerGuid, b: undefined })}
                empty={t('outstanding.empty')}
                initialSort={{ id: 'total', dir: 'desc' }}
                foot={
                  // One cell per column shown, so the totals stay under their amounts whatever is left out.
                  <tr className="row-total">
                    {partyColumns.map((c) => (
                      <td key={c.id} className={c.kind === 'money' ? 'num' : undefined}>
                        {c.id === 'name'
                          ? t('common.total')
                          : c.kind === 'money'
                            ? money(report.parties.reduce((sum, p) => sum + Number(c.value(p) ?? 0), 0))
                            : null}
                      </td>
                    ))}
                  </tr>
                }
              />
            )}
          </>
        )}
      </QueryState>
    </>
  );
}

/** A text column kept to one line, cut with … and whole in the tooltip. */
function clippedText(
  id: string,
  header: string,
  value: (p: OutstandingParty) => string,
  width: string,
): Column<OutstandingParty> {
  return {
    id,
    header,
    kind: 'text',
    value,
    width,
    render: (p) => (
      <span className="cell-name" title={value(p)}>
        {value(p)}
      </span>
    ),
  };
}

/**
 * The party table's columns. On screen a column that would say nothing is left out, so a laptop keeps room
 * for the names: Group when every party is in one group, On Account when no party has any (its card stays).
 * Exports keep every column.
 */
function partyColumnsOf(
  data: OutstandingData,
  t: T,
  { screen = false }: { screen?: boolean } = {},
): Column<OutstandingParty>[] {
  const oneGroup = new Set(data.parties.map((p) => p.group)).size <= 1;
  const noOnAccount = data.parties.every((p) => p.onAccount === 0);
  const columns: Column<OutstandingParty>[] = [
    // Names stay on one line (cut with …, whole in the tooltip) so ten amount columns fit a laptop.
    { ...clippedText('name', t('common.party'), (p) => p.name, '180px'), minWidth: '170px' },
    ...(screen && oneGroup ? [] : [clippedText('group', t('outstanding.group'), (p) => p.group, '100px')]),
    { id: 'total', header: t('common.total'), kind: 'money', value: (p) => p.total, width: '150px' },
    { id: 'notDue', header: t('outstanding.notDue'), kind: 'money', value: (p) => p.notDue, width: '130px' },
    ...data.buckets.map((b, i): Column<OutstandingParty> => ({
      id: `b${i}`,
      header: bucketLabel(b, t),
      kind: 'money',
      value: (p) => p.buckets[i] ?? 0,
      width: '130px',
    })),
  ];
  if (!(screen && noOnAccount)) {
    columns.push({
      id: 'onAccount',
      header: t('outstanding.onAccount'),
      kind: 'money',
      value: (p) => p.onAccount,
      width: '130px',
    });
  }
  return columns;
}

function billColumnsOf(t: T): Column<OutstandingBill>[] {
  return [
    {
      id: 'bill',
      header: t('outstanding.billName'),
      kind: 'text',
      value: (b) => (b.onAccount ? t('outstanding.onAccount') : b.billName),
    },
    {
      id: 'billDate',
      header: t('outstanding.billDate'),
      kind: 'date',
      value: (b) => b.billDate,
      width: '120px',
    },
    {
      id: 'dueDate',
      header: t('outstanding.dueDate'),
      kind: 'date',
      value: (b) => b.dueDate,
      width: '120px',
    },
    {
      id: 'overdue',
      header: t('outstanding.overdueDays'),
      kind: 'number',
      value: (b) => b.overdueDays,
      width: '130px',
    },
    {
      id: 'age',
      header: t('outstanding.ageDays'),
      kind: 'text',
      // Not-due bills and the On Account line are not aged: they say so instead of a number of days.
      value: (b) =>
        b.onAccount ? t('outstanding.onAccount') : b.ageDays === null ? t('outstanding.notDue') : b.ageDays,
      width: '130px',
    },
    { id: 'amount', header: t('common.amount'), kind: 'money', value: (b) => b.amount, width: '160px' },
  ];
}

function partiesSheet(data: OutstandingData, company: CompanySummary, t: T): ExportSheet<OutstandingParty> {
  const period = `${t('common.asOn')} ${date(data.asOn)}`;
  return {
    title: `${t('outstanding.title')} - ${t(`outstanding.${data.kind}`)}`,
    company: company.name,
    period,
    notes: [ageByText(data, t)],
    columns: partyColumnsOf(data, t),
    rows: data.parties,
    totals: { label: t('common.total') },
    // Printed bill by bill with each party's subtotal; the bills are the workbook's second sheet.
    ...outstandingBillByBill(data, company.name, period, [ageByText(data, t)], t),
  };
}

function billsSheet(
  party: OutstandingParty,
  data: OutstandingData,
  company: CompanySummary,
  t: T,
): ExportSheet<OutstandingBill> {
  return {
    title: t('outstanding.billsOf', { party: party.name }),
    company: company.name,
    period: `${t('common.asOn')} ${date(data.asOn)}`,
    notes: [t(`outstanding.${data.kind}`), ageByText(data, t)],
    columns: billColumnsOf(t),
    rows: party.bills,
    totals: { label: t('common.total') },
  };
}

const ageByText = (data: OutstandingData, t: T): string =>
  `${t('outstanding.ageBy')}: ${t(data.ageBy === 'bill' ? 'outstanding.ageByBill' : 'outstanding.ageByDue')}`;
