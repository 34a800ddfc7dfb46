import type { ServiceState } from '../../../shared/types/cache';
import type { ProcessRunner } from './process-runner';

/** The Windows services that can host a Redis-compatible server on an office PC. */
export const CACHE_SERVICES = ['Memurai', 'Redis'] as const;

const STATE_CODES: Record<string, ServiceState> = {
  '1': 'stopped',
  '2': 'starting',
  '3': 'stopping',
  '4': 'running',
  '5': 'starting', // CONTINUE_PENDING
  '6': 'stopping', // PAUSE_PENDING
  '7': 'paused',
};

/** ERROR_SERVICE_DOES_NOT_EXIST: `sc query` for a service that is not installed. */
const NOT_INSTALLED = 1060;

/**
 * Reads the STATE line of `sc.exe query NAME`. The numeric code is used, not the word, so a localised
 * Windows reads the same; "FAILED 1060" (or exit code 1060) means the service is not installed.
 */
export function parseScQuery(stdout: string, exitCode: number | null): ServiceState {
  const state = /^\s*STATE\s*:\s*(\d+)/m.exec(stdout);
  if (state) return STATE_CODES[state[1] as string] ?? 'unknown';
  if (exitCode === NOT_INSTALLED || /FAILED\s+1060\b/.test(stdout)) return 'missing';
  return 'unknown';
}

export async function queryService(runner: ProcessRunner, name: string): Promise<ServiceState> {
  const result = await runner('sc.exe', ['query', name], 2_000);
  return parseScQuery(result.stdout, result.code);
}

export async function queryCacheServices(
  runner: ProcessRunner,
): Promise<{ name: string; state: ServiceState }[]> {
  return Promise.all(CACHE_SERVICES.map(async (name) => ({ name, state: await queryService(runner, name) })));
}

/**
 * Starting a service needs administrator rights: PowerShell's Start-Process -Verb RunAs shows the UAC
 * prompt and runs `sc.exe start Memurai` elevated; its exit code comes back through -PassThru.
 */
export async function startServiceElevated(
  runner: ProcessRunner,
  name: string,
): Promise<{ ok: boolean; message: string }> {
  const script =
    `$p = Start-Process -FilePath 'sc.exe' -ArgumentList 'start','${name}' -Verb RunAs -WindowStyle Hidden ` +
    '-Wait -PassThru; exit $p.ExitCode';
  const result = await runner(
    'powershell.exe',
    ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', script],
    60_000,
  );
  if (result.code === 0) return { ok: true, message: `Windows started the ${name} service.` };
  if (result.code === 1056) return { ok: true, message: `The ${name} service was already running.` };
  const text = `${result.stdout}\n${result.stderr}\n${result.error ?? ''}`;
  if (/cancel/i.test(text)) {
    return { ok: false, message: `Starting ${name} was cancelled at the Windows permission prompt.` };
  }
  if (result.code === NOT_INSTALLED) return { ok: false, message: `${name} is not installed on this PC.` };
  return {
    ok: false,
    message: `Windows could not start ${name} (exit code ${result.code ?? 'none'}${result.error ? `: ${result.error}` : ''}).`,
  };
}
