import { safeStorageBox, type SafeStorageLike } from '../../../electron/main/secret-box';

const storage = (over: Partial<SafeStorageLike> = {}): SafeStorageLike => ({
  isEncryptionAvailable: () => true,
  encryptString: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
  decryptString: (sealed) => Buffer.from(sealed.map((b) => b ^ 0x5a)).toString('utf8'),
  ...over,
});

describe('the SMTP password box over Electron safeStorage', () => {
  it('seals through safeStorage and opens again; the sealed bytes are not the password', () => {
    const box = safeStorageBox(storage());
    expect(box.available).toBe(true);
    const sealed = box.seal('app password');
    expect(sealed.includes(Buffer.from('app password'))).toBe(false);
    expect(box.open(sealed)).toBe('app password');
  });

  it('refuses, saying why, without a key store or with Linux’s fixed-key basic_text backend', () => {
    const none = safeStorageBox(storage({ isEncryptionAvailable: () => false }));
    expect(none.available).toBe(false);
    expect(none.why).toMatch(/no protected key store/);
    expect(() => none.seal('x')).toThrow(/cannot be kept safely/);
    const basic = safeStorageBox(storage({ getSelectedStorageBackend: () => 'basic_text' }));
    expect(basic.available).toBe(false);
    expect(basic.why).toMatch(/no keyring/);
  });
});
