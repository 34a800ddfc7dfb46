import * as fake from './fake-electron';
import { statementPdf, type StatementPdfInput } from '../../../electron/core/collections/statement-pdf';
import { ElectronPdfRenderer, PDF_PARTITION } from '../../../electron/main/pdf-window';
import { patilStatement, SHARMA_LETTERHEAD } from '../../helpers/party-statement';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(() => fake.resetFakeElectron());

/** A debtor with one bill and a ledger long enough to need measuring (more than a page). */
const input: StatementPdfInput = {
  statement: patilStatement(),
  company: SHARMA_LETTERHEAD,
  language: 'en',
  ledger: {
    from: '2025-04-01',
    to: '2026-03-31',
    opening: 0,
    lines: Array.from({ length: 90 }, (_, i) => ({
      date: '2025-10-01',
      particulars: 'Sales Account',
      voucherType: 'Sales',
      voucherNumber: String(i + 1),
      narration: '',
      debit: 1_000_00,
      credit: 0,
      balance: (i + 1) * 1_000_00,
    })),
    totalDebit: 90_000_00,
    totalCredit: 0,
    closing: 90_000_00,
  },
};

/** A renderer whose hidden window is handed to `setUp` before it is used. */
function rendererWith(setUp: (window: fake.BrowserWindow) => void): ElectronPdfRenderer {
  return new ElectronPdfRenderer((options) => {
    const window = new fake.BrowserWindow(options as Record<string, unknown>);
    setUp(window);
    return window as never;
  });
}

/** The hidden window's page: remembers what was written and answers the measuring script. */
function answerLikeAPage(window: fake.BrowserWindow, written: string[], rowPx = 18): void {
  window.webContents.executeJavaScript.mockImplementation(async (code: string) => {
    if (code.startsWith('document.open()')) {
      written.push(code);
      return true;
    }
    // One height per element measured: the preamble, captions, heading rows and rows.
    const last = written.at(-1) ?? '';
    return (last.match(/<tr|class=\\"pd-caption\\"|class=\\"pd-preamble\\"/g) ?? []).map(() => rowPx);
  });
}

describe('the desktop app’s PDF renderer (hidden window)', () => {
  it('prints a statement in one hidden, sandboxed window of its own session, measured first', async () => {
    const written: string[] = [];
    const renderer = rendererWith((w) => answerLikeAPage(w, written));
    const pdf = await statementPdf(input, renderer);
    const window = fake.BrowserWindow.instances[0]!;
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.4 fake');
    expect(window.options).toMatchObject({
      show: false,
      webPreferences: {
        partition: PDF_PARTITION,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
      },
    });
    expect(window.options.webPreferences).not.toHaveProperty('preload');
    expect(window.loadURL).toHaveBeenCalledWith('about:blank');
    expect(window.webContents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({
      action: 'deny',
    });
    // Written twice (to measure, then the pages), printed once with the page's own paper size.
    expect(written).toHaveLength(2);
    expect(written[1]).toContain('Carried forward');
    expect(written[1]).toContain('Page 1 of');
    expect(window.webContents.printToPDF).toHaveBeenCalledTimes(1);
    expect(window.webContents.printToPDF).toHaveBeenCalledWith(
      expect.objectContaining({ preferCSSPageSize: true }),
    );
    await renderer.close();
    expect(window.destroy).toHaveBeenCalled();
  });

  it('reuses its window and does one document at a time', async () => {
    const order: string[] = [];
    const renderer = rendererWith((window) => {
      window.webContents.executeJavaScript.mockImplementation(async (code: string) => {
        order.push(code.includes('one') ? 'write one' : 'write two');
        return true;
      });
      window.webContents.printToPDF.mockImplementation(async () => {
        order.push('print');
        return Buffer.from('%PDF');
      });
    });
    await Promise.all([renderer.pdf('<p>one</p>'), renderer.pdf('<p>two</p>')]);
    expect(order).toEqual(['write one', 'print', 'write two', 'print']);
    expect(fake.BrowserWindow.instances).toHaveLength(1);
  });

  it('says so when the page does not answer the heights', async () => {
    const renderer = rendererWith((window) =>
      window.webContents.executeJavaScript.mockImplementation(async () => 'nonsense'),
    );
    await expect(renderer.measure('<table></table>', 'tr')).rejects.toThrow(/heights/);
  });
});
