import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { pdfPageCount, pdfToPng } from '../helpers/pdf';

export { pdfPageText } from '../helpers/pdf';

/**
 * Printing and exporting the report on screen, as the print and export tests do it: the PDFs, their PNG
 * pages and the workbooks are kept under test-output/ to be looked at.
 */

/** The browser's print dialog cannot open headless: printing lays the document out, page.pdf() prints it. */
export async function stubPrintDialog(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.print = () => undefined;
  });
}

/**
 * Clicks Print, waits for the print document, prints it to `<dir>/<name>.pdf` and renders its pages to
 * PNG (`png.dpi`, 60 unless said; `png.pages`: only the first so many). `sections`: the pages the document
 * was laid out into; `pages`: the pages of the PDF.
 */
export async function printToPdf(
  page: Page,
  dir: string,
  name: string,
  png: { dpi?: number; pages?: number } = {},
): Promise<{ pdf: string; sections: number; pages: number }> {
  await page.getByTestId('print-report').click();
  await page.locator('#pd-root section.pd-page').first().waitFor({ state: 'attached' });
  const sections = await page.locator('#pd-root section.pd-page').count();
  const pdf = path.join(dir, `${name}.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  pdfToPng(pdf, path.join(dir, name), png.dpi ?? 60, png.pages);
  return { pdf, sections, pages: pdfPageCount(pdf) };
}

/** Clicks Excel, saves the workbook it downloads at `file` and reads it; `filename`: the one offered. */
export async function exportWorkbook(
  page: Page,
  file: string,
): Promise<{ book: ExcelJS.Workbook; filename: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Excel/ }).click(),
  ]);
  await download.saveAs(file);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return { book, filename: download.suggestedFilename() };
}
