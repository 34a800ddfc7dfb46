import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterVoucher } from '../../../../shared/types/registers';
import type { CompanySummary } from '../../../../shared/types/reports';
import { useBridge } from '../../bridge/context';
import { DataTable, displayValue, type Column } from '../../components/DataTable';
import { DetailedToggle } from '../../components/DetailedToggle';
import { ExportRefused } from '../../components/ExportMenu';
import { PeriodToolbar, useReportPeriod } from '../../components/Period';
import { QueryState } from '../../components/QueryState';
import { CompanyPeriod, ReportHeader } from '../../components/ReportHeader';
import { Pager } from '../../components/table/Pager';
import { fetchEveryPage } from '../../components/table/view';
import { particularsColumn } from '../../components/VoucherColumns';
import { OperationError, useOperation } from '../../data/client';
import { count, money } from '../../lib/format';
import { DAY_BOOK_PRINT_LIMIT } from '../../lib/print/limits';
import { useAppState } from '../../state';
import { registerTitle } from './sheets/register-summary';
import { linesOf, registerVouchersSheet, statusOf, voucherColumns } from './sheets/register-vouchers';

const PAGE_SIZE = 200;

/**
 * A register's vouchers in a range (a month of its summary): Tally's Voucher Register. Enter on a voucher
 * opens it; Detailed (Tally's Alt+F1) shows each voucher's ledger lines under its particulars, on screen,
 * on paper and in the file.
 */
export function RegisterVouchers({ company }: { company: CompanySummary }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const { route, go } = useAppState();
  const period = useReportPeriod(company);
  const type = route.params.t ?? 'Sales';
  const page = Math.max(1, Number(route.params.page) || 1);
  const [detailed, setDetailed] = useState(route.params.d === '1');
  const input = { companyGuid: company.guid, voucherType: type, ...period };
  const query = useOperation(
    'register.vouchers',
    { ...input, page, pageSize: PAGE_SIZE },
    { placeholderData: (previous) => previous },
  );
  const data = query.data?.data;
  const setPage = (p: number) =>
    go('registerVouchers', { ...route.params, page: p > 1 ? String(p) : undefined }, { replace: true });
  const title = `${registerTitle(type, t)} - ${t('registers.voucherRegister')}`;

  const wholeRange = async (purpose: 'file' | 'print') => {
    if (!data) return null;
    if (purpose === 'print' && data.listedVouchers > DAY_BOOK_PRINT_LIMIT) {
      throw new ExportRefused(
        t('statements.printTooMany', { n: count(data.listedVouchers), limit: count(DAY_BOOK_PRINT_LIMIT) }),
      );
    }
    const vouchers = await fetchEveryPage(async (p, pageSize) => {
      const answer = await bridge.invoke('register.vouchers', { ...input, page: p, pageSize });
      if (!answer.ok) throw new OperationError(answer.error);
      return { rows: answer.data.data.vouchers, total: answer.data.data.listedVouchers };
    });
    return registerVouchersSheet(data, vouchers, company.name, t, detailed);
  };

  const [date, particulars, vchType, vchNo, debit, credit] = voucherColumns(t);
  const columns: Column<RegisterVoucher>[] = [
    { ...date!, width: '110px', nowrap: true },
    particularsColumn(
      'particulars',
      particulars!.header,
      (v) => v.particulars,
      (v) => (detailed ? linesOf(v) : v.narration || undefined),
    ),
    {
      ...vchType!,
      width: '150px',
      render: (v) => (
        <>
          <div>{v.voucherType}</div>
          {v.offBooks !== null && <span className="pill pill-off-books">{statusOf(v, t)}</span>}
        </>
      ),
    },
    { ...vchNo!, width: '150px', nowrap: true },
    { ...debit!, width: '150px', render: (v) => displayValue('money', v.debit) },
    { ...credit!, width: '150px', render: (v) => displayValue('money', v.credit) },
  ];

  return (
    <>
      <ReportHeader title={title} served={query.data} sheet={data && wholeRange}>
        <CompanyPeriod company={company} period={period} />
        {data &&
          ` · ${t('registers.voucherCount', { count: data.countedVouchers, n: count(data.countedVouchers) })}`}
      </ReportHeader>
      <PeriodToolbar company={company} value={period}>
        <DetailedToggle value={detailed} onChange={setDetailed} />
        {data && <Pager page={page} total={data.listedVouchers} pageSize={data.pageSize} onPage={setPage} />}
      </PeriodToolbar>
      <QueryState query={query}>
        {({ data: list }) => (
          <DataTable
            label={title}
            columns={columns.map((c) => ({ ...c, sortable: false }))}
            rows={list.vouchers}
            rowKey={(v) => v.guid}
            onRowClick={(v) => go('voucher', { v: v.guid })}
            empty={t('common.empty')}
            searchable={false}
            virtualise={false}
            paging={{
              page: list.page,
              pages: Math.max(1, Math.ceil(list.listedVouchers / list.pageSize)),
              onPage: setPage,
            }}
            foot={
              <tr className="row-total">
                <td />
                <td>{t('common.total')}</td>
                <td />
                <td />
                <td className="num">{money(list.totalDebit)}</td>
                <td className="num">{money(list.totalCredit)}</td>
              </tr>
            }
          />
        )}
      </QueryState>
    </>
  );
}
