import { useTranslation } from 'react-i18next';
import type { GstReturnException, GstTaxHeads, GstTaxLedgerVoucher } from '../../../../shared/types/gst';
import type { CompanySummary } from '../../../../shared/types/reports';
import { DataTable, type Column } from '../../components/DataTable';
import { Toolbar } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { ReportHeader } from '../../components/ReportHeader';
import { useOperation } from '../../data/client';
import type { ExportSheet } from '../../lib/export';
import { useAppState } from '../../state';
import { MonthChooser, TotalsRow, useGstMonth } from './common';
import { periodTitle } from './sheets/period';
import { exceptionsWorkbook, problemKey } from './sheets/exceptions';

const HEADS = ['igst', 'cgst', 'sgst', 'cess'] as const;

/**
 * What to correct in Tally before filing the month: the vouchers GSTR-1 cannot place or whose GST facts
 * are wrong (missing GSTIN, HSN, rate or place of supply; tax not rate × value), and the tax ledgers'
 * movements against the returns' tax, with the vouchers that make the difference. Enter opens a voucher.
 */
export function GstExceptions({ company }: { company: CompanySummary }) {
  const { t, i18n } = useTranslation();
  const { go } = useAppState();
  const { month, setMonth } = useGstMonth(company, { quarters: true });
  const r1 = useOperation('gst.gstr1', { companyGuid: company.guid, month });
  const r3b = useOperation('gst.gstr3b', { companyGuid: company.guid, month });
  const period = periodTitle(month, i18n.language, t);
  const gstin = r1.data?.gstin ?? '';
  const sheet = r1.data
    ? (): ExportSheet<unknown> =>
        exceptionsWorkbook(
          r1.data.exceptions,
          r3b.data?.taxLedgers ?? null,
          { company: company.name, gstin, period },
          t,
        ) as ExportSheet<unknown>
    : undefined;

  const columns: Column<GstReturnException>[] = [
    { id: 'date', header: t('common.date'), kind: 'date', value: (e) => e.date, width: '100px' },
    {
      id: 'number',
      header: t('gst.voucherNo'),
      kind: 'text',
      value: (e) => e.number,
      nowrap: true,
      width: '120px',
    },
    {
      id: 'party',
      header: t('gst.party'),
      kind: 'text',
      value: (e) => e.partyName,
      render: (e) => (
        <span className="cell-name" title={e.partyName}>
          {e.partyName}
        </span>
      ),
      width: '200px',
    },
    {
      id: 'problem',
      header: t('gst.exceptions.problem'),
      kind: 'text',
      value: (e) => t(problemKey(e.problem)),
      width: '220px',
    },
    { id: 'message', header: t('gst.description'), kind: 'text', value: (e) => e.message },
    {
      id: 'excluded',
      header: t('gst.exceptions.inReturn'),
      kind: 'text',
      value: (e) => t(e.excluded ? 'gst.exceptions.leftOut' : 'gst.exceptions.kept'),
      width: '110px',
    },
  ];
  const ledgerColumns: Column<GstTaxLedgerVoucher>[] = [
    { id: 'date', header: t('common.date'), kind: 'date', value: (v) => v.date, width: '100px' },
    {
      id: 'number',
      header: t('gst.voucherNo'),
      kind: 'text',
      value: (v) => v.number,
      nowrap: true,
      width: '120px',
    },
    { id: 'type', header: t('gst.voucherType'), kind: 'text', value: (v) => v.voucherType, width: '130px' },
    { id: 'party', header: t('gst.party'), kind: 'text', value: (v) => v.partyName },
    ...HEADS.map((head): Column<GstTaxLedgerVoucher> => ({
      id: head,
      header: t('gst.exceptions.differenceIn', { head: t(`gst.${head}`) }),
      kind: 'money',
      value: (v) => v.difference[head],
      width: '130px',
    })),
  ];

  return (
    <>
      <ReportHeader title={t('nav.gstExceptions')} served={undefined} sheet={sheet}>
        {company.name} · {period}
        {gstin && <> · {t('gst.gstin', { gstin })}</>}
      </ReportHeader>
      <Toolbar>
        <MonthChooser month={month} onChange={setMonth} quarters />
      </Toolbar>
      <p className="muted">{t('gst.exceptions.intro')}</p>
      <QueryState query={r1}>
        {(data) =>
          data.exceptions.length === 0 ? (
            <p className="note" data-testid="gst-no-exceptions">
              {t('gst.exceptions.none')}
            </p>
          ) : (
            <DataTable
              label={t('nav.gstExceptions')}
              columns={columns}
              rows={data.exceptions}
              rowKey={(e, i) => `${e.voucherGuid}:${e.problem}:${i}`}
              onRowClick={(e) => go('voucher', { v: e.voucherGuid })}
            />
          )
        }
      </QueryState>
      <h2 className="gst-table-title">{t('gst.exceptions.taxLedgers')}</h2>
      <p className="muted">{t('gst.exceptions.taxLedgersIntro')}</p>
      <QueryState query={r3b}>
        {(data) => (
          <>
            <HeadsTable
              rows={[
                { key: 'ledgers', label: t('gst.exceptions.ledgers'), heads: data.taxLedgers.ledgers },
                { key: 'returns', label: t('gst.exceptions.returns'), heads: data.taxLedgers.returns },
                {
                  key: 'difference',
                  label: t('gst.exceptions.difference'),
                  heads: data.taxLedgers.difference,
                },
              ]}
            />
            {data.taxLedgers.vouchers.length === 0 ? (
              <p className="note" data-testid="gst-ledgers-agree">
                {t('gst.exceptions.noDifference')}
              </p>
            ) : (
              <DataTable
                label={t('gst.exceptions.taxLedgers')}
                columns={ledgerColumns}
                rows={data.taxLedgers.vouchers}
                rowKey={(v) => v.voucherGuid}
                onRowClick={(v) => go('voucher', { v: v.voucherGuid })}
                foot={<TotalsRow columns={ledgerColumns} rows={data.taxLedgers.vouchers} />}
              />
            )}
          </>
        )}
      </QueryState>
    </>
  );
}

function HeadsTable({ rows }: { rows: { key: string; label: string; heads: GstTaxHeads }[] }) {
  const { t } = useTranslation();
  type Row = (typeof rows)[number];
  const columns: Column<Row>[] = [
    { id: 'label', header: t('gst.exceptions.head'), kind: 'text', value: (r) => r.label },
    ...HEADS.map((head): Column<Row> => ({
      id: head,
      header: t(`gst.${head}`),
      kind: 'money',
      value: (r) => r.heads[head],
      width: '140px',
    })),
  ];
  return (
    <DataTable
      searchable={false}
      label={`${t('gst.exceptions.ledgers')} / ${t('gst.exceptions.returns')}`}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.key}
    />
  );
}
