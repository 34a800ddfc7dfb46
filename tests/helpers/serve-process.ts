import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningServe {
  url: string;
  /** Everything the process wrote so far (stdout and stderr), for failure messages. */
  output(): string;
  /** SIGTERM, then SIGKILL after 5 s; resolves when the process has exited. */
  stop(): Promise<void>;
}

/**
 * `npm run serve` as a real process (electron/serve/main.ts through tsx) on a free port; resolves with
 * its address once it prints "serving on ...", rejects with its output if it exits or is too slow.
 */
export async function spawnServe(options: {
  args: string[];
  env: NodeJS.ProcessEnv;
  startTimeoutMs: number;
}): Promise<RunningServe> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/serve/main.ts', '--port', '0', ...options.args],
    { cwd: ROOT, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`serve did not start within ${options.startTimeoutMs / 1000} s:\n${log}`)),
      options.startTimeoutMs,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = /serving on (https?:\/\/\S+)/.exec(log);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${log}`));
    });
  });
  return {
    url,
    output: () => log,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
