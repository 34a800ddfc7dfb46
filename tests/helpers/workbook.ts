import type ExcelJS from 'exceljs';

/**
 * The row of a worksheet's column headings: the frozen pane's last row (renderer/src/lib/export.ts freezes
 * the title rows and the header). The title rows are the company's name, its letterhead lines (address,
 * GSTIN, when its profile has them), the report, the period and a blank row, so their count varies.
 */
export function headerRowOf(ws: ExcelJS.Worksheet): number {
  const view = ws.views[0];
  const split = view && 'ySplit' in view ? view.ySplit : undefined;
  if (typeof split !== 'number' || split < 1) throw new Error(`${ws.name}: no frozen header row`);
  return split;
}
