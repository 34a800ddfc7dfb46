import { useTranslation } from 'react-i18next';
import type {
  Gstr1Answer,
  Gstr1DocumentSeries,
  Gstr1HsnRow,
  Gstr1SectionName,
  Gstr1SectionView,
} from '../../../../shared/types/gst';
import type { CompanySummary } from '../../../../shared/types/reports';
import { DataTable, type Column } from '../../components/DataTable';
import { Toolbar } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { ReportHeader } from '../../components/ReportHeader';
import { useOperation } from '../../data/client';
import type { ExportSheet } from '../../lib/export';
import { useAppState } from '../../state';
import {
  FigureVouchers,
  JsonButton,
  MonthChooser,
  TotalsRow,
  useGstMonth,
  useGstr1Json,
  useVouchersPages,
} from './common';
import { periodTitle } from './sheets/period';
import {
  AMOUNT_SECTIONS,
  documentsSheet,
  gatherGstr1Vouchers,
  gstr1Workbook,
  hsnFigure,
  hsnRowVouchersSheet,
  hsnSheet,
  sectionCode,
  sectionFigure,
  sectionVouchersSheet,
  type VoucherSection,
} from './sheets/gstr1';

const SECTIONS: readonly Gstr1SectionName[] = [
  'b2b',
  'b2cl',
  'b2cs',
  'cdnr',
  'cdnur',
  'exp',
  'nil',
  'hsn',
  'docs',
];

/**
 * GSTR-1 of a month as Tally shows it: each section's vouchers and totals; Enter on a section lists its
 * vouchers (the HSN summary its rows, then a row's vouchers; documents issued their series), a page at a
 * time from `gst.vouchers`; Enter on a voucher opens it. A section without vouchers does not open.
 */
export function Gstr1({ company }: { company: CompanySummary }) {
  const { t, i18n } = useTranslation();
  const { route, go } = useAppState();
  const { month, setMonth } = useGstMonth(company, { quarters: true });
  const param = route.params.s ?? '';
  const section = (SECTIONS as readonly string[]).includes(param) ? (param as Gstr1SectionName) : null;
  const hsnIndex =
    route.params.h !== undefined && /^\d+$/.test(route.params.h) ? Number(route.params.h) : null;
  const query = useOperation('gst.gstr1', { companyGuid: company.guid, month });
  const answer = query.data;
  const period = periodTitle(month, i18n.language, t);
  const heading = answer && { company: company.name, gstin: answer.gstin, period };
  const open = (params: Record<string, string | undefined>) => go('gstr1', { m: month, ...params });
  const vouchers = useVouchersPages(company.guid, month);
  const loadJson = useGstr1Json(company.guid, month);

  const sectionView = section && answer ? answer.view.sections.find((s) => s.section === section) : undefined;
  const hsnRow = section === 'hsn' && hsnIndex !== null ? answer?.view.hsn[hsnIndex] : undefined;
  const title = sectionView
    ? hsnRow
      ? t('gst.hsnRowVouchers', { hsn: hsnRow.hsn, rate: hsnRow.rate / 100 })
      : `GSTR-1 · ${t('gst.sectionOf', { section: sectionCode(sectionView.section), description: t(`gst.sections.${sectionView.section}`) })}`
    : 'GSTR-1';

  // The workbook gathers each section's vouchers page by page first (a print is the summary alone).
  const sheet =
    answer && heading
      ? async (purpose: 'file' | 'print'): Promise<ExportSheet<unknown>> => {
          const { states } = answer.view;
          if (sectionView?.section === 'hsn' && hsnRow) {
            const rows = await vouchers.gather(hsnFigure(hsnRow), purpose, hsnRow.count);
            return hsnRowVouchersSheet(hsnRow, rows, states, heading, t) as ExportSheet<unknown>;
          }
          if (sectionView?.section === 'hsn')
            return hsnSheet(answer.view.hsn, heading, t) as ExportSheet<unknown>;
          if (sectionView?.section === 'docs')
            return documentsSheet(answer.view.documents, heading, t) as ExportSheet<unknown>;
          if (sectionView) {
            const rows =
              sectionView.count > 0
                ? await vouchers.gather(
                    sectionFigure(sectionView.section as VoucherSection),
                    purpose,
                    sectionView.count,
                  )
                : [];
            return sectionVouchersSheet(sectionView, rows, states, heading, t) as ExportSheet<unknown>;
          }
          const all =
            purpose === 'file'
              ? await vouchers.refusing(() => gatherGstr1Vouchers(vouchers.page, answer))
              : new Map();
          return gstr1Workbook(answer, all, heading, t) as ExportSheet<unknown>;
        }
      : undefined;

  return (
    <>
      <ReportHeader title={title} served={undefined} sheet={sheet}>
        {company.name} · {period}
        {answer && <> · {t('gst.gstin', { gstin: answer.gstin })}</>}
      </ReportHeader>
      <Toolbar>
        <MonthChooser month={month} onChange={setMonth} quarters />
        {section && (
          <button type="button" className="btn" onClick={() => open({})} data-testid="gst-all-sections">
            ← {t('gst.allSections')}
          </button>
        )}
        {answer && <JsonButton form="GSTR1" gstin={answer.gstin} month={month} json={loadJson} />}
      </Toolbar>
      <QueryState query={query}>
        {(data) =>
          !section ? (
            <Sections answer={data} onOpen={(s) => open({ s })} />
          ) : section === 'hsn' && hsnRow ? (
            <FigureVouchers
              companyGuid={company.guid}
              month={month}
              of={hsnFigure(hsnRow)}
              label={title}
              states={data.view.states}
            />
          ) : section === 'hsn' ? (
            <HsnTable rows={data.view.hsn} onOpen={(i) => open({ s: 'hsn', h: String(i) })} />
          ) : section === 'docs' ? (
            <DocumentsTable rows={data.view.documents} />
          ) : (
            <FigureVouchers
              companyGuid={company.guid}
              month={month}
              of={sectionFigure(section)}
              label={title}
              states={data.view.states}
            />
          )
        }
      </QueryState>
    </>
  );
}

function Sections({ answer, onOpen }: { answer: Gstr1Answer; onOpen: (s: Gstr1SectionName) => void }) {
  const { t } = useTranslation();
  const columns: Column<Gstr1SectionView>[] = [
    {
      id: 'section',
      header: t('gst.section'),
      kind: 'text',
      value: (s) => sectionCode(s.section),
      width: '80px',
    },
    {
      id: 'description',
      header: t('gst.description'),
      kind: 'text',
      value: (s) => t(`gst.sections.${s.section}`),
    },
    {
      id: 'count',
      header: t('gst.vouchers'),
      kind: 'number',
      value: (s) => s.count,
      width: '90px',
      total: 'sum',
    },
    { id: 'taxable', header: t('gst.taxable'), kind: 'money', value: (s) => s.taxable, width: '140px' },
    { id: 'igst', header: t('gst.igst'), kind: 'money', value: (s) => s.igst, width: '120px' },
    { id: 'cgst', header: t('gst.cgst'), kind: 'money', value: (s) => s.cgst, width: '120px' },
    { id: 'sgst', header: t('gst.sgst'), kind: 'money', value: (s) => s.sgst, width: '120px' },
    { id: 'cess', header: t('gst.cess'), kind: 'money', value: (s) => s.cess, width: '100px' },
  ];
  const amounted = answer.view.sections.filter((s) => AMOUNT_SECTIONS.includes(s.section));
  return (
    <>
      <p className="muted" data-testid="gst-counts">
        {t('gst.counts', {
          included: answer.counts.included,
          cancelled: answer.counts.cancelled,
          uncertain: answer.counts.uncertain,
        })}
      </p>
      <DataTable
        label="GSTR-1"
        searchable={false}
        columns={columns}
        rows={answer.view.sections}
        rowKey={(s) => s.section}
        // A section without vouchers (HSN: rows; documents: series) has nothing to list.
        onRowClick={(s) => (s.count > 0 ? onOpen(s.section) : undefined)}
        rowClassName={(s) => (s.count > 0 ? undefined : 'gst-no-vouchers')}
        // The HSN summary repeats the sections' amounts: the total adds up the sections with amounts.
        foot={<TotalsRow columns={columns} rows={amounted} />}
      />
    </>
  );
}

function HsnTable({ rows, onOpen }: { rows: Gstr1HsnRow[]; onOpen: (index: number) => void }) {
  const { t } = useTranslation();
  const indexed = rows.map((row, index) => ({ ...row, index }));
  type Row = (typeof indexed)[number];
  const columns: Column<Row>[] = [
    {
      id: 'table',
      header: t('gst.hsnTable'),
      kind: 'text',
      value: (r) => (r.table === 'all' ? '' : r.table.toUpperCase()),
      width: '60px',
    },
    { id: 'hsn', header: t('gst.hsn'), kind: 'text', value: (r) => r.hsn, width: '100px', nowrap: true },
    { id: 'desc', header: t('gst.description'), kind: 'text', value: (r) => r.description },
    { id: 'uqc', header: t('gst.uqc'), kind: 'text', value: (r) => r.uqc, width: '60px' },
    {
      id: 'qty',
      header: t('gst.quantity'),
      kind: 'number',
      value: (r) => r.quantityMilli / 1000,
      width: '90px',
    },
    { id: 'rate', header: t('gst.rate'), kind: 'number', value: (r) => r.rate / 100, width: '70px' },
    { id: 'taxable', header: t('gst.taxable'), kind: 'money', value: (r) => r.taxable, width: '130px' },
    { id: 'igst', header: t('gst.igst'), kind: 'money', value: (r) => r.igst, width: '110px' },
    { id: 'cgst', header: t('gst.cgst'), kind: 'money', value: (r) => r.cgst, width: '110px' },
    { id: 'sgst', header: t('gst.sgst'), kind: 'money', value: (r) => r.sgst, width: '110px' },
    { id: 'cess', header: t('gst.cess'), kind: 'money', value: (r) => r.cess, width: '90px' },
  ];
  return (
    <DataTable
      label={t('gst.sections.hsn')}
      columns={columns}
      rows={indexed}
      rowKey={(r) => String(r.index)}
      onRowClick={(r) => (r.count > 0 ? onOpen(r.index) : undefined)}
      rowClassName={(r) => (r.count > 0 ? undefined : 'gst-no-vouchers')}
      empty={t('common.empty')}
      foot={<TotalsRow columns={columns} rows={indexed} />}
    />
  );
}

function DocumentsTable({ rows }: { rows: Gstr1DocumentSeries[] }) {
  const { t } = useTranslation();
  const columns: Column<Gstr1DocumentSeries>[] = [
    { id: 'nature', header: t('gst.nature'), kind: 'text', value: (r) => t(`gst.natures.n${r.nature}`) },
    { id: 'type', header: t('gst.voucherType'), kind: 'text', value: (r) => r.voucherType },
    { id: 'from', header: t('gst.from'), kind: 'text', value: (r) => r.from, nowrap: true },
    { id: 'to', header: t('gst.to'), kind: 'text', value: (r) => r.to, nowrap: true },
    {
      id: 'total',
      header: t('gst.totalIssued'),
      kind: 'number',
      value: (r) => r.total,
      total: 'sum',
      width: '90px',
    },
    {
      id: 'cancelled',
      header: t('gst.cancelled'),
      kind: 'number',
      value: (r) => r.cancelled,
      total: 'sum',
      width: '100px',
    },
    {
      id: 'net',
      header: t('gst.netIssued'),
      kind: 'number',
      value: (r) => r.total - r.cancelled,
      total: 'sum',
      width: '100px',
    },
  ];
  return (
    <DataTable
      label={t('gst.sections.docs')}
      columns={columns}
      rows={rows}
      rowKey={(r, i) => `${r.nature}:${r.voucherType}:${i}`}
      empty={t('common.empty')}
      foot={<TotalsRow columns={columns} rows={rows} />}
    />
  );
}
