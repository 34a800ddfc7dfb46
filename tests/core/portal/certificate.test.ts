import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { createCore } from '../../../electron/core/app';
import {
  NO_OFFICE_CERTIFICATE,
  certificateState,
  officeCertificate,
  portalCertificate,
} from '../../../electron/core/portal/certificate';
import { portalTransport } from '../../../electron/serve/portal-setup';
import { AppError } from '../../../shared/errors';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'tls');
const OFFICE_FINGERPRINT =
  'D8:83:32:90:CB:38:0E:5A:86:D7:13:EA:D8:7C:8B:3C:5D:55:60:A7:2B:E4:68:9A:78:06:0F:DA:F3:E7:C6:EB';
const pfx = { ...NO_OFFICE_CERTIFICATE, pfxPath: join(FIXTURES, 'office.pfx'), passphrase: 'office-test' };
const pem = {
  ...NO_OFFICE_CERTIFICATE,
  certPath: join(FIXTURES, 'office-cert.pem'),
  keyPath: join(FIXTURES, 'office-key.pem'),
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tc-cert-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function problemOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('CONFIG');
    return (error as AppError).message;
  }
  throw new Error('expected a CONFIG error');
}

describe("the office's own certificate", () => {
  it('reads a PFX with its passphrase, and a PEM certificate with its key, to the same fingerprint', () => {
    expect(officeCertificate(pfx).info).toMatchObject({ source: 'pfx', fingerprint256: OFFICE_FINGERPRINT });
    expect(officeCertificate(pem).info).toMatchObject({
      source: 'pem',
      fingerprint256: OFFICE_FINGERPRINT,
      names: ['books.office.test', '127.0.0.1'],
    });
  });

  it('says clearly what is wrong: passphrase, missing file, a key of another certificate, an ended certificate', async () => {
    expect(problemOf(() => officeCertificate({ ...pfx, passphrase: 'wrong' }))).toMatch(/passphrase/);
    expect(problemOf(() => officeCertificate({ ...pfx, pfxPath: join(dir, 'nope.pfx') }))).toMatch(
      /cannot be read \(ENOENT\)/,
    );
    expect(problemOf(() => officeCertificate({ ...pem, keyPath: '' }))).toMatch(
      /both PORTAL_TLS_CERT and PORTAL_TLS_KEY/,
    );
    const other = await generate([{ name: 'commonName', value: 'other' }], {
      keyType: 'ec',
      algorithm: 'sha256',
    });
    writeFileSync(join(dir, 'other-key.pem'), other.private);
    expect(problemOf(() => officeCertificate({ ...pem, keyPath: join(dir, 'other-key.pem') }))).toMatch(
      /does not go with the certificate/,
    );
    const ended = await generate([{ name: 'commonName', value: 'old' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      notBeforeDate: new Date('2020-01-01T00:00:00Z'),
      notAfterDate: new Date('2021-01-01T00:00:00Z'),
    });
    writeFileSync(join(dir, 'old-cert.pem'), ended.cert);
    writeFileSync(join(dir, 'old-key.pem'), ended.private);
    expect(
      problemOf(() =>
        officeCertificate({ ...pem, certPath: join(dir, 'old-cert.pem'), keyPath: join(dir, 'old-key.pem') }),
      ),
    ).toMatch(/ended on/);
  });

  it('wins over the generated one when configured', async () => {
    expect((await portalCertificate(dir, pem)).info.source).toBe('pem');
    expect((await portalCertificate(dir, NO_OFFICE_CERTIFICATE)).info.source).toBe('generated');
  });
});

describe('when serve mode speaks HTTPS', () => {
  const certificate = async () => 'the certificate';
  it('on a network address only; loopback stays plain HTTP; the portal off is plain loopback', async () => {
    const network = async () => false;
    const loopback = async () => true;
    expect(await portalTransport({ enabled: true, host: '0.0.0.0', port: 1 }, { certificate })).toBe(
      'the certificate',
    );
    expect(
      await portalTransport(
        { enabled: true, host: '127.0.0.1', port: 1 },
        { certificate, isLoopback: network },
      ),
    ).toBe('the certificate');
    expect(
      await portalTransport(
        { enabled: true, host: '192.168.1.10', port: 1 },
        { certificate, isLoopback: loopback },
      ),
    ).toBeNull();
    expect(await portalTransport({ enabled: true, host: '127.0.0.1', port: 1 }, { certificate })).toBeNull();
    expect(await portalTransport({ enabled: false, host: '127.0.0.1', port: 1 }, { certificate })).toBeNull();
  });

  it('never falls back to plain HTTP when the certificate cannot be used', async () => {
    await expect(
      portalTransport(
        { enabled: true, host: '0.0.0.0', port: 1 },
        { certificate: () => portalCertificate(dir, { ...pfx, passphrase: 'wrong' }) },
      ),
    ).rejects.toThrow(/passphrase/);
  });
});

describe('Settings › Office portal', () => {
  it('shows the certificate and its fingerprint (made at first need), and the office one once set', async () => {
    const core = await createCore({ dataDir: join(dir, 'data'), mode: 'test' });
    const owner = { caller: 'test' as const, user: null };
    const first = await core.dispatch('portal.certificate', {}, owner);
    expect(first.ok && first.data.certificate?.source).toBe('generated');
    const again = await core.dispatch('portal.certificate', {}, owner);
    expect(again.ok && again.data.certificate?.fingerprint256).toBe(
      first.ok && first.data.certificate?.fingerprint256,
    );

    await core.dispatch(
      'settings.update',
      { portal: { certificate: { pfxPath: pfx.pfxPath, passphrase: 'office-test' } } },
      owner,
    );
    const office = await core.dispatch('portal.certificate', {}, owner);
    expect(office.ok && office.data).toMatchObject({
      certificate: { source: 'pfx', fingerprint256: OFFICE_FINGERPRINT },
      problem: null,
      configured: { pfxPath: pfx.pfxPath, hasPassphrase: true },
    });
    // The passphrase is never answered, here or in the settings.
    expect(JSON.stringify(office)).not.toContain('office-test');
    expect(JSON.stringify(await core.dispatch('settings.get', {}, owner))).not.toContain('office-test');

    await core.dispatch('settings.update', { portal: { certificate: { passphrase: 'typo' } } }, owner);
    const broken = await core.dispatch('portal.certificate', {}, owner);
    expect(broken.ok && broken.data.certificate).toBeNull();
    expect(broken.ok && broken.data.problem).toMatch(/passphrase/);
    // Portal users never see it.
    const staff = await core.dispatch(
      'portal.certificate',
      {},
      {
        caller: 'http',
        user: {
          username: 'asha',
          displayName: 'Asha',
          role: 'owner',
          companies: [],
          disabled: false,
          createdAt: '',
        },
        sessionToken: 'tcp_x',
      },
    );
    expect(staff.ok).toBe(false);
    await core.close();
  });

  it('answers the state without throwing for a broken configuration', async () => {
    const state = await certificateState(dir, { ...pem, certPath: join(dir, 'missing.pem') });
    expect(state).toMatchObject({ certificate: null, configured: { hasPassphrase: false } });
    expect(state.problem).toMatch(/cannot be read/);
  });
});
