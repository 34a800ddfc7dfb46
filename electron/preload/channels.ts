/**
 * IPC channel names shared by the preload bridge and the main-process adapter. Nothing else: the
 * preload bundle must stay tiny and free of Node-only code (it runs sandboxed).
 */
export const INVOKE_CHANNEL_PREFIX = 'tallyconnect:invoke:';
export const EVENT_CHANNEL = 'tallyconnect:event';
export const PICK_FILES_CHANNEL = 'tallyconnect:pick-files';
export const SAVE_PDF_CHANNEL = 'tallyconnect:save-pdf';

/** One channel per contract operation, so main registers exactly the contract and nothing more. */
export function invokeChannel(operation: string): string {
  return `${INVOKE_CHANNEL_PREFIX}${operation}`;
}

/** Operation names look like "cache.clearAll": letters and dots only, so they cannot forge a channel. */
export const OPERATION_NAME_PATTERN = /^[A-Za-z]+(\.[A-Za-z]+)*$/;
