import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretBox } from '../../../electron/core/collections/secret-box';
import type { CompanyRecord, LedgerRecord } from '../../../electron/core/db/records';
import type { Store } from '../../../electron/core/db/store';
import { TINY, tinyGroups, tinyLedgers, tinyVouchers, tinyVoucherTypes } from '../db/fixtures';

/**
 * The tiny company of tests/core/db/fixtures.ts with the contact facts a sync or import brings from Tally:
 * Asha Stores (the debtor) has an e-mail, CC, mobile and address; the company its profile.
 */

export const ASHA = 'L-A';

export const TINY_PROFILE: NonNullable<CompanyRecord['profile']> = {
  mailingName: 'Tiny Traders Pvt Ltd',
  address: ['12, Tilak Road', 'Pune'],
  state: 'Maharashtra',
  pincode: '411030',
  country: 'India',
  email: 'accounts@tiny.example',
  phone: '020-2444 5555',
  gstin: '27AAACT1234A1Z5',
  registrationType: 'Regular',
};

export const ASHA_CONTACT: NonNullable<LedgerRecord['contact']> = {
  mailingName: 'Asha Stores',
  address: ['5, Market Road', 'Satara'],
  pincode: '415001',
  country: 'India',
  email: 'asha@stores.example',
  emailCc: 'owner@stores.example',
  mobile: '+91 98220 12345',
  phone: null,
  contactPerson: 'Asha Jadhav',
};

/** contact null: the ledger carries none. */
export function tinyWithContacts(contact: LedgerRecord['contact'] | null = ASHA_CONTACT): {
  ledgers: LedgerRecord[];
  company: CompanyRecord;
} {
  return {
    ledgers: tinyLedgers.map((l) => (l.guid === ASHA && contact ? { ...l, contact } : l)),
    company: { ...TINY, profile: TINY_PROFILE },
  };
}

/** Writes the tiny company with contacts (replace: a full sync or a first import). */
export function writeTinyWithContacts(
  store: Store,
  contact: LedgerRecord['contact'] | null = ASHA_CONTACT,
): void {
  const { ledgers, company } = tinyWithContacts(contact);
  const writer = store.beginCompanyWrite(company, 'replace');
  writer.putGroups(tinyGroups);
  writer.putVoucherTypes(tinyVoucherTypes);
  writer.putLedgers(ledgers);
  writer.putVouchers(tinyVouchers);
  writer.commit(company);
}

/** A real SecretBox for tests: AES-256-GCM under a key that lives only in this process. */
export function testSecretBox(): SecretBox {
  const key = randomBytes(32);
  return {
    available: true,
    why: null,
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    open(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
