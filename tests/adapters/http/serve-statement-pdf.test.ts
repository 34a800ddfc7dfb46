import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServe } from '../../helpers/serve-process';

/**
 * Serve mode makes statement PDFs with Chromium (CHROMIUM_PATH, else /usr/bin/chromium), started on the
 * first statement. Without it serve still starts, says why once, and stops cleanly; the preview's reason
 * is tested in tests/core/collections/statement-send.test.ts.
 */
const dir = mkdtempSync(join(tmpdir(), 'tc-serve-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run serve: the statement PDF maker', () => {
  it('starts without Chromium, saying why statements cannot be attached as PDF', async () => {
    const serve = await spawnServe({
      args: ['--data-dir', join(dir, 'data')],
      env: {
        ...process.env,
        REDIS_ENABLED: 'false',
        TALLYCONNECT_DATA_DIR: '',
        CHROMIUM_PATH: '/nonexistent/chromium',
      },
      startTimeoutMs: 60_000,
    });
    try {
      expect(serve.output()).toContain('Statements cannot be attached as PDF');
      expect(serve.output()).toContain('Chromium was not found at /nonexistent/chromium');
      const answer = await fetch(`${serve.url}/api/health`);
      expect(answer.status).toBeLessThan(500);
    } finally {
      await serve.stop();
    }
  }, 90_000);
});
