import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Gstr2bBucketName, Gstr2bRecoAnswer, Gstr2bRecoRow } from '../../../../shared/types/gst';
import type { CompanySummary } from '../../../../shared/types/reports';
import { DataTable, type Column } from '../../components/DataTable';
import { Toolbar } from '../../components/PageHeader';
import { ReportHeader } from '../../components/ReportHeader';
import { ErrorState } from '../../components/States';
import { useOperationMutation } from '../../data/client';
import type { ExportSheet } from '../../lib/export';
import { useAppState } from '../../state';
import { MonthChooser, TotalsRow, useGstMonth } from './common';
import { monthTitle } from './sheets/period';
import { BUCKETS, bucketKey, bucketSheet, gstr2bWorkbook, signed } from './sheets/gstr2b';

/**
 * The last reconciliation of each company and month, kept while the app is open: opening a voucher and
 * coming back (Esc) shows it again without choosing the file once more.
 */
const lastReco = new Map<string, { fileName: string; answer: Gstr2bRecoAnswer }>();

/** A chosen file's text (FileReader: every browser and Electron have it). */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsText(file);
  });
}

type BucketRow = { bucket: Gstr2bBucketName } & Gstr2bRecoAnswer['totals'][Gstr2bBucketName];

/**
 * GSTR-2B reconciliation: the accountant chooses the month's 2B JSON from the portal; the books' purchases
 * and notes are matched with it. The buckets with their totals (2B and books); Enter lists a bucket's
 * documents with the fields that differ; Enter on one with a voucher in the books opens it.
 */
export function Gstr2bReco({ company }: { company: CompanySummary }) {
  const { t, i18n } = useTranslation();
  const { route, go } = useAppState();
  const { month, setMonth } = useGstMonth(company);
  const key = `${company.guid}:${month}`;
  const [, refresh] = useState(0);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const reco = useOperationMutation('gst.gstr2bReco');
  const kept = lastReco.get(key);
  const param = route.params.b ?? '';
  const bucket = (BUCKETS as readonly string[]).includes(param) ? (param as Gstr2bBucketName) : null;
  const period = monthTitle(month, i18n.language);

  const choose = async (file: File) => {
    setFileProblem(null);
    reco.reset();
    let json: unknown;
    try {
      json = JSON.parse(await readText(file));
    } catch {
      setFileProblem(t('gst.reco.notJson', { name: file.name }));
      return;
    }
    const answer = await reco
      .mutateAsync({ companyGuid: company.guid, month, gstr2b: json })
      .catch(() => null);
    if (answer) {
      lastReco.set(key, { fileName: file.name, answer });
      refresh((n) => n + 1);
    }
  };

  const heading = kept && {
    company: company.name,
    gstin: kept.answer.gstin,
    period,
    fileName: kept.fileName,
  };
  const sheet =
    kept && heading
      ? (): ExportSheet<unknown> =>
          bucket
            ? (bucketSheet(
                bucket,
                kept.answer.rows.filter((r) => r.bucket === bucket),
                heading,
                t,
              ) as ExportSheet<unknown>)
            : (gstr2bWorkbook(kept.answer, heading, t) as ExportSheet<unknown>)
      : undefined;

  return (
    <>
      <ReportHeader
        title={bucket ? `${t('nav.gstr2b')} · ${t(bucketKey(bucket))}` : t('nav.gstr2b')}
        served={undefined}
        sheet={sheet}
      >
        {company.name} · {period}
        {kept && (
          <>
            {' '}
            · {t('gst.gstin', { gstin: kept.answer.gstin })} · {t('gst.reco.file', { name: kept.fileName })}
          </>
        )}
      </ReportHeader>
      <Toolbar>
        <MonthChooser month={month} onChange={setMonth} />
        <button type="button" className="btn btn-primary" onClick={() => fileInput.current?.click()}>
          {t('gst.reco.chooseFile')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="gstr2b-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void choose(file);
          }}
        />
        {bucket && (
          <button type="button" className="btn" onClick={() => go('gstr2b', { m: month })}>
            ← {t('gst.reco.backToBuckets')}
          </button>
        )}
        {reco.isPending && <span className="muted">{t('gst.reco.working')}</span>}
      </Toolbar>
      {fileProblem && (
        <p className="note note-bad" role="alert" data-testid="gstr2b-problem">
          {fileProblem}
        </p>
      )}
      {reco.error && <ErrorState error={reco.error} onRetry={() => reco.reset()} />}
      {!kept && !reco.error && <p className="muted">{t('gst.reco.fileHint')}</p>}
      {kept &&
        (bucket ? (
          <BucketTable
            rows={kept.answer.rows.filter((r) => r.bucket === bucket)}
            label={t(bucketKey(bucket))}
          />
        ) : (
          <Buckets answer={kept.answer} onOpen={(b) => go('gstr2b', { m: month, b })} />
        ))}
    </>
  );
}

function Buckets({ answer, onOpen }: { answer: Gstr2bRecoAnswer; onOpen: (b: Gstr2bBucketName) => void }) {
  const { t } = useTranslation();
  const rows: BucketRow[] = BUCKETS.map((bucket) => ({ bucket, ...answer.totals[bucket] }));
  const tax = (a: { igst: number; cgst: number; sgst: number; cess: number }) =>
    a.igst + a.cgst + a.sgst + a.cess;
  const columns: Column<BucketRow>[] = [
    { id: 'bucket', header: t('gst.reco.bucket'), kind: 'text', value: (r) => t(bucketKey(r.bucket)) },
    {
      id: 'count',
      header: t('gst.vouchers'),
      kind: 'number',
      value: (r) => r.count,
      total: 'sum',
      width: '90px',
    },
    {
      id: 'pTaxable',
      header: t('gst.reco.portalTaxable'),
      kind: 'money',
      value: (r) => r.portal.taxable,
      width: '160px',
    },
    {
      id: 'pTax',
      header: t('gst.reco.portalTax'),
      kind: 'money',
      value: (r) => tax(r.portal),
      width: '140px',
    },
    {
      id: 'bTaxable',
      header: t('gst.reco.booksTaxable'),
      kind: 'money',
      value: (r) => r.books.taxable,
      width: '160px',
    },
    { id: 'bTax', header: t('gst.reco.booksTax'), kind: 'money', value: (r) => tax(r.books), width: '140px' },
  ];
  return (
    <DataTable
      label={t('nav.gstr2b')}
      searchable={false}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.bucket}
      onRowClick={(r) => onOpen(r.bucket)}
      foot={<TotalsRow columns={columns} rows={rows} />}
    />
  );
}

function BucketTable({ rows, label }: { rows: Gstr2bRecoRow[]; label: string }) {
  const { t } = useTranslation();
  const { go } = useAppState();
  const doc = (r: Gstr2bRecoRow) => r.portal ?? r.books!;
  const tax = (a: { igst: number; cgst: number; sgst: number; cess: number }) =>
    a.igst + a.cgst + a.sgst + a.cess;
  const columns: Column<Gstr2bRecoRow>[] = [
    {
      id: 'gstin',
      header: t('gst.reco.supplierGstin'),
      kind: 'text',
      value: (r) => doc(r).supplierGstin,
      width: '150px',
      nowrap: true,
    },
    {
      id: 'supplier',
      header: t('gst.reco.supplier'),
      kind: 'text',
      value: (r) => r.books?.supplierName || r.portal?.supplierName || '',
      render: (r) => (
        <span className="cell-name">{r.books?.supplierName || r.portal?.supplierName || ''}</span>
      ),
    },
    {
      id: 'number',
      header: t('gst.reco.invoiceNo'),
      kind: 'text',
      value: (r) => doc(r).number,
      nowrap: true,
      width: '120px',
    },
    { id: 'date', header: t('common.date'), kind: 'date', value: (r) => doc(r).date, width: '100px' },
    {
      id: 'pTaxable',
      header: t('gst.reco.portalTaxable'),
      kind: 'money',
      value: (r) => signed(r.portal).taxable,
      width: '130px',
    },
    {
      id: 'pTax',
      header: t('gst.reco.portalTax'),
      kind: 'money',
      value: (r) => tax(signed(r.portal)),
      width: '110px',
    },
    {
      id: 'bTaxable',
      header: t('gst.reco.booksTaxable'),
      kind: 'money',
      value: (r) => signed(r.books).taxable,
      width: '130px',
    },
    {
      id: 'bTax',
      header: t('gst.reco.booksTax'),
      kind: 'money',
      value: (r) => tax(signed(r.books)),
      width: '110px',
    },
    {
      id: 'differs',
      header: t('gst.reco.differs'),
      kind: 'text',
      value: (r) => r.differences.map((f) => t(`gst.reco.fields.${f}`)).join(', '),
    },
  ];
  return (
    <DataTable
      label={label}
      columns={columns}
      rows={rows}
      rowKey={(r, i) => `${doc(r).supplierGstin}:${doc(r).number}:${i}`}
      onRowClick={(r) => (r.books?.voucherGuid ? go('voucher', { v: r.books.voucherGuid }) : undefined)}
      empty={t('common.empty')}
      foot={<TotalsRow columns={columns} rows={rows} />}
    />
  );
}
