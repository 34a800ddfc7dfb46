import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MainLogger } from 'electron-log';
import {
  LOG_MAX_BYTES,
  configureLogFile,
  coreLoggerFor,
  rotateLogFiles,
} from '../../../electron/main/logging';

describe('log rotation', () => {
  it('keeps main.log plus N numbered archives, newest first, dropping the oldest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-logs-'));
    try {
      const current = join(dir, 'main.log');
      for (let generation = 1; generation <= 4; generation++) {
        writeFileSync(current, `generation ${generation}`);
        rotateLogFiles(current, 3);
      }
      expect(existsSync(current)).toBe(false);
      expect(readFileSync(join(dir, 'main.1.log'), 'utf8')).toBe('generation 4');
      expect(readFileSync(join(dir, 'main.2.log'), 'utf8')).toBe('generation 3');
      expect(readFileSync(join(dir, 'main.3.log'), 'utf8')).toBe('generation 2');
      expect(existsSync(join(dir, 'main.4.log'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('electron-log setup', () => {
  it('writes to <data>/logs/main.log with a size limit and rotation, and catches uncaught errors', () => {
    const log = {
      transports: { file: {} as Record<string, unknown>, console: {} as Record<string, unknown> },
      errorHandler: { startCatching: vi.fn() },
    };
    const file = configureLogFile(log as unknown as MainLogger, '/data/logs');
    expect(file).toBe(join('/data/logs', 'main.log'));
    expect((log.transports.file.resolvePathFn as () => string)()).toBe(file);
    expect(log.transports.file.maxSize).toBe(LOG_MAX_BYTES);
    expect(typeof log.transports.file.archiveLogFn).toBe('function');
    expect(log.errorHandler.startCatching).toHaveBeenCalledWith({ showDialog: false });
  });

  it("the core's structured records reach electron-log with their fields", () => {
    const sink = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const logger = coreLoggerFor(sink).child({ area: 'sync' });
    logger.warn('Tally slow', { ms: 900 });
    logger.debug('hidden below info');
    expect(sink.warn).toHaveBeenCalledWith('Tally slow {"area":"sync","ms":900}');
    expect(sink.debug).not.toHaveBeenCalled();
  });
});
