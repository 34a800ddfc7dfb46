import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createCore, type Core } from '../../../electron/core/app';
import {
  addToClaudeConfig,
  claudeConfigPath,
  mergeClaudeConfig,
  type ConfigFiles,
} from '../../../electron/core/mcp/claude-config';
import { readAssistantSettings } from '../../../electron/core/mcp/assistant-settings';
import { AppError } from '../../../shared/errors';
import { tempDir, writeTiny, TINY_GUID } from '../db/fixtures';

const launch = { command: 'C:\\Program Files\\TallyConnect\\TallyConnect.exe', args: ['--mcp'] };

describe("Claude Desktop's configuration", () => {
  it('lives in %APPDATA%\\Claude on Windows and Application Support on macOS', () => {
    expect(claudeConfigPath('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'C:\\Users\\a')).toBe(
      join('C:\\Users\\a\\AppData\\Roaming', 'Claude', 'claude_desktop_config.json'),
    );
    expect(claudeConfigPath('darwin', {}, '/Users/a')).toBe(
      '/Users/a/Library/Application Support/Claude/claude_desktop_config.json',
    );
  });

  it('gains this server and keeps every other server and setting', () => {
    const existing = JSON.stringify({
      globalShortcut: 'Ctrl+Space',
      mcpServers: { files: { command: 'npx', args: ['-y', 'server-filesystem', 'C:\\docs'] } },
    });
    const merged = JSON.parse(mergeClaudeConfig(existing, launch).text) as Record<string, unknown>;
    expect(merged).toEqual({
      globalShortcut: 'Ctrl+Space',
      mcpServers: {
        files: { command: 'npx', args: ['-y', 'server-filesystem', 'C:\\docs'] },
        tallyconnect: launch,
      },
    });
    expect(mergeClaudeConfig(null, launch).replaced).toBe(false);
    const again = mergeClaudeConfig(mergeClaudeConfig(existing, launch).text, launch);
    expect(again.replaced).toBe(true);
    // A byte-order mark (Notepad) is no reason to refuse.
    expect(mergeClaudeConfig(`\uFEFF${existing}`, launch).replaced).toBe(false);
  });

  it('refuses a file it cannot read as a JSON object, writing nothing', () => {
    for (const text of ['{ "mcpServers": { ', '[1, 2]', '{"mcpServers": []}']) {
      expect(() => mergeClaudeConfig(text, launch)).toThrow(AppError);
    }
    const written: string[] = [];
    const files: ConfigFiles = {
      read: () => '{ broken',
      write: (path) => written.push(path),
      copy: (from, to) => written.push(to),
    };
    expect(() => addToClaudeConfig('/x/claude.json', launch, files, new Date())).toThrow(/not valid JSON/);
    expect(written).toEqual([]);
  });

  it('copies the previous file before writing the merged one', () => {
    const calls: string[] = [];
    const files: ConfigFiles = {
      read: () => '{"mcpServers":{"other":{"command":"x","args":[]}}}',
      copy: (from, to) => calls.push(`copy ${from} -> ${to}`),
      write: (path, text) => calls.push(`write ${path} ${JSON.parse(text).mcpServers.other.command}`),
    };
    const result = addToClaudeConfig('/c/claude.json', launch, files, new Date('2026-12-06T21:40:05Z'));
    expect(result).toEqual({
      path: '/c/claude.json',
      backup: '/c/claude.json.20261206T214005.bak',
      replaced: false,
    });
    expect(calls).toEqual([
      'copy /c/claude.json -> /c/claude.json.20261206T214005.bak',
      'write /c/claude.json x',
    ]);
  });
});

describe('Settings › Assistants through the contract', () => {
  const dir = tempDir('tc-assistants-');
  let core: Core;
  const home = dir.path('home');
  beforeAll(async () => {
    core = await createCore({
      dataDir: dir.path('data'),
      mode: 'test',
      env: { REDIS_ENABLED: 'false', APPDATA: join(home, 'AppData'), XDG_CONFIG_HOME: join(home, 'config') },
      now: () => new Date('2026-12-06T21:40:05Z'),
      mcpLaunch: launch,
    });
    writeTiny(core.store);
  });
  afterAll(async () => {
    await core.close();
    dir.cleanup();
  });
  const owner = { caller: 'test' as const, user: null };

  it('is off with no company by default, and keeps what the owner chooses', async () => {
    const first = await core.dispatch('assistants.get', {}, owner);
    expect(first).toMatchObject({ ok: true, data: { enabled: false, companies: [], launch } });
    expect(first.ok && JSON.parse(first.data.snippet)).toEqual({ mcpServers: { tallyconnect: launch } });
    const updated = await core.dispatch(
      'assistants.update',
      { enabled: true, companies: [TINY_GUID] },
      owner,
    );
    expect(updated).toMatchObject({ ok: true, data: { enabled: true, companies: [TINY_GUID] } });
    expect(readAssistantSettings(core.dataDir)).toEqual({ enabled: true, companies: [TINY_GUID] });
    const unknown = await core.dispatch('assistants.update', { companies: ['no-such-company'] }, owner);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(readAssistantSettings(core.dataDir).companies).toEqual([TINY_GUID]);
  });

  it("adds itself to Claude Desktop's file with a backup, and is refused to portal users", async () => {
    const info = await core.dispatch('assistants.get', {}, owner);
    const path = info.ok ? info.data.claudeConfigPath : '';
    expect(path.startsWith(home)).toBe(true);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify({ mcpServers: { other: { command: 'x', args: [] } } }));
    const added = await core.dispatch('assistants.addToClaude', {}, owner);
    expect(added).toMatchObject({ ok: true, data: { path, replaced: false } });
    const config = JSON.parse(readFileSync(path, 'utf8')) as { mcpServers: Record<string, unknown> };
    expect(Object.keys(config.mcpServers).sort()).toEqual(['other', 'tallyconnect']);
    const backups = readdirSync(dirname(path)).filter((f) => f.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    expect(existsSync(join(dirname(path), backups[0]!))).toBe(true);
    const staff = {
      caller: 'http' as const,
      user: {
        username: 'asha',
        displayName: 'Asha',
        role: 'owner' as const,
        companies: [],
        disabled: false,
        createdAt: '2026-01-01T00:00:00Z',
      },
    };
    for (const op of ['assistants.get', 'assistants.update', 'assistants.addToClaude'] as const) {
      expect(await core.dispatch(op, {}, staff)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});
