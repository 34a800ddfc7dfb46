import { readFileSync, writeFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { AppError } from '../../shared/errors';
import type { Gstr1JsonAnswer, Gstr3bAnswer } from '../../shared/types/gst';
import type { CommandSpec } from './commands';

/**
 * The GST commands (issue 26): `gstr1` and `gstr3b` print the portal's JSON (the vouchers to correct in
 * Tally go to stderr), `gstr2b-reco` the reconciliation of a downloaded GSTR-2B. `--out FILE` writes the
 * printed JSON to a file instead.
 */
const month = {
  company: { field: 'companyGuid', type: 'string' },
  month: { field: 'month', type: 'string' },
} as const;
/** GSTR-1 and GSTR-3B take a month or, for quarterly (QRMP) filers, --quarter YYYY-Qn (Q1 = April–June of YYYY). */
const period = {
  ...month,
  quarter: {
    field: 'month',
    type: 'string',
    pattern: {
      regex: /^\d{4}-Q[1-4]$/,
      hint: 'must be a quarter of the financial year written YYYY-Qn (2025-Q1 = April–June 2025)',
    },
  },
} as const;

export const GST_COMMANDS: Record<string, CommandSpec> = {
  gstr1: {
    operation: 'gst.gstr1Json',
    summary:
      'GSTR-1 portal JSON of a month or quarter: --company GUID (--month YYYY-MM | --quarter YYYY-Qn) [--out FILE]',
    flags: { ...period },
    show: (data) => (data as Gstr1JsonAnswer).json,
    notes: (data) =>
      (data as Gstr1JsonAnswer).exceptions.map((e) => `${e.excluded ? 'Left out' : 'Check'}: ${e.message}`),
  },
  gstr3b: {
    operation: 'gst.gstr3b',
    summary:
      'GSTR-3B portal JSON of a month or quarter: --company GUID (--month YYYY-MM | --quarter YYYY-Qn) [--out FILE]',
    flags: { ...period },
    show: (data) => (data as Gstr3bAnswer).json,
  },
  'gstr2b-reco': {
    operation: 'gst.gstr2bReco',
    summary:
      'Reconcile a GSTR-2B with the books: --company GUID --month YYYY-MM --file GSTR2B.json [--out FILE]',
    flags: { ...month, file: { field: 'gstr2b', type: 'jsonFile' } },
  },
};

/** Replaces each jsonFile flag's path (relative to baseDir) by the file's parsed JSON. */
export function readJsonFileFlags(
  spec: CommandSpec,
  input: Record<string, unknown>,
  baseDir: string,
): Record<string, unknown> {
  for (const [flag, def] of Object.entries(spec.flags)) {
    if (def.type !== 'jsonFile' || typeof input[def.field] !== 'string') continue;
    const path = resolvePath(baseDir, input[def.field] as string);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new AppError('VALIDATION', `--${flag}: cannot read ${path} (${(error as Error).message})`, {
        field: flag,
      });
    }
    try {
      input[def.field] = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      throw new AppError('VALIDATION', `--${flag}: ${path} is not a JSON file`, { field: flag });
    }
  }
  return input;
}

/** Writes the JSON to a file (relative to baseDir) and answers where it went. */
export function writeOut(
  out: string,
  value: unknown,
  baseDir: string,
  compact: boolean,
): { written: string } {
  const path = resolvePath(baseDir, out);
  try {
    writeFileSync(path, `${JSON.stringify(value, null, compact ? 0 : 2)}\n`);
  } catch (error) {
    throw new AppError('VALIDATION', `--out: cannot write ${path} (${(error as Error).message})`, {
      field: 'out',
    });
  }
  return { written: path };
}
