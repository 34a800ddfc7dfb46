import { execFile } from 'node:child_process';

export interface ProcessResult {
  /** Exit code; null when the process could not be started or was killed (timeout). */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Why it could not run (ENOENT, timeout), if so. */
  error?: string;
}

/** Runs a program without a shell. Injected so detection and Memurai start-up are testable anywhere. */
export type ProcessRunner = (
  command: string,
  args: readonly string[],
  timeoutMs: number,
) => Promise<ProcessResult>;

export const execRunner: ProcessRunner = (command, args, timeoutMs) =>
  new Promise((resolve) => {
    execFile(
      command,
      [...args],
      { timeout: timeoutMs, windowsHide: true, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (!error) return resolve({ code: 0, stdout, stderr });
        const code = typeof error.code === 'number' ? error.code : null;
        resolve({ code, stdout: stdout ?? '', stderr: stderr ?? '', error: error.message });
      },
    );
  });
