import { parseServeArgs } from '../../../electron/serve/args';
import {
  checkBind,
  isLoopbackBind,
  resolvePortalListen,
  type LookupAll,
} from '../../../electron/serve/portal-setup';
import { hostName } from '../../../electron/serve/portal-headers';

const config = { enabled: false, bindAddress: '0.0.0.0', port: 4871 };

/** A resolver that never asks the network: the names the tests use and what they stand for. */
const HOSTS: Record<string, string[]> = {
  localhost: ['127.0.0.1', '::1'],
  'office-pc': ['127.0.0.1', '192.168.1.10'],
  'loop.example': ['127.0.0.5'],
};
const fakeLookup: LookupAll = async (host) => {
  const found = HOSTS[host.toLowerCase()];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return found.map((address) => ({ address }));
};

describe('serve flags for the office portal', () => {
  it('parses --portal and --bind, and refuses a malformed address', () => {
    const args = parseServeArgs(['--portal', '--bind', '192.168.1.10'], {}, '/tmp');
    expect(args).toMatchObject({ portal: true, bind: '192.168.1.10', portGiven: false });
    expect(parseServeArgs([], {}, '/tmp')).toMatchObject({ portal: null, bind: null });
    expect(() => parseServeArgs(['--bind', '0.0.0.0/24'], {}, '/tmp')).toThrow(/--bind must be an address/);
  });

  it('keeps the default on loopback with the portal off', async () => {
    await expect(
      resolvePortalListen({ portal: null, bind: null, port: 4870, portGiven: false }, config, fakeLookup),
    ).resolves.toEqual({
      enabled: false,
      host: '127.0.0.1',
      port: 4870,
    });
  });

  it('uses the portal settings when the setting or the flag turns it on', async () => {
    await expect(
      resolvePortalListen(
        { portal: null, bind: null, port: 4870, portGiven: false },
        { ...config, enabled: true },
        fakeLookup,
      ),
    ).resolves.toEqual({
      enabled: true,
      host: '0.0.0.0',
      port: 4871,
    });
    await expect(
      resolvePortalListen(
        { portal: true, bind: '10.0.0.2', port: 9000, portGiven: true },
        config,
        fakeLookup,
      ),
    ).resolves.toEqual({
      enabled: true,
      host: '10.0.0.2',
      port: 9000,
    });
  });

  it('refuses to expose the unauthenticated API to the network', async () => {
    await expect(
      resolvePortalListen(
        { portal: null, bind: '0.0.0.0', port: 4870, portGiven: false },
        config,
        fakeLookup,
      ),
    ).rejects.toThrow(/needs the office portal/);
    await expect(checkBind('127.0.0.1', false, fakeLookup)).resolves.toBeUndefined();
    await expect(checkBind('::1', false, fakeLookup)).resolves.toBeUndefined();
    await expect(checkBind('[::1]', false, fakeLookup)).resolves.toBeUndefined();
  });

  it('judges a bind name by what it resolves to, not by how it is spelled', async () => {
    // "127.invalid" looks like 127.x but resolves to nothing; "127.0.0.1.nip.example" could be anything.
    await expect(checkBind('127.invalid', false, fakeLookup)).rejects.toThrow(/needs the office portal/);
    await expect(checkBind('127.0.0.1.evil.example', false, fakeLookup)).rejects.toThrow(/office portal/);
    // A name is loopback only when every address it resolves to is.
    expect(await isLoopbackBind('localhost', fakeLookup)).toBe(true);
    expect(await isLoopbackBind('loop.example', fakeLookup)).toBe(true);
    expect(await isLoopbackBind('office-pc', fakeLookup)).toBe(false);
    expect(await isLoopbackBind('::ffff:127.0.0.1', fakeLookup)).toBe(true);
    expect(await isLoopbackBind('0.0.0.0', fakeLookup)).toBe(false);
    expect(await isLoopbackBind('::', fakeLookup)).toBe(false);
    await expect(
      resolvePortalListen(
        { portal: null, bind: '127.invalid', port: 4870, portGiven: true },
        config,
        fakeLookup,
      ),
    ).rejects.toThrow(/127\.invalid/);
  });

  it('reads host names from Host headers', () => {
    expect(hostName('LocalHost:4870')).toBe('localhost');
    expect(hostName('[::1]:80')).toBe('[::1]');
    expect(hostName('evil.example')).toBe('evil.example');
    expect(hostName('a b')).toBeNull();
    expect(hostName(undefined)).toBeNull();
  });
});
