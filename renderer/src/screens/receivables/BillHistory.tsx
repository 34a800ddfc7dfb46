import { useTranslation } from 'react-i18next';
import type { BillHistoryLine, CompanySummary, OutstandingKind } from '../../../../shared/types/reports';
import { useOperation } from '../../data/client';
import { date, money } from '../../lib/format';
import { useAppState } from '../../state';
import { QueryState } from '../../components/QueryState';
import { DataTable, type Column } from '../../components/DataTable';

type T = ReturnType<typeof useTranslation>['t'];

/**
 * One bill's vouchers, opened from a party's bills in the outstanding report (Tally's bill-wise drill):
 * the bill's opening amount, the invoice that raised it and what was received or adjusted against it,
 * each line opening its voucher.
 */
export function BillHistory(props: {
  company: CompanySummary;
  ledgerGuid: string;
  billName: string;
  kind: OutstandingKind;
  asOn: string;
}) {
  const { t } = useTranslation();
  const { go } = useAppState();
  const query = useOperation('bill.history', {
    companyGuid: props.company.guid,
    ledgerGuid: props.ledgerGuid,
    billName: props.billName,
    kind: props.kind,
    asOn: props.asOn,
  });
  return (
    <QueryState query={query}>
      {({ data: bill }) => (
        <section className="bill-history" data-testid="bill-history">
          <h2 className="section-title">{t('outstanding.billVouchers', { bill: bill.billName })}</h2>
          <p className="hint" data-testid="bill-dates">
            {t('outstanding.billDate')} {bill.billDate ? date(bill.billDate) : '—'} ·{' '}
            {t('outstanding.dueDate')} {bill.dueDate ? date(bill.dueDate) : '—'}
            {/* Due or not as the core says (one rule for every screen), never worked out here. */}
            {bill.overdueDays !== null && (
              <>
                {' · '}
                {bill.overdue
                  ? `${t('outstanding.overdueDays')} ${bill.overdueDays}`
                  : t('outstanding.notDue')}
              </>
            )}
          </p>
          <DataTable
            label={t('outstanding.billVouchers', { bill: bill.billName })}
            columns={columnsOf(t)}
            rows={bill.lines}
            rowKey={(l, i) => `${l.voucherGuid}:${i}`}
            onRowClick={(l) => go('voucher', { v: l.voucherGuid })}
            empty={t('outstanding.empty')}
            head={
              bill.opening !== 0 ? (
                <tr className="row-opening">
                  <td colSpan={4}>{t('outstanding.openingBill')}</td>
                  <td className="num">{money(bill.opening)}</td>
                  <td className="num">{money(bill.opening)}</td>
                </tr>
              ) : undefined
            }
            foot={
              <tr className="row-total">
                <td colSpan={5}>
                  {t('outstanding.pending')} · {t('common.asOn')} {date(bill.asOn)}
                </td>
                <td className="num">{money(bill.pending)}</td>
              </tr>
            }
          />
        </section>
      )}
    </QueryState>
  );
}

function columnsOf(t: T): Column<BillHistoryLine>[] {
  return [
    { id: 'date', header: t('common.date'), kind: 'date', value: (l) => l.date, width: '110px' },
    { id: 'type', header: t('voucher.type'), kind: 'text', value: (l) => l.voucherType },
    {
      id: 'number',
      header: t('voucher.number'),
      kind: 'text',
      value: (l) => l.voucherNumber,
      nowrap: true,
      width: '120px',
    },
    {
      id: 'billType',
      header: t('outstanding.billType'),
      kind: 'text',
      value: (l) => l.billType,
      width: '110px',
    },
    { id: 'amount', header: t('common.amount'), kind: 'money', value: (l) => l.amount, width: '150px' },
    {
      id: 'balance',
      header: t('outstanding.pending'),
      kind: 'money',
      value: (l) => l.balance,
      width: '150px',
    },
  ];
}
