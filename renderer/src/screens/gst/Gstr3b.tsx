import { useTranslation } from 'react-i18next';
import type {
  Gstr3bAnswer,
  Gstr3bFigure,
  Gstr3bFigureId,
  Gstr3bInterStateRow,
} from '../../../../shared/types/gst';
import type { CompanySummary } from '../../../../shared/types/reports';
import { DataTable, type Column } from '../../components/DataTable';
import { Toolbar } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { ReportHeader } from '../../components/ReportHeader';
import { useOperation } from '../../data/client';
import type { ExportSheet } from '../../lib/export';
import { useAppState } from '../../state';
import { FigureVouchers, JsonButton, MonthChooser, TotalsRow, useGstMonth, useVouchersPages } from './common';
import { placeLabel } from './sheets/columns';
import { periodTitle } from './sheets/period';
import {
  figureKey,
  figureNumber,
  figureRef,
  figureVouchersSheet,
  gatherGstr3bVouchers,
  GSTR3B_TABLES,
  gstr3bWorkbook,
  stateRef,
} from './sheets/gstr3b';

interface FormRow {
  key: string;
  label: string;
  figure: Gstr3bFigure | null;
}

/**
 * GSTR-3B of a month in the portal's tables (3.1, 3.2, 4, 5, tax payable); Enter on a figure lists the
 * vouchers behind it, a page at a time from `gst.vouchers` (a figure without vouchers does not open);
 * Enter on a voucher opens it.
 */
export function Gstr3b({ company }: { company: CompanySummary }) {
  const { t, i18n } = useTranslation();
  const { route, go } = useAppState();
  const { month, setMonth } = useGstMonth(company, { quarters: true });
  const query = useOperation('gst.gstr3b', { companyGuid: company.guid, month });
  const answer = query.data;
  const period = periodTitle(month, i18n.language, t);
  const heading = answer && { company: company.name, gstin: answer.gstin, period };
  const open = (f: string | undefined) => go('gstr3b', { m: month, f });
  const vouchers = useVouchersPages(company.guid, month);

  // ?f=3.1a (a figure) or ?f=3.2:29 (a state of table 3.2).
  const drill = route.params.f ?? '';
  const figure = answer?.view.figures.find((x) => x.id === drill);
  const state = drill.startsWith('3.2:')
    ? answer?.view.interState.find((r) => `3.2:${r.placeOfSupply}` === drill)
    : undefined;
  const drillRef = figure ? figureRef(figure.id) : state ? stateRef(state.placeOfSupply) : null;
  const drillTitle = figure
    ? `${figureNumber(figure.id)} ${t(figureKey(figure.id))}`
    : state && answer
      ? `3.2 · ${t('gst.supplies32', { state: placeLabel(state.placeOfSupply, answer.view.states) })}`
      : null;

  // The workbook gathers each figure's vouchers page by page first (a print is the form alone).
  const sheet =
    answer && heading
      ? async (purpose: 'file' | 'print'): Promise<ExportSheet<unknown>> => {
          if (drillRef && drillTitle) {
            const rows = await vouchers.gather(drillRef, purpose, (figure ?? state)?.count ?? 0);
            return figureVouchersSheet(
              drillTitle,
              rows,
              answer.view.states,
              heading,
              t,
            ) as ExportSheet<unknown>;
          }
          const all =
            purpose === 'file'
              ? await vouchers.refusing(() => gatherGstr3bVouchers(vouchers.page, answer))
              : new Map();
          return gstr3bWorkbook(answer, all, heading, t) as ExportSheet<unknown>;
        }
      : undefined;

  return (
    <>
      <ReportHeader
        title={drillTitle ? `GSTR-3B · ${drillTitle}` : 'GSTR-3B'}
        served={undefined}
        sheet={sheet}
      >
        {company.name} · {period}
        {answer && <> · {t('gst.gstin', { gstin: answer.gstin })}</>}
      </ReportHeader>
      <Toolbar>
        <MonthChooser month={month} onChange={setMonth} quarters />
        {drillTitle && (
          <button type="button" className="btn" onClick={() => open(undefined)} data-testid="gst-back-form">
            ← GSTR-3B
          </button>
        )}
        {answer && <JsonButton form="GSTR3B" gstin={answer.gstin} month={month} json={answer.json} />}
      </Toolbar>
      <QueryState query={query}>
        {(data) =>
          drillTitle && drillRef ? (
            <FigureVouchers
              companyGuid={company.guid}
              month={month}
              of={drillRef}
              label={drillTitle}
              states={data.view.states}
            />
          ) : (
            <Form answer={data} onOpen={open} />
          )
        }
      </QueryState>
    </>
  );
}

function Form({ answer, onOpen }: { answer: Gstr3bAnswer; onOpen: (f: string) => void }) {
  const { t } = useTranslation();
  const byId = new Map(answer.view.figures.map((f) => [f.id, f]));
  const figureRow = (id: Gstr3bFigureId): FormRow => ({
    key: id,
    label: t(figureKey(id)),
    figure: byId.get(id)!,
  });
  const heading = (key: string, label: string): FormRow => ({ key, label, figure: null });
  const amountColumns = (withTaxable: boolean): Column<FormRow>[] => [
    ...(withTaxable
      ? [
          {
            id: 'taxable',
            header: t('gst.taxable'),
            kind: 'money' as const,
            value: (r: FormRow) => r.figure?.taxable ?? null,
            width: '140px',
          },
        ]
      : []),
    {
      id: 'igst',
      header: t('gst.igst'),
      kind: 'money',
      value: (r) => r.figure?.igst ?? null,
      width: '120px',
    },
    {
      id: 'cgst',
      header: t('gst.cgst'),
      kind: 'money',
      value: (r) => r.figure?.cgst ?? null,
      width: '120px',
    },
    {
      id: 'sgst',
      header: t('gst.sgst'),
      kind: 'money',
      value: (r) => r.figure?.sgst ?? null,
      width: '120px',
    },
    {
      id: 'cess',
      header: t('gst.cess'),
      kind: 'money',
      value: (r) => r.figure?.cess ?? null,
      width: '100px',
    },
  ];
  const label = (header: string): Column<FormRow> => ({
    id: 'label',
    header,
    kind: 'text',
    value: (r) => r.label,
    render: (r) => (r.figure ? r.label : <strong>{r.label}</strong>),
  });
  // A figure without vouchers (4(B), 4(D)(2) the books do not give; a nil one) has nothing to list.
  const openRow = (r: FormRow) => (r.figure && r.figure.count > 0 ? onOpen(r.figure.id) : undefined);
  const rowClass = (r: FormRow) =>
    !r.figure ? 'row-group' : r.figure.count > 0 ? undefined : 'gst-no-vouchers';

  const t31 = GSTR3B_TABLES[0]!.figures.map(figureRow);
  const t4: FormRow[] = [
    heading('A', t('gst.tables.t4A')),
    ...GSTR3B_TABLES[1]!.figures.map(figureRow),
    heading('B', t('gst.tables.t4B')),
    ...GSTR3B_TABLES[2]!.figures.map(figureRow),
    figureRow('4C'),
    heading('D', t('gst.tables.t4D')),
    ...GSTR3B_TABLES[4]!.figures.map(figureRow),
  ];
  const t5 = [
    {
      key: 'gst',
      label: t('gst.tables.t5Gst'),
      inter: byId.get('5gstInter')!,
      intra: byId.get('5gstIntra')!,
    },
    {
      key: 'nongst',
      label: t('gst.tables.t5NonGst'),
      inter: byId.get('5nongstInter')!,
      intra: byId.get('5nongstIntra')!,
    },
  ];
  type T5 = (typeof t5)[number];
  const taxRows = [
    { key: 'liability', label: t('gst.liability'), heads: answer.view.liability },
    { key: 'credit', label: t('gst.paidByCredit'), heads: answer.view.paidByCredit },
    { key: 'cash', label: t('gst.paidInCash'), heads: answer.view.paidInCash },
  ];
  type TaxRow = (typeof taxRows)[number];
  const stateColumns: Column<Gstr3bInterStateRow>[] = [
    {
      id: 'pos',
      header: t('gst.placeOfSupply'),
      kind: 'text',
      value: (r) => placeLabel(r.placeOfSupply, answer.view.states),
    },
    { id: 'taxable', header: t('gst.taxable'), kind: 'money', value: (r) => r.taxable, width: '160px' },
    { id: 'igst', header: t('gst.igst'), kind: 'money', value: (r) => r.igst, width: '140px' },
  ];

  return (
    <div className="gst-form" data-testid="gstr3b-form">
      <h2 className="gst-table-title">{t('gst.tables.t31')}</h2>
      <DataTable
        searchable={false}
        label={t('gst.tables.t31')}
        columns={[label(t('gst.description')), ...amountColumns(true)]}
        rows={t31}
        rowKey={(r) => r.key}
        onRowClick={openRow}
        rowClassName={rowClass}
      />

      <h2 className="gst-table-title">{t('gst.tables.t32')}</h2>
      <DataTable
        searchable={false}
        label={t('gst.tables.t32')}
        columns={stateColumns}
        rows={answer.view.interState}
        rowKey={(r) => r.placeOfSupply}
        onRowClick={(r) => (r.count > 0 ? onOpen(`3.2:${r.placeOfSupply}`) : undefined)}
        rowClassName={(r) => (r.count > 0 ? undefined : 'gst-no-vouchers')}
        empty={t('common.empty')}
        foot={
          answer.view.interState.length > 0 ? (
            <TotalsRow columns={stateColumns} rows={answer.view.interState} />
          ) : undefined
        }
      />

      <h2 className="gst-table-title">{t('gst.tables.t4')}</h2>
      <p className="muted">{t('gst.blockedNote')}</p>
      <DataTable
        searchable={false}
        label={t('gst.tables.t4')}
        columns={[label(t('gst.description')), ...amountColumns(false)]}
        rows={t4}
        rowKey={(r) => r.key}
        onRowClick={openRow}
        rowClassName={rowClass}
      />

      <h2 className="gst-table-title">{t('gst.tables.t5')}</h2>
      <DataTable<T5>
        searchable={false}
        label={t('gst.tables.t5')}
        columns={[
          { id: 'label', header: t('gst.description'), kind: 'text', value: (r) => r.label },
          {
            id: 'inter',
            header: t('gst.interState'),
            kind: 'money',
            value: (r) => r.inter.taxable,
            width: '160px',
          },
          {
            id: 'intra',
            header: t('gst.intraState'),
            kind: 'money',
            value: (r) => r.intra.taxable,
            width: '160px',
          },
        ]}
        rows={t5}
        rowKey={(r) => r.key}
        onRowClick={(r) => {
          const f = r.intra.count > 0 ? r.intra : r.inter;
          if (f.count > 0) onOpen(f.id);
        }}
        rowClassName={(r) => (r.intra.count > 0 || r.inter.count > 0 ? undefined : 'gst-no-vouchers')}
      />

      <h2 className="gst-table-title">{t('gst.tables.tax')}</h2>
      <DataTable<TaxRow>
        searchable={false}
        label={t('gst.tables.tax')}
        columns={[
          { id: 'label', header: t('gst.description'), kind: 'text', value: (r) => r.label },
          { id: 'igst', header: t('gst.igst'), kind: 'money', value: (r) => r.heads.igst, width: '120px' },
          { id: 'cgst', header: t('gst.cgst'), kind: 'money', value: (r) => r.heads.cgst, width: '120px' },
          { id: 'sgst', header: t('gst.sgst'), kind: 'money', value: (r) => r.heads.sgst, width: '120px' },
          { id: 'cess', header: t('gst.cess'), kind: 'money', value: (r) => r.heads.cess, width: '100px' },
        ]}
        rows={taxRows}
        rowKey={(r) => r.key}
      />
    </div>
  );
}
