import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CompanySummary,
  VoucherBillLine,
  VoucherLedgerLine,
  VoucherView,
} from '../../../shared/types/reports';
import { useOperation } from '../data/client';
import { date, drCr, money } from '../lib/format';
import { useAppState } from '../state';
import { Toolbar } from '../components/PageHeader';
import { ReportHeader } from '../components/ReportHeader';
import { Empty } from '../components/States';
import { QueryState } from '../components/QueryState';
import { DataTable, type Column } from '../components/DataTable';
import type { ExportSheet } from '../lib/export';

type T = ReturnType<typeof useTranslation>['t'];

/** Back to the screen the voucher was opened from (the day book, a ledger statement, a bill). */
function goBack(fallback: () => void): void {
  if (window.history.length > 1) window.history.back();
  else fallback();
}

/**
 * One voucher as Tally shows it: type and number, date, party, reference, every ledger line Dr / Cr with
 * its bill-wise details, the narration, and whether it posts to the books. Esc or Back returns.
 */
export function Voucher({ company }: { company: CompanySummary }) {
  const { t } = useTranslation();
  const { route, go } = useAppState();
  const voucherGuid = route.params.v ?? '';
  const query = useOperation(
    'voucher.get',
    { companyGuid: company.guid, voucherGuid },
    { enabled: voucherGuid !== '' },
  );
  const back = () => goBack(() => go('dayBook'));

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      goBack(() => go('dayBook'));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

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
      <Toolbar>
        <button type="button" className="btn" onClick={back} title="Esc">
          ← {t('voucher.back')}
        </button>
      </Toolbar>
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
        foot={
          <tr className="row-total">
            <td>{t('common.total')}</td>
            <td className="num">{money(voucher.totalDebit)}</td>
            <td className="num">{money(voucher.totalCredit)}</td>
          </tr>
        }
      />
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

function voucherSheet(v: VoucherView, company: CompanySummary, t: T): ExportSheet<VoucherLedgerLine> {
  const flags = flagsOf(v, t);
  return {
    title: t('voucher.heading', { type: v.voucherType, number: v.voucherNumber }),
    subtitle: [
      company.name,
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
  };
}
