import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadBlob, fileSafe, toCsv, toXlsx, type ExportSheet } from '../lib/export';
import { Icon } from './Icon';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel, CSV and Print buttons for one report; the sheet is built only when asked. */
export function ExportMenu({ sheet }: { sheet: () => ExportSheet<unknown> | null }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const exportXlsx = async () => {
    const data = sheet();
    if (!data) return;
    setBusy(true);
    try {
      const buffer = await toXlsx(data);
      downloadBlob(new Blob([buffer], { type: XLSX_TYPE }), `${fileSafe(data.title)}.xlsx`);
    } finally {
      setBusy(false);
    }
  };
  const exportCsv = () => {
    const data = sheet();
    if (!data) return;
    downloadBlob(new Blob([toCsv(data)], { type: 'text/csv;charset=utf-8' }), `${fileSafe(data.title)}.csv`);
  };
  return (
    <div className="export-menu no-print" role="group" aria-label={t('common.export')}>
      <button type="button" className="btn btn-ghost" onClick={() => void exportXlsx()} disabled={busy}>
        <Icon name="download" size={15} /> {t('common.exportXlsx')}
      </button>
      <button type="button" className="btn btn-ghost" onClick={exportCsv}>
        <Icon name="download" size={15} /> {t('common.exportCsv')}
      </button>
      <button type="button" className="btn btn-ghost" onClick={() => window.print()}>
        <Icon name="print" size={15} /> {t('common.print')}
      </button>
    </div>
  );
}
