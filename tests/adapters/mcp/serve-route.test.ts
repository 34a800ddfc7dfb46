import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServe, type RunningServe } from '../../helpers/serve-process';

let serve: RunningServe;
const dir = mkdtempSync(join(tmpdir(), 'tc-mcp-serve-'));
beforeAll(async () => {
  serve = await spawnServe({
    args: ['--portal', '--bind', '127.0.0.1', '--data-dir', join(dir, 'data')],
    env: { ...process.env, REDIS_ENABLED: 'false', TALLYCONNECT_DATA_DIR: '' },
    startTimeoutMs: 60_000,
  });
}, 90_000);
afterAll(async () => {
  await serve?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run serve -- --portal', () => {
  it('answers /mcp behind the portal sign-in', async () => {
    const answer = await fetch(`${serve.url}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toContain('Bearer');
    expect(await answer.text()).toContain('Sign in to the TallyConnect office portal');
  });
});
