import { parseServeArgs } from '../../../electron/serve/args';
import { checkBind, resolvePortalListen } from '../../../electron/serve/portal-setup';
import { hostName } from '../../../electron/serve/portal-headers';

const config = { enabled: false, bindAddress: '0.0.0.0', port: 4871 };

describe('serve flags for the office portal', () => {
  it('parses --portal and --bind, and refuses a malformed address', () => {
    const args = parseServeArgs(['--portal', '--bind', '192.168.1.10'], {}, '/tmp');
    expect(args).toMatchObject({ portal: true, bind: '192.168.1.10', portGiven: false });
    expect(parseServeArgs([], {}, '/tmp')).toMatchObject({ portal: null, bind: null });
    expect(() => parseServeArgs(['--bind', '0.0.0.0/24'], {}, '/tmp')).toThrow(/--bind must be an address/);
  });

  it('keeps the default on loopback with the portal off', () => {
    expect(resolvePortalListen({ portal: null, bind: null, port: 4870, portGiven: false }, config)).toEqual({
      enabled: false,
      host: '127.0.0.1',
      port: 4870,
    });
  });

  it('uses the portal settings when the setting or the flag turns it on', () => {
    expect(
      resolvePortalListen(
        { portal: null, bind: null, port: 4870, portGiven: false },
        { ...config, enabled: true },
      ),
    ).toEqual({
      enabled: true,
      host: '0.0.0.0',
      port: 4871,
    });
    expect(
      resolvePortalListen({ portal: true, bind: '10.0.0.2', port: 9000, portGiven: true }, config),
    ).toEqual({
      enabled: true,
      host: '10.0.0.2',
      port: 9000,
    });
  });

  it('refuses to expose the unauthenticated API to the network', () => {
    expect(() =>
      resolvePortalListen({ portal: null, bind: '0.0.0.0', port: 4870, portGiven: false }, config),
    ).toThrow(/needs the office portal/);
    expect(() => checkBind('127.0.0.1', false)).not.toThrow();
    expect(() => checkBind('::1', false)).not.toThrow();
  });

  it('reads host names from Host headers', () => {
    expect(hostName('LocalHost:4870')).toBe('localhost');
    expect(hostName('[::1]:80')).toBe('[::1]');
    expect(hostName('evil.example')).toBe('evil.example');
    expect(hostName('a b')).toBeNull();
    expect(hostName(undefined)).toBeNull();
  });
});
