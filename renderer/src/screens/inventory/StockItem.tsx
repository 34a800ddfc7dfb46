import { useTranslation } from 'react-i18next';
import type {
  CompanySummary,
  StockFigure,
  StockItemLine,
  StockItemRegister,
} from '../../../../shared/types/reports';
import { useOperation } from '../../data/client';
import { date, money } from '../../lib/format';
import { quantity } from '../../lib/quantity';
import { useAppState } from '../../state';
import { PeriodPicker, useReportPeriod, type PeriodValue } from '../../components/Period';
import { CompanyPeriod, ReportHeader } from '../../components/ReportHeader';
import { QueryState } from '../../components/QueryState';
import { DataTable, type Column } from '../../components/DataTable';
import { Toolbar } from '../../components/PageHeader';
import { Empty } from '../../components/States';
import type { ExportSheet } from '../../lib/export';
import { STOCK_SECTIONS } from './StockSummary';

type T = ReturnType<typeof useTranslation>['t'];
type Unit = { unit: string | null; decimals: number };

/**
 * A stock item's vouchers for the period (Tally's Stock Item Vouchers): opening, every voucher that moved
 * it with inward / outward quantity, rate, value and the quantity left, and the closing; the opening,
 * inwards, outwards (at cost) and closing figures as the stock summary computes them. A line opens its
 * voucher.
 */
export function StockItem({ company }: { company: CompanySummary }) {
  const { t } = useTranslation();
  const { route, go } = useAppState();
  const itemGuid = route.params.i ?? '';
  const period = useReportPeriod(company);
  if (!itemGuid) {
    return (
      <Empty>
        <p>{t('stockItem.choose')}</p>
      </Empty>
    );
  }
  return <StockItemReport company={company} itemGuid={itemGuid} period={period} go={go} t={t} />;
}

function StockItemReport({
  company,
  itemGuid,
  period,
  go,
  t,
}: {
  company: CompanySummary;
  itemGuid: string;
  period: PeriodValue;
  go: ReturnType<typeof useAppState>['go'];
  t: T;
}) {
  const query = useOperation('stockItem.movements', { companyGuid: company.guid, itemGuid, ...period });
  const data = query.data?.data;
  const title = data ? t('stockItem.titleOf', { item: data.item.name }) : t('stockItem.title');
  return (
    <>
      <ReportHeader title={title} served={query.data} sheet={data && (() => itemSheet(data, company, t))}>
        <CompanyPeriod company={company} period={period} />
        {data && ` · ${t('stockItem.method', { method: data.item.costingMethod })}`}
      </ReportHeader>
      <Toolbar>
        <PeriodPicker company={company} value={period} />
        <button
          type="button"
          className="btn"
          onClick={() =>
            go('stockSummary', { g: data?.item.group ?? undefined, from: period.from, to: period.to })
          }
        >
          ← {t('stockItem.back')}
        </button>
      </Toolbar>
      <QueryState query={query}>
        {({ data: register }) => {
          const unit = register.item;
          const columns = lineColumns(t, unit);
          return (
            <>
              {register.computed && (
                <p className="notice notice-warn" data-testid="stock-computed">
                  {t('stockSummary.computed')}
                </p>
              )}
              <div className="summary-strip" data-testid="stock-item-figures">
                {STOCK_SECTIONS.map((s) => (
                  <div key={s}>
                    <span>{t(`stockSummary.${s}`)}</span>
                    <strong>{figureText(register[s], unit)}</strong>
                  </div>
                ))}
              </div>
              <DataTable
                label={title}
                columns={columns}
                rows={register.lines}
                rowKey={(l, i) => `${l.voucherGuid}:${i}`}
                onRowClick={(l) => go('voucher', { v: l.voucherGuid })}
                empty={t('common.empty')}
                head={
                  <tr className="row-pinned">
                    <td>{date(register.from)}</td>
                    <td colSpan={3}>{t('stockItem.opening')}</td>
                    <td />
                    <td />
                    <td className="num">{rateText(register.opening)}</td>
                    <td className="num">{money(register.opening.value)}</td>
                    <td className="num nowrap">
                      {quantity(register.opening.quantity, unit.unit, unit.decimals)}
                    </td>
                    <td />
                  </tr>
                }
                foot={
                  <tr className="row-total">
                    <td>{date(register.to)}</td>
                    <td colSpan={3}>{t('stockItem.closing')}</td>
                    <td className="num nowrap">
                      {quantity(register.inwards.quantity, unit.unit, unit.decimals)}
                    </td>
                    <td className="num nowrap">
                      {quantity(register.outwards.quantity, unit.unit, unit.decimals)}
                    </td>
                    <td className="num">{rateText(register.closing)}</td>
                    <td className="num">{money(register.closing.value)}</td>
                    <td className="num nowrap">
                      {quantity(register.closing.quantity, unit.unit, unit.decimals)}
                    </td>
                    <td />
                  </tr>
                }
              />
              <p className="note">{t('stockItem.valueNote')}</p>
            </>
          );
        }}
      </QueryState>
    </>
  );
}

const rateText = (f: StockFigure): string => (f.rate === null ? '' : money(f.rate));

/** "50 Kgs · ₹100.00 · ₹5,000.00" */
function figureText(f: StockFigure, unit: Unit): string {
  return [quantity(f.quantity, unit.unit, unit.decimals), rateText(f), money(f.value)]
    .filter((x) => x !== '')
    .join(' · ');
}

function lineColumns(t: T, unit: Unit): Column<StockItemLine>[] {
  const qty = (id: string, header: string, pick: (l: StockItemLine) => number): Column<StockItemLine> => ({
    id,
    header,
    kind: 'number',
    value: (l) => (pick(l) === 0 ? null : pick(l) / 1000),
    render: (l) => (pick(l) === 0 ? '' : quantity(pick(l), unit.unit, unit.decimals)),
    nowrap: true,
    width: '130px',
  });
  return [
    { id: 'date', header: t('voucher.date'), kind: 'date', value: (l) => l.date, width: '110px' },
    { id: 'type', header: t('dayBook.vchType'), kind: 'text', value: (l) => l.voucherType },
    { id: 'number', header: t('dayBook.vchNo'), kind: 'text', value: (l) => l.voucherNumber, nowrap: true },
    {
      id: 'party',
      header: t('voucher.party'),
      kind: 'text',
      value: (l) => l.party,
      render: (l) => (
        <>
          {l.party ?? ''}
          {l.offBooks && <span className="pill pill-off-books">{t(`dayBook.offBooks.${l.offBooks}`)}</span>}
        </>
      ),
    },
    qty('inward', t('stockItem.inward'), (l) => l.inward),
    qty('outward', t('stockItem.outward'), (l) => l.outward),
    {
      id: 'rate',
      header: t('stockSummary.rate'),
      kind: 'money',
      value: (l) => l.rate,
      width: '120px',
      total: 'none',
    },
    { id: 'value', header: t('stockSummary.value'), kind: 'money', value: (l) => l.value, width: '140px' },
    {
      id: 'running',
      header: t('stockItem.runningQuantity'),
      kind: 'number',
      value: (l) => l.runningQuantity / 1000,
      render: (l) => quantity(l.runningQuantity, unit.unit, unit.decimals),
      nowrap: true,
      width: '140px',
    },
    { id: 'godown', header: t('stockItem.godown'), kind: 'text', value: (l) => l.godown },
  ];
}

function itemSheet(data: StockItemRegister, company: CompanySummary, t: T): ExportSheet<StockItemLine> {
  const pseudo = (label: string, day: string, f: StockFigure, extra: Partial<StockItemLine> = {}) => ({
    voucherGuid: '',
    date: day,
    voucherType: '',
    voucherNumber: '',
    party: label,
    offBooks: null,
    inward: 0,
    outward: 0,
    rate: f.rate,
    value: f.value,
    runningQuantity: f.quantity ?? 0,
    godown: null,
    ...extra,
  });
  const unit = data.item;
  return {
    title: t('stockItem.titleOf', { item: data.item.name }),
    company: company.name,
    period: t('common.period', { from: date(data.from), to: date(data.to) }),
    notes: [
      `${t('stockItem.method', { method: data.item.costingMethod })} · ${t('stockSummary.unit')}: ${data.item.unit ?? '—'}`,
      ...STOCK_SECTIONS.map((s) => `${t(`stockSummary.${s}`)}: ${figureText(data[s], unit)}`),
      t('stockSummary.computed'),
    ],
    columns: lineColumns(t, unit),
    leading: [pseudo(t('stockItem.opening'), data.from, data.opening)],
    rows: data.lines,
    // Inwards and outwards of the period once, on the totals row; the closing row carries only the stock.
    totals: {
      row: pseudo(
        t('common.total'),
        data.to,
        { quantity: null, rate: null, value: 0 },
        {
          inward: data.inwards.quantity ?? 0,
          outward: data.outwards.quantity ?? 0,
          runningQuantity: data.closing.quantity ?? 0,
        },
      ),
    },
    trailing: [pseudo(t('stockItem.closing'), data.to, data.closing)],
  };
}
