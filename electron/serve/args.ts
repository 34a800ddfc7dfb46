import path from 'node:path';

export interface ServeArgs {
  port: number;
  host: string;
  demo: boolean;
  dataDir: string;
  staticDir: string;
  /** --portal: open the office portal (sign-in required); null = the PORTAL_ENABLED setting. */
  portal: boolean | null;
  /** --bind ADDRESS: where the portal listens; null = the PORTAL_BIND setting. */
  bind: string | null;
  /** True when --port or TALLYCONNECT_PORT chose the port (else the portal uses PORTAL_PORT). */
  portGiven: boolean;
}

export const DEFAULT_PORT = 4870;

/** Parses `npm run serve -- [--port N] [--demo] [--data-dir DIR]`, falling back to the environment. */
export function parseServeArgs(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): ServeArgs {
  const args: ServeArgs = {
    port: env.TALLYCONNECT_PORT ? parsePort(env.TALLYCONNECT_PORT, 'TALLYCONNECT_PORT') : DEFAULT_PORT,
    host: '127.0.0.1',
    demo: false,
    dataDir: path.resolve(cwd, env.TALLYCONNECT_DATA_DIR || '.data'),
    staticDir: path.resolve(cwd, 'out/renderer'),
    portal: null,
    bind: null,
    portGiven: Boolean(env.TALLYCONNECT_PORT),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--port':
        args.port = parsePort(value(), '--port');
        args.portGiven = true;
        break;
      case '--portal':
        args.portal = true;
        break;
      case '--bind':
        args.bind = parseBind(value());
        break;
      case '--data-dir':
        args.dataDir = path.resolve(cwd, value());
        break;
      case '--static-dir':
        args.staticDir = path.resolve(cwd, value());
        break;
      case '--demo':
        args.demo = true;
        break;
      default:
        throw new Error(
          `Unknown option ${arg} (known: --port N, --data-dir DIR, --demo, --static-dir DIR, --portal, --bind ADDRESS)`,
        );
    }
  }
  return args;
}

function parsePort(text: string, name: string): number {
  const port = Number(text);
  // Port 0 lets the OS pick a free port (used by the end-to-end tests).
  if (!/^\d+$/.test(text) || port > 65535)
    throw new Error(`${name} must be a port number 0-65535, got "${text}"`);
  return port;
}

function parseBind(text: string): string {
  // An IPv4/IPv6 address or a host name; no ports, paths or spaces.
  if (!/^[A-Za-z0-9.:-]{1,253}$/.test(text))
    throw new Error(`--bind must be an address such as 0.0.0.0 or 192.168.1.10, got "${text}"`);
  return text;
}
