/** Electron entry (built to out/main/main.js): wires the real core into the shell. */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core/app';
import { startShell } from './shell';

startShell({
  createCore,
  env: process.env,
  argv: process.argv,
  mainDir: dirname(fileURLToPath(import.meta.url)),
});
