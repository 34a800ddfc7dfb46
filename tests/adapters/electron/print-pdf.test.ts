import { registerIpcHandlers, type DispatchFn } from '../../../electron/main/ipc';
import { PRINT_TO_PDF_OPTIONS, pdfFileName, savePagePdf } from '../../../electron/main/print-pdf';
import { isTrustedRendererUrl } from '../../../electron/main/security';
import { SAVE_PDF_CHANNEL } from '../../../electron/preload/channels';
import { createDesktopBridge } from '../../../electron/preload/bridge';

const APP = 'app://tallyconnect/index.html#/ledger';

function effects(chosen: string | null) {
  return {
    printToPdf: vi.fn(async () => new Uint8Array([37, 80, 68, 70])),
    chooseFile: vi.fn(async () => chosen),
    writeFile: vi.fn(async () => undefined),
  };
}

describe('Save PDF (desktop)', () => {
  it('suggests a safe file name ending in .pdf', () => {
    expect(pdfFileName('Sharma Traders - Ledger: Patil - Period 01-04-2025 to 31-03-2026.pdf')).toBe(
      'Sharma Traders - Ledger Patil - Period 01-04-2025 to 31-03-2026.pdf',
    );
    expect(pdfFileName('..\\..\\Windows\\evil')).toBe('evil.pdf');
    expect(pdfFileName(42)).toBe('TallyConnect report.pdf');
  });

  it('prints the page with its own page size and writes the file the user chose', async () => {
    const fx = effects('C:\\Reports\\ledger.pdf');
    await expect(savePagePdf(fx, 'ledger.pdf')).resolves.toBe(true);
    expect(fx.chooseFile).toHaveBeenCalledWith('ledger.pdf');
    expect(fx.writeFile).toHaveBeenCalledWith('C:\\Reports\\ledger.pdf', new Uint8Array([37, 80, 68, 70]));
    expect(PRINT_TO_PDF_OPTIONS).toMatchObject({ preferCSSPageSize: true });
  });

  it('prints nothing and writes nothing when the user cancels', async () => {
    const fx = effects(null);
    await expect(savePagePdf(fx, 'ledger.pdf')).resolves.toBe(false);
    expect(fx.printToPdf).not.toHaveBeenCalled();
    expect(fx.writeFile).not.toHaveBeenCalled();
  });

  it('is reachable from the preload bridge only for the app window', async () => {
    const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
    const sender = { id: 1 };
    const savePdf = vi.fn(async () => true);
    registerIpcHandlers({
      ipcMain: {
        handle: (c: string, h: never) => handlers.set(c, h),
        removeHandler: () => undefined,
      } as never,
      dispatch: vi.fn() as unknown as DispatchFn,
      isTrustedUrl: (url) => isTrustedRendererUrl(url),
      logger: { warn: vi.fn(), error: vi.fn() },
      operations: [],
      savePdf,
    });
    const handler = handlers.get(SAVE_PDF_CHANNEL)!;
    await expect(handler({ senderFrame: { url: 'https://evil.example/' }, sender }, 'x.pdf')).resolves.toBe(
      false,
    );
    expect(savePdf).not.toHaveBeenCalled();
    const bridge = createDesktopBridge({
      invoke: (channel: string, ...args: unknown[]) =>
        handlers.get(channel)!({ senderFrame: { url: APP }, sender }, ...args),
      on: () => undefined,
      removeListener: () => undefined,
    });
    await expect(bridge.savePdf('ledger.pdf')).resolves.toBe(true);
    expect(savePdf).toHaveBeenCalledWith(sender, 'ledger.pdf');
  });
});
