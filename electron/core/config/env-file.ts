import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { AppError } from '../../../shared/errors';

const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/;

/** Quotes a value so dotenv reads back exactly the same string. */
export function quoteEnvValue(name: string, value: string): string {
  if (/[\r\n]/.test(value))
    throw new AppError('CONFIG', `${name} cannot contain a line break`, { field: name });
  if (/^[A-Za-z0-9_.:/@+,-]*$/.test(value)) return value;
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('"') && !value.includes('\\')) return `"${value}"`;
  if (!value.includes('`')) return `\`${value}\``;
  throw new AppError('CONFIG', `${name} cannot contain ', " and \` together`, { field: name });
}

/** Index of the last line of an assignment whose quoted value may span several lines. */
function endOfValue(lines: readonly string[], start: number, value: string): number {
  const quote = value[0];
  if (quote !== '"' && quote !== "'" && quote !== '`') return start;
  if (value.length > 1 && value.slice(1).includes(quote)) return start;
  for (let i = start + 1; i < lines.length; i++) if ((lines[i] as string).includes(quote)) return i;
  return start;
}

/**
 * Rewrites .env text with some variables set (string) or removed (null), keeping every other line,
 * comment and the file's line endings. A variable assigned twice keeps one line (dotenv's last one wins,
 * so the surviving line is the updated value).
 */
export function updateEnvText(text: string, updates: Readonly<Record<string, string | null>>): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text === '' ? [] : text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const done = new Set<string>();
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const match = ASSIGNMENT.exec(line);
    const name = match?.[1];
    if (!match || name === undefined || !Object.prototype.hasOwnProperty.call(updates, name)) {
      out.push(line);
      continue;
    }
    i = endOfValue(lines, i, (match[2] ?? '').trim());
    const value = updates[name];
    if (value === null || value === undefined || done.has(name)) continue;
    out.push(`${name}=${quoteEnvValue(name, value)}`);
    done.add(name);
  }
  for (const [name, value] of Object.entries(updates)) {
    if (value !== null && !done.has(name)) out.push(`${name}=${quoteEnvValue(name, value)}`);
  }
  const result = out.length ? out.join(eol) + eol : '';
  // Belt and braces: what dotenv reads back must be exactly what was asked.
  const check = parseDotenv(result);
  for (const [name, value] of Object.entries(updates)) {
    if ((check[name] ?? null) !== value) {
      throw new AppError('CONFIG', `Could not write ${name} to the .env file safely`, { field: name });
    }
  }
  return result;
}

/** Writes a file atomically: a temporary file in the same folder, flushed, then renamed over. */
export function writeFileAtomic(path: string, text: string): void {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // nothing was created
    }
    throw new AppError('CONFIG', `Could not save settings to ${path}: ${(error as Error).message}`);
  }
}
