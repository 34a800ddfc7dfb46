import { runCli } from './run';

/** `npm run cli -- <command> ...` (see docs/CLI.md). */
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
process.exitCode = code;
