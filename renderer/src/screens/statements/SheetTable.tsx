import type { ExportSheet } from '../../lib/export';
import { totalsOf } from '../../lib/export';
import { formatInr } from '../../../../shared/money';
import { drCr } from '../../lib/format';

const cellText = (kind: string, value: string | number | null): string => {
  if (value === null || value === '') return '';
  if (typeof value === 'number' && (kind === 'money' || kind === 'drcr')) {
    if (value === 0) return '';
    // Plain figures as on paper (Tally shows no rupee sign in a statement's columns): more columns fit.
    return kind === 'drcr' ? drCr(value) : formatInr(value, { symbol: false });
  }
  return String(value);
};

/**
 * A statement sheet on screen exactly as it prints and exports (the comparison columns, Schedule III):
 * its header, rows (headings and each side's groups bold, as on paper), and totals row.
 */
export function SheetTable<Row>({ sheet, testId }: { sheet: ExportSheet<Row>; testId?: string }) {
  const totals = totalsOf(sheet);
  const amount = (kind: string) => kind === 'money' || kind === 'drcr';
  return (
    <div className="table-scroll sheet-table" data-testid={testId}>
      <table className="data-table compact">
        <thead>
          <tr>
            {sheet.columns.map((c, i) => (
              <th
                key={i}
                className={amount(c.kind) ? 'num' : undefined}
                scope="col"
                style={{ textTransform: 'none' }}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sheet.rows.map((row, r) => {
            const strong = sheet.print?.strong?.(row) ?? false;
            const bold = new Set(sheet.print?.strongCells?.(row) ?? []);
            return (
              <tr key={r} className={strong ? 'row-group' : undefined}>
                {sheet.columns.map((c, i) => {
                  const text = cellText(c.kind, c.value(row));
                  const value = c.value(row);
                  return (
                    <td
                      key={i}
                      className={[
                        amount(c.kind) ? 'num' : '',
                        typeof value === 'number' && value < 0 && c.kind === 'money' ? 'negative' : '',
                      ]
                        .filter(Boolean)
                        .join(' ')}
                      style={{
                        fontWeight: strong || bold.has(i) ? 600 : undefined,
                        whiteSpace: amount(c.kind) ? 'nowrap' : 'pre-wrap',
                        minWidth: amount(c.kind) ? undefined : '11em',
                      }}
                    >
                      {text}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
        {totals && (
          <tfoot>
            <tr className="row-total">
              {sheet.columns.map((c, i) => (
                <td key={i} className={amount(c.kind) ? 'num' : undefined}>
                  {cellText(c.kind, totals[i] ?? null)}
                </td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
