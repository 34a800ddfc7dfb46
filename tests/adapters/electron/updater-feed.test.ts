/**
 * The real electron-updater (NsisUpdater, its generic provider, downloader and sha512 check) against an
 * update feed served on loopback, driven by the core's update policy through the shell's adapter
 * (electron/main/updater.ts). Electron itself is not needed: electron-updater takes an injected
 * AppAdapter, and a Node http executor replaces its Electron `net` one — the only substitutions.
 * Installing (running the downloaded .exe) is Windows-only and is not exercised here.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type RequestOptions, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor';
import { NsisUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { createUpdatePolicy } from '../../../electron/core/update/policy';
import { engineFromUpdater } from '../../../electron/main/updater';
import type { UpdateStatus } from '../../../shared/types/update';

/**
 * electron-updater's own executor — its download(), with the sha512 check of builder-util-runtime —
 * with only the transport swapped: Node's http instead of Electron's `net`.
 */
class NodeTransportExecutor extends ElectronHttpExecutor {
  override createRequest(
    options: RequestOptions,
    callback: (response: IncomingMessage) => void,
  ): ReturnType<ElectronHttpExecutor['createRequest']> {
    // Node's ClientRequest does what the executor uses of Electron's (write, end, on, abort).
    return request(options, callback) as unknown as ReturnType<ElectronHttpExecutor['createRequest']>;
  }
}

const INSTALLER = 'TallyConnect-Setup-0.2.0-x64.exe';
let root: string;
let feedDir: string;
let server: Server;
let feedUrl: string;
const requests: string[] = [];
const artifact = randomBytes(256 * 1024);
const sha512 = (data: Buffer) => createHash('sha512').update(data).digest('base64');

/** latest.yml as electron-builder writes it for an NSIS build. */
function latestYml(version: string, hash: string): string {
  return [
    `version: ${version}`,
    'files:',
    `  - url: ${INSTALLER}`,
    `    sha512: ${hash}`,
    `    size: ${artifact.length}`,
    `path: ${INSTALLER}`,
    `sha512: ${hash}`,
    `releaseDate: '2026-12-01T10:00:00.000Z'`,
    '',
  ].join('\n');
}

/** electron-updater reads the channel file named for its platform: latest.yml on Windows. */
const CHANNEL_FILES = ['latest.yml', 'latest-linux.yml', 'latest-mac.yml'];
const channelFile =
  process.platform === 'win32'
    ? 'latest.yml'
    : process.platform === 'darwin'
      ? 'latest-mac.yml'
      : 'latest-linux.yml';

function publish(version: string, hash = sha512(artifact)): void {
  for (const file of CHANNEL_FILES) writeFileSync(join(feedDir, file), latestYml(version, hash));
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tc-update-'));
  feedDir = join(root, 'feed');
  mkdirSync(feedDir);
  writeFileSync(join(feedDir, INSTALLER), artifact);
  server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(1));
    requests.push(name);
    try {
      const body = readFileSync(join(feedDir, name));
      res.writeHead(200, { 'Content-Length': body.length }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

/** An installed TallyConnect 0.1.0 as electron-updater sees it (app-update.yml of an unsigned build). */
function installedApp(name: string): AppAdapter {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  const appUpdateConfigPath = join(dir, 'app-update.yml');
  writeFileSync(
    appUpdateConfigPath,
    'provider: generic\nurl: https://updates.invalid/tallyconnect/\nupdaterCacheDirName: tallyconnect-updater\n',
  );
  return {
    version: '0.1.0',
    name: 'TallyConnect',
    isPackaged: true,
    appUpdateConfigPath,
    userDataPath: join(dir, 'userData'),
    baseCachePath: join(dir, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  };
}

function setUp(name: string) {
  const app = installedApp(name);
  const updater = new NsisUpdater(null, app);
  // electron-updater leaves httpExecutor unset when an AppAdapter is injected; it is declared private.
  (updater as unknown as { httpExecutor: ElectronHttpExecutor }).httpExecutor = new NodeTransportExecutor();
  updater.logger = null;
  const seen: UpdateStatus[] = [];
  const policy = createUpdatePolicy({
    engine: engineFromUpdater(updater),
    currentVersion: '0.1.0',
    timers: { setTimeout: () => 0, clearTimeout: () => undefined },
    onChange: (status) => seen.push(status),
  });
  policy.configure({ url: feedUrl, source: 'settings' });
  const pending = () => join(app.baseCachePath, 'tallyconnect-updater', 'pending');
  return { policy, seen, pending };
}

describe('updates with the real electron-updater against a loopback feed', () => {
  beforeEach(() => {
    requests.length = 0;
  });

  it('offers a newer version, downloads it in the background with progress, verifies its sha512 and waits for consent', async () => {
    publish('0.2.0');
    const { policy, seen, pending } = setUp('newer');
    const status = await policy.check();
    expect(status).toMatchObject({
      phase: 'ready',
      available: { version: '0.2.0', releaseDate: '2026-12-01T10:00:00.000Z' },
      installOnQuit: false,
      error: null,
    });
    expect(seen.map((s) => s.phase)).toEqual(expect.arrayContaining(['checking', 'downloading', 'ready']));
    const last = seen.filter((s) => s.phase === 'downloading').at(-1);
    expect(last?.progress).toMatchObject({ percent: 100, totalBytes: artifact.length });
    expect(requests).toContain(channelFile);
    expect(requests).toContain(INSTALLER);
    // The verified installer sits in electron-updater's pending folder, byte for byte.
    const files = readdirSync(pending()).filter((f) => f.endsWith('.exe'));
    expect(files).toHaveLength(1);
    expect(readFileSync(join(pending(), files[0]!)).equals(artifact)).toBe(true);
    // Consent is recorded, not acted on until quitting.
    expect(policy.consent('on-quit')).toMatchObject({ phase: 'ready', installOnQuit: true });
    policy.stop();
  });

  it('ignores the same version: up to date, and the installer is never fetched', async () => {
    publish('0.1.0');
    const { policy } = setUp('same');
    expect(await policy.check()).toMatchObject({ phase: 'up-to-date', available: null, error: null });
    expect(requests).toEqual([channelFile]);
    policy.stop();
  });

  it('never downgrades: an older version on the feed is ignored too', async () => {
    publish('0.0.9');
    const { policy } = setUp('older');
    expect((await policy.check()).phase).toBe('up-to-date');
    expect(requests).not.toContain(INSTALLER);
    policy.stop();
  });

  it('refuses an installer whose sha512 does not match latest.yml, and keeps nothing to install', async () => {
    publish('0.2.0', sha512(Buffer.from('a different installer')));
    const { policy, pending } = setUp('bad-hash');
    const status = await policy.check();
    expect(status.phase).toBe('error');
    expect(status.error).toBe(
      'The downloaded update did not match its published checksum and was discarded.',
    );
    expect(status.available).toBeNull();
    expect(requests).toContain(INSTALLER);
    const left = (() => {
      try {
        return readdirSync(pending()).filter((f) => f.endsWith('.exe'));
      } catch {
        return [];
      }
    })();
    expect(left).toEqual([]);
    // Nothing is ready, so consent cannot start an installer.
    expect(policy.consent('now').phase).toBe('error');
    expect(policy.quitting()).toBe(false);
    policy.stop();
  });

  it('reports a feed without latest.yml in plain words', async () => {
    for (const file of CHANNEL_FILES) rmSync(join(feedDir, file), { force: true });
    const { policy } = setUp('no-feed-file');
    const status = await policy.check();
    expect(status.phase).toBe('error');
    expect(status.error).toMatch(/latest\.yml/);
    policy.stop();
  });
});
