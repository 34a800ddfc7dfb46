import type { PrintDocument } from '../../../../shared/print/document';
import {
  estimateHeights,
  geometryOf,
  heightsFromMeasured,
  MEASURED_SELECTOR,
  measureHtml,
  pageCss,
  pxToMm,
  renderDocument,
  type Heights,
} from '../../../../shared/print/render';
import { PRINT_CSS } from '../../../../shared/print/style';

export interface PrintLabels {
  page: (page: number, pages: number) => string;
  /** "Printed on 06-12-2026 21:55", under the page number on every page. */
  printedOn?: string;
}

const ROOT_CLASS = 'pd-root';
const PRINTING_CLASS = 'pd-printing';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, id: string, className?: string) {
  let found = document.getElementById(id) as HTMLElementTagNameMap[K] | null;
  if (!found) {
    found = document.createElement(tag);
    found.id = id;
    if (className) found.className = className;
    (tag === 'style' ? document.head : document.body).appendChild(found);
  }
  return found;
}

/** The documents' styles (shared with the main process's PDFs), once in the page: print and previews use them. */
export function installPrintStyle(): void {
  const style = element('style', 'pd-doc-style');
  if (style.textContent !== PRINT_CSS) style.textContent = PRINT_CSS;
}

/** Measures every row of the document at the page's width (mm); null when the page has no layout. */
function measure(doc: PrintDocument): Heights | null {
  const box = document.createElement('div');
  box.className = 'pd-doc pd-measure';
  box.style.width = `${geometryOf(doc).widthMm}mm`;
  box.innerHTML = measureHtml(doc);
  document.body.appendChild(box);
  try {
    const measured = [...box.querySelectorAll(MEASURED_SELECTOR)].map((e) =>
      pxToMm(e.getBoundingClientRect().height),
    );
    return heightsFromMeasured(doc, measured);
  } finally {
    box.remove();
  }
}

/** Lays the document out into A4 pages inside the print-only container (hidden on screen). */
export function preparePrint(
  doc: PrintDocument,
  labels: PrintLabels,
  format: (kind: 'money' | 'drcr', paise: number) => string,
): HTMLElement {
  installPrintStyle();
  element('style', 'pd-page-style').textContent = pageCss(doc);
  const root = element('div', 'pd-root', `${ROOT_CLASS} pd-doc`);
  const heights = measure(doc) ?? estimateHeights(doc);
  root.innerHTML = renderDocument(doc, heights, labels, format);
  document.body.classList.add(PRINTING_CLASS);
  return root;
}

/** Back to printing the screen (Ctrl+P on another report prints that screen, not this document). */
export function endPrint(): void {
  document.body.classList.remove(PRINTING_CLASS);
  document.getElementById('pd-page-style')?.remove();
  const root = document.getElementById('pd-root');
  if (root) root.innerHTML = '';
}

/**
 * Prints the document: the desktop app saves a PDF through Electron's printToPDF (`savePdf`); the
 * browser opens its print dialog (which can also save a PDF).
 */
export async function printDocument(
  doc: PrintDocument,
  labels: PrintLabels,
  format: (kind: 'money' | 'drcr', paise: number) => string,
  savePdf?: () => Promise<unknown>,
): Promise<void> {
  preparePrint(doc, labels, format);
  if (savePdf) {
    try {
      await savePdf();
    } finally {
      endPrint();
    }
    return;
  }
  window.addEventListener('afterprint', endPrint, { once: true });
  window.print();
}
