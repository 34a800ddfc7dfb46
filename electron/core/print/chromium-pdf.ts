import type { Browser, Page } from 'playwright-core';
import { serialised, type PdfRenderer } from './pdf-renderer';

/** Chromium's flags for rendering documents: headless, nothing fetched or updated in the background. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

export interface ChromiumPdfOptions {
  /** The Chromium binary (default /usr/bin/chromium). */
  executablePath?: string;
}

/**
 * PDFs from a headless Chromium driven by playwright-core (serve mode, tests, benches). One browser and one
 * page are started on first use and reused for every document, one job at a time: a statement is a page
 * load and a print, not a browser start.
 */
export class ChromiumPdfRenderer implements PdfRenderer {
  private browser: Browser | null = null;
  private page: Promise<Page> | null = null;
  private readonly run = serialised();

  constructor(private readonly options: ChromiumPdfOptions = {}) {}

  private pageOf(): Promise<Page> {
    this.page ??= (async () => {
      const { chromium } = await import('playwright-core');
      this.browser = await chromium.launch({
        executablePath: this.options.executablePath ?? '/usr/bin/chromium',
        args: CHROMIUM_FLAGS,
      });
      const context = await this.browser.newContext({ javaScriptEnabled: true });
      // Nothing a document asks for leaves the machine: it is all in the HTML.
      await context.route('**/*', (route) =>
        route.request().url().startsWith('data:') ? route.continue() : route.abort(),
      );
      return context.newPage();
    })();
    return this.page;
  }

  /**
   * Writes the HTML into the page (document.write: no navigation, about half a page load's time) and waits
   * for its fonts.
   */
  private async show(html: string): Promise<Page> {
    const page = await this.pageOf();
    await page.evaluate(
      `document.open(); document.write(${JSON.stringify(html)}); document.close(); document.fonts.ready.then(() => true);`,
    );
    return page;
  }

  measure(html: string, selector: string): Promise<number[]> {
    return this.run(async () => {
      const page = await this.show(html);
      // A string, not a function: nothing of this module's build is shipped into the page.
      return page.evaluate<number[]>(
        `[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => e.getBoundingClientRect().height)`,
      );
    });
  }

  pdf(html: string): Promise<Uint8Array> {
    return this.run(async () => {
      const page = await this.show(html);
      const buffer = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    });
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    this.page = null;
    await browser?.close();
  }
}
