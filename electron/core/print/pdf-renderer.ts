/**
 * What turns a laid-out document into PDF bytes in the main process: a headless page that can measure
 * (the print engine needs its rows' real heights to cut pages, as the renderer measures them in its own
 * page) and print. The desktop app uses a hidden Electron window (electron/main/pdf-window.ts); serve mode,
 * tests and benches use Chromium through playwright-core (chromium-pdf.ts). The core never imports either.
 */
export interface PdfRenderer {
  /**
   * Lays the HTML (a whole page with its styles) out and answers the heights, in CSS pixels, of the
   * elements the selector picks, in document order.
   */
  measure(html: string, selector: string): Promise<number[]>;
  /** The HTML (a whole page whose CSS sets the paper, A4 and its margins) printed as PDF bytes. */
  pdf(html: string): Promise<Uint8Array>;
  /** Frees the page (and the browser it started). */
  close(): Promise<void>;
}

/**
 * Runs one job at a time on a renderer's single page (a second job waits for the first), so callers may
 * ask concurrently.
 */
export function serialised(): <T>(job: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const next = last.then(job, job);
    last = next.catch(() => undefined);
    return next;
  };
}
