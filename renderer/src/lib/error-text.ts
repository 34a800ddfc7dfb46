import type { TFunction } from 'i18next';
import type { ErrorInfo } from '../../../shared/errors';
import { date } from './format';

/** Dates among the parameters are shown the Indian way (DD-MM-YYYY), as everywhere on screen. */
function readable(params: ErrorInfo['params']): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    out[key] = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? date(value) : value;
  }
  return out;
}

/**
 * An error in the user's language: its reason (with parameters) when the core gave one, else what its
 * code means. The core's English message is never shown here (Settings › Diagnostics shows it).
 */
export function errorText(t: TFunction, info: Pick<ErrorInfo, 'code' | 'reason' | 'params'>): string {
  if (info.reason) return t(`errors.reason.${info.reason}`, readable(info.params));
  return t(`errors.code.${info.code}`);
}
