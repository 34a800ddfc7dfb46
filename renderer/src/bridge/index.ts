import type { Bridge } from '../../../shared/contract';
import type { Envelope } from '../../../shared/errors';
import { createHttpBridge, type HttpBridge, type UploadResult } from './http-bridge';

/** Optional extras a bridge may offer beyond the contract (the Electron shell's file dialog, HTTP upload). */
export interface BridgeExtras {
  pickFiles?: () => Promise<string[]>;
  upload?: (file: File) => Promise<Envelope<UploadResult>>;
  /** The desktop app: saves the page as printed (the print document) to a PDF the user names. */
  savePdf?: (suggestedName: string) => Promise<boolean>;
}

export type AppBridge = Bridge & BridgeExtras;

/** The preload bridge when running inside Electron, otherwise the HTTP bridge of serve mode. */
export function resolveBridge(): AppBridge {
  const injected = (globalThis as { tallyConnect?: AppBridge }).tallyConnect;
  if (injected) return injected;
  const http: HttpBridge = createHttpBridge();
  return http;
}
