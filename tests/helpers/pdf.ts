import { execFileSync } from 'node:child_process';

/** Poppler's tools on a printed PDF, for the print tests and the print bench. */

/** How many pages the PDF has (pdfinfo); 0 when pdfinfo names none. */
export const pdfPageCount = (pdf: string): number =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);

/** The text of page `n` (1-based) as laid out on paper (pdftotext -layout). */
export const pdfPageText = (pdf: string, n: number): string =>
  execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' });

/** Renders the PDF's pages (or only the first `pages`) to PNG files `<prefix>-<n>.png` at `dpi`. */
export function pdfToPng(pdf: string, prefix: string, dpi: number, pages?: number): void {
  const range = pages === undefined ? [] : ['-f', '1', '-l', String(pages)];
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), ...range, pdf, prefix]);
}
