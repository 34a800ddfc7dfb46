import { BrowserWindow } from 'electron';
import { serialised, type PdfRenderer } from '../core/print/pdf-renderer';
import { PRINT_TO_PDF_OPTIONS } from './print-pdf';

/** The hidden window's own session: nothing of the app's (its cookies, its handlers) is shared with it. */
export const PDF_PARTITION = 'tallyconnect-pdf';

/**
 * The desktop app's PdfRenderer: one hidden, sandboxed window (no preload, its own session) that documents
 * are written into and printed with webContents.printToPDF, kept for the next document and used one job at
 * a time. The page's CSS sets the paper (A4, its orientation and margins).
 */
export class ElectronPdfRenderer implements PdfRenderer {
  private window: Promise<BrowserWindow> | null = null;
  private readonly run = serialised();

  constructor(
    private readonly createWindow: (options: Electron.BrowserWindowConstructorOptions) => BrowserWindow = (
      options,
    ) => new BrowserWindow(options),
  ) {}

  private windowOf(): Promise<BrowserWindow> {
    this.window ??= (async () => {
      const window = this.createWindow({
        show: false,
        width: 1240,
        height: 1754,
        webPreferences: {
          partition: PDF_PARTITION,
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          webSecurity: true,
          javascript: true,
        },
      });
      // A document never opens windows or navigates away: everything it shows is in its HTML.
      window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      window.webContents.on('will-navigate', (event: { preventDefault(): void }) => event.preventDefault());
      await window.loadURL('about:blank');
      return window;
    })();
    return this.window;
  }

  /** Writes the HTML into the hidden page and waits for its fonts. */
  private async show(html: string): Promise<BrowserWindow> {
    const window = await this.windowOf();
    await window.webContents.executeJavaScript(
      `document.open(); document.write(${JSON.stringify(html)}); document.close(); document.fonts.ready.then(() => true);`,
    );
    return window;
  }

  measure(html: string, selector: string): Promise<number[]> {
    return this.run(async () => {
      const window = await this.show(html);
      const heights: unknown = await window.webContents.executeJavaScript(
        `[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => e.getBoundingClientRect().height)`,
      );
      if (!Array.isArray(heights) || !heights.every((h) => typeof h === 'number'))
        throw new Error('The PDF window did not answer the heights of the document’s rows');
      return heights as number[];
    });
  }

  pdf(html: string): Promise<Uint8Array> {
    return this.run(async () => {
      const window = await this.show(html);
      const buffer = await window.webContents.printToPDF(PRINT_TO_PDF_OPTIONS);
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    });
  }

  async close(): Promise<void> {
    const window = this.window;
    this.window = null;
    if (window) (await window).destroy();
  }
}
