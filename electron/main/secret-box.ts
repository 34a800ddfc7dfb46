import type { SecretBox } from '../core/collections/secret-box';
import { unavailableSecretBox } from '../core/collections/secret-box';

/** What the box needs of Electron's safeStorage (injected, so tests pass their own). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
  /** Linux only: which secret store Chromium chose ('basic_text' means a fixed, public key). */
  getSelectedStorageBackend?(): string;
}

/**
 * The SMTP password's box on the desktop: Electron's safeStorage (Windows DPAPI under the signed-in user,
 * the macOS Keychain, the Linux secret service). Where it would only obfuscate (no key store, or Linux's
 * 'basic_text' backend with its fixed key) no password is stored and the settings say why.
 */
export function safeStorageBox(safeStorage: SafeStorageLike): SecretBox {
  if (!safeStorage.isEncryptionAvailable())
    return unavailableSecretBox(
      'This PC offers no protected key store to TallyConnect, so the mail password cannot be kept safely.',
    );
  if (safeStorage.getSelectedStorageBackend?.() === 'basic_text')
    return unavailableSecretBox(
      'This PC has no keyring (GNOME Keyring or KWallet) for TallyConnect, so the mail password cannot be kept safely.',
    );
  return {
    available: true,
    why: null,
    seal: (plain) => safeStorage.encryptString(plain),
    open: (sealed) => safeStorage.decryptString(sealed),
  };
}
