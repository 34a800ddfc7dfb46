export type PortalRole = 'owner' | 'staff';

export interface PortalUser {
  username: string;
  displayName: string;
  role: PortalRole;
  /** GUIDs of companies this user may see; owners see all. */
  companies: string[];
  disabled: boolean;
  createdAt: string;
}

export interface SessionInfo {
  username: string;
  displayName: string;
  signedInAt: string;
  lastSeenAt: string;
  address: string;
  /** The company the user looked at last, if any. */
  companyGuid: string | null;
}

export interface SignInResult {
  token: string;
  user: PortalUser;
  expiresInSeconds: number;
}

/** Where the office portal keeps its state, and why not in the configured Redis when it refuses it. */
export interface PortalStatus {
  /** Where sessions and rate limits live. */
  backend: 'redis' | 'memory';
  liveUpdates: 'redis' | 'local';
  /** Why the configured Redis is not used for portal state; null when it is used or none is configured. */
  redisRefused: string | null;
}

/** The certificate the office portal serves HTTPS with, as Settings › Office portal shows it. */
export interface PortalCertificateInfo {
  /** Made by TallyConnect for this PC, or the office's own (a PFX file, or PEM certificate + key). */
  source: 'generated' | 'pfx' | 'pem';
  /** SHA-256 of the certificate, hex pairs joined by ":" (what browsers show as "SHA-256 fingerprint"). */
  fingerprint256: string;
  subject: string;
  /** The names and addresses the certificate is for. */
  names: string[];
  validFrom: string;
  validTo: string;
  /** Where it is kept. */
  path: string;
}

/** Settings › Office portal: the certificate serve mode uses on a network address, or why it cannot. */
export interface PortalCertificateState {
  certificate: PortalCertificateInfo | null;
  /** Why the configured office certificate cannot be used (serve mode then refuses to start on the network). */
  problem: string | null;
  /** The office certificate settings (the passphrase is never shown, only whether one is set). */
  configured: { pfxPath: string; certPath: string; keyPath: string; hasPassphrase: boolean };
}
