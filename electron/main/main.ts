/** Electron entry (built to out/main/main.js): wires the real core into the shell. */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app } from 'electron';
import { createCore } from '../core/app';
import { runMcpMode, wantsMcp } from './mcp-mode';
import { startShell } from './shell';

if (wantsMcp(process.argv)) {
  // An AI assistant started the app as its MCP server: stdio only, no window.
  void runMcpMode({ app, argv: process.argv, env: process.env, createCore }).then((code) => app.exit(code));
} else {
  startShell({
    createCore,
    env: process.env,
    argv: process.argv,
    mainDir: dirname(fileURLToPath(import.meta.url)),
  });
}
