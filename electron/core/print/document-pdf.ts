import type { PrintDocument } from '../../../shared/print/document';
import {
  estimateHeights,
  fitsOnePage,
  geometryOf,
  heightsFromMeasured,
  MEASURED_SELECTOR,
  measureHtml,
  pageCss,
  pxToMm,
  renderDocument,
  type Heights,
} from '../../../shared/print/render';
import { PRINT_CSS } from '../../../shared/print/style';
import type { PdfRenderer } from './pdf-renderer';

export interface PdfLabels {
  page: (page: number, pages: number) => string;
  printedOn?: string;
  /** Language of the page (lang attribute): lets Chromium pick the Devanagari font for मराठी / हिन्दी. */
  lang?: string;
}

const page = (body: string, css: string, lang: string): string =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><style>${PRINT_CSS}\n${css}\nhtml,body{margin:0;padding:0;background:#fff}</style></head><body>${body}</body></html>`;

/**
 * The document's row heights: measured in a page of its width, unless the estimate puts it well within one
 * page (most statements), where the real heights cannot change the layout and a page load is saved.
 */
async function heightsOf(doc: PrintDocument, renderer: PdfRenderer, lang: string): Promise<Heights> {
  const estimate = estimateHeights(doc);
  if (fitsOnePage(doc, estimate)) return estimate;
  const html = page(
    `<div class="pd-doc" style="width:${geometryOf(doc).widthMm}mm">${measureHtml(doc)}</div>`,
    '',
    lang,
  );
  const measured = await renderer.measure(html, MEASURED_SELECTOR);
  return heightsFromMeasured(doc, measured.map(pxToMm)) ?? estimate;
}

/** The whole HTML page of a document, cut into A4 sheets with the same engine the renderer prints with. */
export async function documentHtml(
  doc: PrintDocument,
  renderer: PdfRenderer,
  labels: PdfLabels,
  format: (kind: 'money' | 'drcr', paise: number) => string,
): Promise<string> {
  const lang = labels.lang ?? 'en';
  const heights = await heightsOf(doc, renderer, lang);
  const sheets = renderDocument(doc, heights, labels, format);
  return page(`<div class="pd-doc">${sheets}</div>`, pageCss(doc), lang);
}

/** A print document as PDF bytes. */
export async function documentPdf(
  doc: PrintDocument,
  renderer: PdfRenderer,
  labels: PdfLabels,
  format: (kind: 'money' | 'drcr', paise: number) => string,
): Promise<Uint8Array> {
  return renderer.pdf(await documentHtml(doc, renderer, labels, format));
}
