import type { Bridge } from './contract';

/**
 * What the Electron preload exposes as `window.tallyConnect`: exactly the contract's Bridge
 * (invoke + subscribe) plus the desktop-only file dialog. In serve mode (browser) it is absent and the
 * renderer talks HTTP instead.
 */
export interface DesktopBridge extends Bridge {
  /** Opens the native "Open" dialog for Tally XML exports; resolves [] when the user cancels. */
  pickFiles(): Promise<string[]>;
  /**
   * Prints the page (its print document) to PDF with Electron's printToPDF and saves it where the user
   * says; resolves false when the user cancels.
   */
  savePdf(suggestedName: string): Promise<boolean>;
}

declare global {
  interface Window {
    tallyConnect?: DesktopBridge;
  }
}
