import path from 'node:path';
import { DEFAULT_PORT, parseServeArgs } from '../../../electron/serve/args';

describe('parseServeArgs', () => {
  it('defaults to 127.0.0.1:4870 and .data', () => {
    const args = parseServeArgs([], {}, '/app');
    expect(args).toMatchObject({
      port: DEFAULT_PORT,
      host: '127.0.0.1',
      demo: false,
      dataDir: path.resolve('/app/.data'),
    });
    expect(DEFAULT_PORT).toBe(4870);
  });

  it('reads flags, with flags winning over the environment', () => {
    const env = { TALLYCONNECT_PORT: '5000', TALLYCONNECT_DATA_DIR: '/env/data' };
    expect(parseServeArgs([], env, '/app')).toMatchObject({ port: 5000, dataDir: '/env/data' });
    expect(parseServeArgs(['--port', '6000', '--demo', '--data-dir=/x'], env, '/app')).toMatchObject({
      port: 6000,
      demo: true,
      dataDir: '/x',
    });
  });

  it('names what is wrong', () => {
    expect(() => parseServeArgs(['--port', 'abc'], {}, '/')).toThrow(
      '--port must be a port number 0-65535, got "abc"',
    );
    expect(() => parseServeArgs([], { TALLYCONNECT_PORT: '70000' }, '/')).toThrow(/TALLYCONNECT_PORT/);
    expect(() => parseServeArgs(['--port'], {}, '/')).toThrow('--port needs a value');
    expect(() => parseServeArgs(['--verbose'], {}, '/')).toThrow(/Unknown option --verbose/);
  });
});
