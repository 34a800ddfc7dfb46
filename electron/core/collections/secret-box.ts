/**
 * Where secrets (the SMTP password) are sealed before they touch the database. The core never holds a
 * key: the desktop app injects Electron's safeStorage (electron/main/secret-box.ts: DPAPI on Windows, the
 * Keychain on macOS, the keyring on Linux), tests inject their own. Without one (serve mode, the CLI) no
 * password can be stored and the settings say why (docs/SECURITY.md "SMTP password").
 */
export interface SecretBox {
  /** False when sealing is not possible here (then `why` says so). */
  readonly available: boolean;
  readonly why: string | null;
  seal(plain: string): Buffer;
  /** Throws when the bytes were not sealed by this box (another user or PC, or tampered with). */
  open(sealed: Buffer): string;
}

export const NO_SECRET_BOX_REASON =
  'This TallyConnect cannot keep the mail password safely (no system key store is available outside the desktop app). Set the password in the TallyConnect desktop app on this PC.';

/** The box for modes without a key store: refuses to seal or open. */
export function unavailableSecretBox(why: string = NO_SECRET_BOX_REASON): SecretBox {
  return {
    available: false,
    why,
    seal() {
      throw new Error(why);
    },
    open() {
      throw new Error(why);
    },
  };
}
