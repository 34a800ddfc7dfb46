/**
 * "Save PDF" of the desktop app: the window's page printed with Electron's printToPDF (the renderer has
 * laid its print document out into A4 pages, so the page's own @page size and margins are used) and
 * written where the user says. Effects are injected so it can be tested without Electron.
 */
export interface SavePdfEffects {
  printToPdf(): Promise<Uint8Array>;
  /** The native Save dialog; null when the user cancels. */
  chooseFile(suggestedName: string): Promise<string | null>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
}

/** A safe file name for the Save dialog: no folders, no reserved characters, ends in .pdf. */
export function pdfFileName(suggested: unknown): string {
  const text = typeof suggested === 'string' ? suggested : '';
  const base = (text.split(/[\\/]/).pop() ?? '')
    .replace(/[:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150)
    .replace(/\.pdf$/i, '');
  return `${base || 'TallyConnect report'}.pdf`;
}

/** Prints and saves; resolves false when the user cancels the dialog. */
export async function savePagePdf(effects: SavePdfEffects, suggestedName: unknown): Promise<boolean> {
  const path = await effects.chooseFile(pdfFileName(suggestedName));
  if (path === null) return false;
  const pdf = await effects.printToPdf();
  await effects.writeFile(path, pdf);
  return true;
}

/** printToPDF options: the page's CSS decides the paper (A4, portrait or landscape) and margins. */
export const PRINT_TO_PDF_OPTIONS = { preferCSSPageSize: true, printBackground: true } as const;
