import { accessSync, constants } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { serialised, type PdfRenderer } from './pdf-renderer';

/** Chromium's flags for rendering documents: headless, nothing fetched or updated in the background. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export interface ChromiumPdfOptions {
  /** The Chromium binary (default /usr/bin/chromium). */
  executablePath?: string;
  /**
   * Pages kept open (default 1). With 2, two documents are laid out and printed at once (a reminder run
   * makes the next party's PDF while the current one is sent); each page still does one job at a time.
   */
  pages?: number;
}

/** Why Chromium cannot be used at this path (missing, not executable); null when it can be tried. */
export function chromiumProblem(executablePath: string): string | null {
  try {
    accessSync(executablePath, constants.X_OK);
    return null;
  } catch {
    return `Chromium was not found at ${executablePath} (install Chromium or set CHROMIUM_PATH to a Chromium or Chrome binary)`;
  }
}

interface Slot {
  page: Promise<Page> | null;
  run: <T>(job: () => Promise<T>) => Promise<T>;
  /** Jobs given to this page and not yet finished. */
  queued: number;
}

/**
 * PDFs from a headless Chromium driven by playwright-core (serve mode, tests, benches). The browser and its
 * pages are started on first use and reused for every document, each page one job at a time: a statement
 * is a document.write and a print, not a browser start. A browser that would not start is remembered
 * (`problem()` says why) rather than tried again for every document.
 */
export class ChromiumPdfRenderer implements PdfRenderer {
  private browser: Browser | null = null;
  private context: Promise<BrowserContext> | null = null;
  private readonly slots: Slot[];
  private startFailure: string | null = null;

  constructor(private readonly options: ChromiumPdfOptions = {}) {
    const pages = Math.max(1, Math.floor(options.pages ?? 1));
    this.slots = Array.from({ length: pages }, () => ({ page: null, run: serialised(), queued: 0 }));
  }

  get executablePath(): string {
    return this.options.executablePath ?? DEFAULT_CHROMIUM;
  }

  /** Why no document can be made (the binary is missing, or it would not start); null when it can. */
  problem(): string | null {
    return chromiumProblem(this.executablePath) ?? this.startFailure;
  }

  private contextOf(): Promise<BrowserContext> {
    this.context ??= (async () => {
      const { chromium } = await import('playwright-core');
      try {
        this.browser = await chromium.launch({ executablePath: this.executablePath, args: CHROMIUM_FLAGS });
      } catch (error) {
        const first = (error instanceof Error ? error.message : String(error)).split('\n')[0];
        this.startFailure = `Chromium (${this.executablePath}) would not start: ${first}`;
        throw new Error(this.startFailure);
      }
      const context = await this.browser.newContext({ javaScriptEnabled: true });
      // Nothing a document asks for leaves the machine: it is all in the HTML.
      await context.route('**/*', (route) =>
        route.request().url().startsWith('data:') ? route.continue() : route.abort(),
      );
      return context;
    })();
    return this.context;
  }

  /** The page with the fewest jobs waiting runs the job. */
  private onPage<T>(job: (page: Page) => Promise<T>): Promise<T> {
    const slot = this.slots.reduce((best, s) => (s.queued < best.queued ? s : best));
    slot.queued += 1;
    return slot
      .run(async () => {
        slot.page ??= this.contextOf().then((context) => context.newPage());
        return job(await slot.page);
      })
      .finally(() => {
        slot.queued -= 1;
      });
  }

  /**
   * Writes the HTML into the page (document.write: no navigation, about half a page load's time) and waits
   * for its fonts.
   */
  private static async show(page: Page, html: string): Promise<void> {
    await page.evaluate(
      `document.open(); document.write(${JSON.stringify(html)}); document.close(); document.fonts.ready.then(() => true);`,
    );
  }

  measure(html: string, selector: string): Promise<number[]> {
    return this.onPage(async (page) => {
      await ChromiumPdfRenderer.show(page, html);
      // A string, not a function: nothing of this module's build is shipped into the page.
      return page.evaluate<number[]>(
        `[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => e.getBoundingClientRect().height)`,
      );
    });
  }

  pdf(html: string): Promise<Uint8Array> {
    return this.onPage(async (page) => {
      await ChromiumPdfRenderer.show(page, html);
      const buffer = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    });
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    this.context = null;
    for (const slot of this.slots) slot.page = null;
    await browser?.close();
  }
}
