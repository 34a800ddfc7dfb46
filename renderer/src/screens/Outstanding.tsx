import { useTranslation } from 'react-i18next';
import type {
  AgeingBucket,
  CompanySummary,
  Outstanding as OutstandingData,
  OutstandingBill,
  OutstandingParty,
} from '../../../shared/types/reports';
import { isValidIsoDate } from '../../../shared/dates';
import { useOperation } from '../data/client';
import { date, money, todayIso } from '../lib/format';
import { useAppState } from '../state';
import { Toolbar } from '../components/PageHeader';
import { ReportHeader } from '../components/ReportHeader';
import { QueryState } from '../components/QueryState';
import { DataTable, type Column } from '../components/DataTable';
import { DateInput } from '../components/DateInput';
import type { ExportSheet } from '../lib/export';

type T = ReturnType<typeof useTranslation>['t'];

export function bucketLabel(bucket: AgeingBucket, t: T): string {
  return bucket.toDays === null
    ? t('outstanding.daysOver', { from: Math.max(0, bucket.fromDays - 1) })
    : t('outstanding.days', { from: bucket.fromDays, to: bucket.toDays });
}

export function Outstanding({ company }: { company: CompanySummary }) {
  const { t } = useTranslation();
  const { route, go } = useAppState();
  const kind = route.params.k === 'payable' ? 'payable' : 'receivable';
  const asOn = route.params.on && isValidIsoDate(route.params.on) ? route.params.on : todayIso();
  const partyGuid = route.params.p ?? '';
  const query = useOperation('outstanding.get', { companyGuid: company.guid, kind, asOn });
  const setParams = (params: Record<string, string | undefined>) =>
    go('outstanding', { k: kind, on: route.params.on, p: partyGuid || undefined, ...params });

  const data = query.data?.data;
  const party = data?.parties.find((p) => p.ledgerGuid === partyGuid) ?? null;
  const partyColumns = data ? partyColumnsOf(data, t) : [];
  const billColumns = billColumnsOf(t);

  return (
    <>
      <ReportHeader
        title={party ? t('outstanding.billsOf', { party: party.name }) : t('outstanding.title')}
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
              onClick={() => setParams({ k, p: undefined })}
            >
              {t(`outstanding.${k}`)}
            </button>
          ))}
        </div>
        <DateInput
          label={t('common.asOn')}
          value={asOn}
          onChange={(on) => setParams({ on })}
          testId="as-on"
        />
        {party && (
          <button type="button" className="btn" onClick={() => setParams({ p: undefined })}>
            ← {t('outstanding.back')}
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
            </section>
            {party ? (
              <DataTable
                label={t('outstanding.billsOf', { party: party.name })}
                columns={billColumns}
                rows={party.bills}
                rowKey={(b, i) => `${b.billName}:${i}`}
                empty={t('outstanding.empty')}
                initialSort={{ id: 'overdue', dir: 'desc' }}
              />
            ) : (
              <DataTable
                label={t('outstanding.parties')}
                columns={partyColumns}
                rows={report.parties}
                rowKey={(p) => p.ledgerGuid}
                onRowClick={(p) => setParams({ p: p.ledgerGuid })}
                empty={t('outstanding.empty')}
                initialSort={{ id: 'total', dir: 'desc' }}
                foot={
                  <tr className="row-total">
                    <td>{t('common.total')}</td>
                    <td className="num">{money(report.total)}</td>
                    {report.buckets.map((b) => (
                      <td key={b.label} className="num">
                        {money(b.amount)}
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

function partyColumnsOf(data: OutstandingData, t: T): Column<OutstandingParty>[] {
  return [
    { id: 'name', header: t('common.party'), kind: 'text', value: (p) => p.name },
    { id: 'total', header: t('common.total'), kind: 'money', value: (p) => p.total, width: '150px' },
    ...data.buckets.map((b, i): Column<OutstandingParty> => ({
      id: `b${i}`,
      header: bucketLabel(b, t),
      kind: 'money',
      value: (p) => p.buckets[i] ?? 0,
      width: '130px',
    })),
  ];
}

function billColumnsOf(t: T): Column<OutstandingBill>[] {
  return [
    { id: 'bill', header: t('outstanding.billName'), kind: 'text', value: (b) => b.billName },
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
    { id: 'amount', header: t('common.amount'), kind: 'money', value: (b) => b.amount, width: '160px' },
  ];
}

function partiesSheet(data: OutstandingData, company: CompanySummary, t: T): ExportSheet<OutstandingParty> {
  return {
    title: `${t('outstanding.title')} - ${t(`outstanding.${data.kind}`)}`,
    subtitle: [company.name, `${t('common.asOn')} ${date(data.asOn)}`],
    columns: partyColumnsOf(data, t),
    rows: data.parties,
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
    subtitle: [company.name, `${t(`outstanding.${data.kind}`)} · ${t('common.asOn')} ${date(data.asOn)}`],
    columns: billColumnsOf(t),
    rows: party.bills,
  };
}
