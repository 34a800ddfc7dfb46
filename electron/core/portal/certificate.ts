import { X509Certificate, createPrivateKey } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { createSecureContext, type SecureContextOptions } from 'node:tls';
import { generate } from 'selfsigned';
import { AppError } from '../../../shared/errors';
import type { PortalCertificateInfo, PortalCertificateState } from '../../../shared/types/portal';

/** The office's own certificate, when it gives one (PORTAL_TLS_* settings); empty strings: none. */
export interface OfficeCertificateConfig {
  pfxPath: string;
  passphrase: string;
  certPath: string;
  keyPath: string;
}

export const NO_OFFICE_CERTIFICATE: OfficeCertificateConfig = {
  pfxPath: '',
  passphrase: '',
  certPath: '',
  keyPath: '',
};

/** What the HTTPS server is given, and what Settings shows of it. */
export interface PortalTls {
  options: Pick<SecureContextOptions, 'cert' | 'key' | 'pfx' | 'passphrase'>;
  info: PortalCertificateInfo;
}

/** The folder (in the data folder) and files of the certificate TallyConnect makes for this PC. */
export const TLS_FOLDER = 'tls';
export const CERT_FILE = 'portal-cert.pem';
export const KEY_FILE = 'portal-key.pem';

/** A generated certificate lasts this long, and is made anew this long before it ends. */
const VALID_DAYS = 825;
const RENEW_BEFORE_MS = 30 * 86_400_000;

export interface CertificateDeps {
  now?: () => Date;
  /** This PC's name and network addresses, for the certificate's subject alternative names. */
  hostName?: () => string;
  addresses?: () => string[];
}

function localAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const entry of list ?? [])
      if (!entry.internal && !entry.address.startsWith('fe80')) out.push(entry.address);
  }
  return out;
}

function describe(
  cert: X509Certificate,
  source: PortalCertificateInfo['source'],
  path: string,
): PortalCertificateInfo {
  const names = (cert.subjectAltName ?? '')
    .split(/,\s*/)
    .map((n) => n.replace(/^(DNS|IP Address):/, ''))
    .filter((n) => n !== '');
  return {
    source,
    fingerprint256: cert.fingerprint256,
    subject: cert.subject.replace(/\n/g, ', '),
    names,
    validFrom: new Date(cert.validFrom).toISOString(),
    validTo: new Date(cert.validTo).toISOString(),
    path,
  };
}

/** Writes a file readable by this user only (the key above all), replacing any old one atomically. */
function writePrivate(path: string, text: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, text, { mode: 0o600, flag: 'w' });
  chmodSync(temp, 0o600);
  renameSync(temp, path);
}

/** The generated certificate and key if they are there, readable, a pair and not about to end. */
function readGenerated(dir: string, now: Date): PortalTls | null {
  try {
    const cert = readFileSync(join(dir, CERT_FILE), 'utf8');
    const key = readFileSync(join(dir, KEY_FILE), 'utf8');
    const x509 = new X509Certificate(cert);
    if (!x509.checkPrivateKey(createPrivateKey(key))) return null;
    if (Date.parse(x509.validTo) - now.getTime() < RENEW_BEFORE_MS) return null;
    return { options: { cert, key }, info: describe(x509, 'generated', join(dir, CERT_FILE)) };
  } catch {
    return null;
  }
}

/**
 * The certificate TallyConnect makes for this PC (selfsigned: ECDSA P-256, SHA-256), kept in
 * <data>/tls with its key readable by this user only. Made at first need and kept: staff check its
 * fingerprint once, so it changes only when it is about to end (or is removed).
 */
export async function generatedCertificate(dataDir: string, deps: CertificateDeps = {}): Promise<PortalTls> {
  const now = (deps.now ?? (() => new Date()))();
  const dir = join(dataDir, TLS_FOLDER);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const existing = readGenerated(dir, now);
  if (existing) return existing;
  const host = (deps.hostName ?? hostname)();
  const addresses = [...new Set(['127.0.0.1', '::1', ...(deps.addresses ?? localAddresses)()])];
  const dnsNames = [...new Set([host, host.toLowerCase(), 'localhost'])].filter((n) =>
    /^[A-Za-z0-9.-]+$/.test(n),
  );
  const made = await generate([{ name: 'commonName', value: `TallyConnect office portal (${host})` }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + VALID_DAYS * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...dnsNames.map((value) => ({ type: 2 as const, value })),
          ...addresses.map((ip) => ({ type: 7 as const, ip })),
        ],
      },
    ],
  });
  // The key first: a certificate without its key is never left behind as if usable.
  writePrivate(join(dir, KEY_FILE), made.private);
  writePrivate(join(dir, CERT_FILE), made.cert);
  const x509 = new X509Certificate(made.cert);
  return {
    options: { cert: made.cert, key: made.private },
    info: describe(x509, 'generated', join(dir, CERT_FILE)),
  };
}

const configProblem = (message: string, field: string): AppError =>
  new AppError('CONFIG', `The office certificate cannot be used: ${message}`, { field });

function readConfigured(path: string, field: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw configProblem(
      `${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      field,
    );
  }
}

/**
 * The office's own certificate: a PFX (PKCS#12) file with its passphrase, or a PEM certificate (chain)
 * and its key. Checked now (a wrong passphrase, a key that is not the certificate's, an expired
 * certificate), so serve mode refuses to start with it instead of failing every visitor.
 */
export function officeCertificate(config: OfficeCertificateConfig, now: Date = new Date()): PortalTls {
  let options: PortalTls['options'];
  let der: Buffer | null = null;
  let source: PortalCertificateInfo['source'];
  let path: string;
  if (config.pfxPath !== '') {
    source = 'pfx';
    path = config.pfxPath;
    options = { pfx: readConfigured(config.pfxPath, 'PORTAL_TLS_PFX'), passphrase: config.passphrase };
    try {
      const context = createSecureContext(options) as unknown as {
        context: { getCertificate?: () => Buffer | null };
      };
      der = context.context.getCertificate?.() ?? null;
    } catch (error) {
      throw configProblem(
        `${config.pfxPath} could not be opened (${(error as Error).message}); check the file and its passphrase (PORTAL_TLS_PASSPHRASE)`,
        'PORTAL_TLS_PFX',
      );
    }
    if (der === null) throw configProblem(`${config.pfxPath} holds no certificate`, 'PORTAL_TLS_PFX');
  } else {
    source = 'pem';
    path = config.certPath;
    if (config.certPath === '' || config.keyPath === '') {
      throw configProblem(
        'give both PORTAL_TLS_CERT and PORTAL_TLS_KEY (or PORTAL_TLS_PFX)',
        'PORTAL_TLS_CERT',
      );
    }
    const cert = readConfigured(config.certPath, 'PORTAL_TLS_CERT');
    const key = readConfigured(config.keyPath, 'PORTAL_TLS_KEY');
    options = { cert, key, ...(config.passphrase ? { passphrase: config.passphrase } : {}) };
    try {
      createSecureContext(options);
    } catch (error) {
      throw configProblem(
        `the key ${config.keyPath} does not go with the certificate ${config.certPath} (${(error as Error).message})`,
        'PORTAL_TLS_KEY',
      );
    }
    der = cert;
  }
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(der);
  } catch (error) {
    throw configProblem(`${path} is not a certificate (${(error as Error).message})`, 'PORTAL_TLS_CERT');
  }
  if (Date.parse(x509.validTo) < now.getTime()) {
    throw configProblem(`the certificate in ${path} ended on ${x509.validTo}`, 'PORTAL_TLS_CERT');
  }
  return { options, info: describe(x509, source, path) };
}

/** The certificate the portal serves: the office's own when configured, else the one made for this PC. */
export async function portalCertificate(
  dataDir: string,
  office: OfficeCertificateConfig,
  deps: CertificateDeps = {},
): Promise<PortalTls> {
  const configured = office.pfxPath !== '' || office.certPath !== '' || office.keyPath !== '';
  if (configured) return officeCertificate(office, (deps.now ?? (() => new Date()))());
  return generatedCertificate(dataDir, deps);
}

/** What Settings › Office portal shows: the certificate (made now if need be) or why it cannot be used. */
export async function certificateState(
  dataDir: string,
  office: OfficeCertificateConfig,
  deps: CertificateDeps = {},
): Promise<PortalCertificateState> {
  const configured = {
    pfxPath: office.pfxPath,
    certPath: office.certPath,
    keyPath: office.keyPath,
    hasPassphrase: office.passphrase !== '',
  };
  try {
    const { info } = await portalCertificate(dataDir, office, deps);
    return { certificate: info, problem: null, configured };
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFIG')
      return { certificate: null, problem: error.message, configured };
    throw error;
  }
}
