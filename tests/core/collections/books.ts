import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { StatementPdf } from '../../../electron/core/collections/statement-pdf';
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
  return secretBoxWithKey(randomBytes(32));
}

function secretBoxWithKey(key: Buffer): SecretBox {
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

/** A debtor with one overdue opening bill and an e-mail (d1@party.test ...). */
export function debtor(i: number, email: string | null = `d${i}@party.test`): LedgerRecord {
  const amount = (10 - i) * 1_000_00;
  return {
    guid: `L-D${i}`,
    name: `Debtor ${i}`,
    parent: 'Sundry Debtors',
    openingBalance: amount,
    isBillWise: true,
    creditPeriodDays: 30,
    gstin: null,
    state: null,
    alterId: 1,
    openingBills: [
      { billName: `D${i}/1`, billDate: '2025-03-01', amount, creditPeriodDays: 30, dueDate: '2025-03-31' },
    ],
    ...(email !== null
      ? {
          contact: {
            mailingName: null,
            address: [],
            pincode: null,
            country: null,
            email,
            emailCc: null,
            mobile: null,
            phone: null,
            contactPerson: null,
          },
        }
      : {}),
  };
}

/** The tiny company with `count` more debtors (Debtor 1 owes most), each with an overdue bill. */
export function writeWithDebtors(store: Store, count: number): void {
  const { ledgers, company } = tinyWithContacts();
  const writer = store.beginCompanyWrite(company, 'replace');
  writer.putGroups(tinyGroups);
  writer.putVoucherTypes(tinyVoucherTypes);
  writer.putLedgers([...ledgers, ...Array.from({ length: count }, (_, i) => debtor(i + 1))]);
  writer.putVouchers(tinyVouchers);
  writer.commit(company);
}

/** testSecretBox with a key given as hex, so a child process can open what the test sealed. */
export function keyedSecretBox(hexKey: string): SecretBox {
  return secretBoxWithKey(Buffer.from(hexKey, 'hex'));
}

/** A stand-in statement PDF (bytes naming the party), for runs that test sending rather than the document. */
export const fakeStatementPdf: StatementPdf = {
  unavailable: () => null,
  make: async (input) => Buffer.from(`%PDF-1.4 statement of ${input.statement.partyName}`),
};
