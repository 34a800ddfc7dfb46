import { useTranslation } from 'react-i18next';
import type {
  CompanySummary,
  VoucherBillLine,
  VoucherInventoryLine,
  VoucherLedgerLine,
  VoucherView,
} from '../../../../shared/types/reports';
import { useOperation } from '../../data/client';
import { date, drCr, money } from '../../lib/format';
import { quantity } from '../../lib/quantity';
import { useAppState } from '../../state';
import { ReportHeader } from '../../components/ReportHeader';
import { Empty } from '../../components/States';
import { QueryState } from '../../components/QueryState';
import { DataTable, type Column } from '../../components/DataTable';
import type { ExportSheet } from '../../lib/export';

type T = ReturnType<typeof useTranslation>['t'];

/**
 * One voucher as Tally shows it: type and number, date, party, reference, every ledger line Dr / Cr with
 * its bill-wise details, its stock item lines, the narration, and whether it posts to the books. Esc or Back returns.
 */
export function Voucher({ company }: { company: CompanySummary }) {
  const { t } = useTranslation();
  const { route } = useAppState();
  const voucherGuid = route.params.v ?? '';
  const query = useOperation(
    'voucher.get',
    { companyGuid: company.guid, voucherGuid },
    { enabled: voucherGuid !== '' },
  );
  // Back (the header's button, Esc, Backspace) returns to where the voucher was opened from.

  const v = query.data?.data;
  return (
    <>
      <ReportHeader
        title={
          v ? t('voucher.heading', { type: v.voucherType, number: v.voucherNumber }) : t('voucher.title')
        }
        served={query.data}
        sheet={v && (() => voucherSheet(v, company, t))}
      >
        {company.name}
        {v && ` · ${date(v.date)}`}
      </ReportHeader>
      {voucherGuid === '' ? (
        <Empty>{t('voucher.choose')}</Empty>
      ) : (
        <QueryState query={query}>
          {({ data: voucher }) => <VoucherBody voucher={voucher} t={t} />}
        </QueryState>
      )}
    </>
  );
}

function VoucherBody({ voucher, t }: { voucher: VoucherView; t: T }) {
  const type =
    voucher.baseType && voucher.baseType !== voucher.voucherType
      ? `${voucher.voucherType} (${voucher.baseType})`
      : voucher.voucherType;
  return (
    <>
      <div className="summary-strip" data-testid="voucher-facts">
        <div>
          <span>{t('voucher.type')}</span>
          <strong>{type}</strong>
        </div>
        <div>
          <span>{t('voucher.number')}</span>
          <strong>{voucher.voucherNumber || '—'}</strong>
        </div>
        <div>
          <span>{t('voucher.date')}</span>
          <strong>{date(voucher.date)}</strong>
        </div>
        <div>
          <span>{t('voucher.party')}</span>
          <strong>{voucher.party ?? '—'}</strong>
        </div>
        {voucher.reference && (
          <div>
            <span>{t('voucher.reference')}</span>
            <strong>{voucher.reference}</strong>
          </div>
        )}
        <div>
          <span>{t('voucher.posts')}</span>
          <strong data-testid="voucher-posts">
            {voucher.postsToBooks ? t('voucher.yes') : t('voucher.no')}
          </strong>
        </div>
      </div>
      <p className="voucher-flags" data-testid="voucher-flags">
        {flagsOf(voucher, t).map((flag) => (
          <span key={flag} className="pill pill-off-books">
            {flag}
          </span>
        ))}
      </p>
      <DataTable
        label={t('voucher.title')}
        columns={lineColumns(t)}
        rows={voucher.lines}
        rowKey={(line, i) => `${line.ledgerGuid}:${i}`}
        // A voucher's few lines are all on screen: no search box (two tables would show two).
        searchable={false}
        foot={
          <tr className="row-total">
            <td>{t('common.total')}</td>
            <td className="num">{money(voucher.totalDebit)}</td>
            <td className="num">{money(voucher.totalCredit)}</td>
          </tr>
        }
      />
      {voucher.inventory.length > 0 && (
        <section className="voucher-inventory" data-testid="voucher-inventory">
          <h3>{t('voucher.inventory')}</h3>
          <DataTable
            label={t('voucher.inventory')}
            columns={inventoryColumns(t)}
            rows={voucher.inventory}
            rowKey={(line, i) => `${line.itemGuid ?? line.itemName}:${i}`}
            searchable={false}
          />
        </section>
      )}
      {voucher.narration && (
        <p className="voucher-narration">
          <span>{t('voucher.narration')}: </span>
          {voucher.narration}
        </p>
      )}
    </>
  );
}

/** What the voucher is besides a plain posting one: cancelled, optional, post-dated, not posted. */
function flagsOf(v: VoucherView, t: T): string[] {
  const flags: string[] = [];
  if (v.isCancelled) flags.push(t('voucher.cancelled'));
  if (v.isOptional) flags.push(t('voucher.optional'));
  if (v.isPostDated && v.offBooks !== 'post-dated') flags.push(t('voucher.postDated'));
  if (v.offBooks !== null && v.offBooks !== 'cancelled' && v.offBooks !== 'optional') {
    flags.push(t(`dayBook.offBooks.${v.offBooks}`));
  }
  return flags;
}

/** "New Ref INV-140 ₹1,180.00 Dr · due 20-09-2025 · 19 days credit" */
function billText(b: VoucherBillLine, t: T): string {
  const parts = [`${t(`voucher.billType.${b.billType}`)} ${b.billName}`.trim() + ` ${drCr(b.amount)}`];
  if (b.dueDate) parts.push(t('voucher.due', { date: date(b.dueDate) }));
  if (b.creditPeriodDays !== null) parts.push(t('voucher.creditDays', { days: b.creditPeriodDays }));
  return parts.join(' · ');
}

function lineColumns(t: T): Column<VoucherLedgerLine>[] {
  return [
    {
      id: 'particulars',
      header: t('voucher.particulars'),
      kind: 'text',
      value: (l) => l.ledgerName,
      render: (l) => (
        <>
          <div>{l.ledgerName}</div>
          {l.bills.length > 0 && (
            <ul className="cell-sub voucher-bills" aria-label={t('voucher.bills')}>
              {l.bills.map((b, i) => (
                <li key={`${b.billName}:${i}`}>{billText(b, t)}</li>
              ))}
            </ul>
          )}
        </>
      ),
    },
    {
      id: 'debit',
      header: t('voucher.debit'),
      kind: 'money',
      value: (l) => (l.amount > 0 ? l.amount : 0),
      width: '160px',
    },
    {
      id: 'credit',
      header: t('voucher.credit'),
      kind: 'money',
      value: (l) => (l.amount < 0 ? -l.amount : 0),
      width: '160px',
    },
  ];
}

const rateText = (l: VoucherInventoryLine): string =>
  l.rate === null ? '' : `${money(l.rate)}${l.rateUnit ? `/${l.rateUnit}` : ''}`;

/** Stock item lines: item, actual and billed quantity, rate, amount (Dr / Cr), godown. */
function inventoryColumns(t: T): Column<VoucherInventoryLine>[] {
  return [
    { id: 'item', header: t('voucher.item'), kind: 'text', value: (l) => l.itemName },
    {
      id: 'actual',
      header: t('voucher.actualQty'),
      kind: 'number',
      value: (l) => l.actualQuantity / 1000,
      render: (l) => quantity(l.actualQuantity, l.unit, l.decimals),
      nowrap: true,
      width: '140px',
    },
    {
      id: 'billed',
      header: t('voucher.billedQty'),
      kind: 'number',
      value: (l) => l.billedQuantity / 1000,
      render: (l) => quantity(l.billedQuantity, l.unit, l.decimals),
      nowrap: true,
      width: '140px',
    },
    {
      id: 'rate',
      header: t('voucher.rate'),
      kind: 'money',
      value: (l) => l.rate,
      render: (l) => rateText(l),
      nowrap: true,
      width: '140px',
    },
    { id: 'amount', header: t('voucher.amount'), kind: 'drcr', value: (l) => l.amount, width: '160px' },
    { id: 'godown', header: t('voucher.godown'), kind: 'text', value: (l) => l.godown },
  ];
}

/** "Toor Dal 50 Kgs @ ₹100.00/Kgs = ₹5,000.00 Dr · Main Location" */
function inventoryText(l: VoucherInventoryLine): string {
  const rate = rateText(l);
  return [
    `${l.itemName} ${quantity(l.actualQuantity, l.unit, l.decimals)}${rate ? ` @ ${rate}` : ''} = ${drCr(l.amount)}`,
    ...(l.godown ? [l.godown] : []),
  ].join(' · ');
}

function voucherSheet(v: VoucherView, company: CompanySummary, t: T): ExportSheet<VoucherLedgerLine> {
  const flags = flagsOf(v, t);
  return {
    title: t('voucher.heading', { type: v.voucherType, number: v.voucherNumber }),
    company: company.name,
    period: date(v.date),
    notes: [
      [
        date(v.date),
        v.party ?? '',
        v.reference ? `${t('voucher.reference')}: ${v.reference}` : '',
        `${t('voucher.posts')}: ${v.postsToBooks ? t('voucher.yes') : t('voucher.no')}`,
        ...flags,
      ]
        .filter((x) => x !== '')
        .join(' · '),
      ...(v.narration ? [`${t('voucher.narration')}: ${v.narration}`] : []),
      ...(v.inventory.length > 0
        ? [`${t('voucher.inventory')}: ${v.inventory.map(inventoryText).join('; ')}`]
        : []),
    ],
    columns: [
      ...lineColumns(t),
      {
        header: t('voucher.billsColumn'),
        kind: 'text',
        value: (l) => l.bills.map((b) => billText(b, t)).join('; '),
      },
    ],
    rows: v.lines,
    totals: { label: t('common.total') },
  };
}
