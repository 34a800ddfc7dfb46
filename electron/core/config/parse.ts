/**
 * Small parsers for environment values. Each returns the parsed value or records a problem naming the
 * variable and the value, so a typo (REDIS_PORT=abc) is reported rather than silently ignored.
 */
export interface ConfigError {
  variable: string;
  /** The offending value as written (secrets redacted). */
  value: string;
  message: string;
}

export function formatConfigError(error: ConfigError): string {
  return `${error.variable}=${JSON.stringify(error.value)} is not valid: ${error.message}`;
}

export type Source = Record<string, string | undefined>;

export class EnvReader {
  readonly errors: ConfigError[] = [];

  constructor(private readonly source: Source) {}

  /** The trimmed value, or undefined when unset or blank (blank means "use the default"). */
  raw(name: string): string | undefined {
    const value = this.source[name];
    if (value === undefined) return undefined;
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }

  fail(variable: string, value: string, message: string): void {
    this.errors.push({ variable, value, message });
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const text = this.raw(name);
    if (text === undefined) return fallback;
    if (!/^-?\d+$/.test(text) || Number(text) < min || Number(text) > max) {
      this.fail(name, text, `must be a whole number from ${min} to ${max} (using ${fallback})`);
      return fallback;
    }
    return Number(text);
  }

  bool(name: string, fallback: boolean): boolean {
    const text = this.raw(name);
    if (text === undefined) return fallback;
    const lower = text.toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(lower)) return true;
    if (['false', '0', 'no', 'off'].includes(lower)) return false;
    this.fail(name, text, `must be true or false (using ${fallback})`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const text = this.raw(name);
    if (text === undefined) return fallback;
    const lower = text.toLowerCase() as T;
    if (allowed.includes(lower)) return lower;
    this.fail(name, text, `must be one of ${allowed.join(', ')} (using ${fallback})`);
    return fallback;
  }

  string(name: string, fallback: string, check?: (value: string) => string | null): string {
    const text = this.raw(name);
    if (text === undefined) return fallback;
    const problem = check?.(text) ?? null;
    if (problem) {
      this.fail(name, text, `${problem} (using ${fallback})`);
      return fallback;
    }
    return text;
  }
}

/** Host names and IP literals; refuses spaces, schemes and paths (a common paste mistake). */
export function checkHost(value: string): string | null {
  if (value.length > 253) return 'is too long for a host name';
  if (/^\[?[0-9a-fA-F:.]+\]?$/.test(value)) return null;
  if (/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(value))
    return null;
  return 'must be a host name or IP address, without http:// or a port';
}
