import { readFileSync } from 'node:fs';
import { PartyStore } from '../../../electron/core/collections/party-store';
import { unavailableSecretBox } from '../../../electron/core/collections/secret-box';
import {
  CollectionSettingsStore,
  DEFAULT_REMINDER_SETTINGS,
} from '../../../electron/core/collections/settings-store';
import { openStore, type Store } from '../../../electron/core/db/store';
import { AppError } from '../../../shared/errors';
import { tempDir, TINY, TINY_GUID, tinyLedgers } from '../db/fixtures';
import { ASHA, ASHA_CONTACT, testSecretBox, TINY_PROFILE, writeTinyWithContacts } from './books';

const now = () => new Date('2025-06-02T05:00:00Z');

describe('parties’ contacts and the company profile in the store', () => {
  let store: Store;
  beforeEach(() => {
    store = openStore(':memory:');
    writeTinyWithContacts(store);
  });
  afterEach(() => store.close());

  it('keeps what Tally says of a party and of the company', () => {
    const parties = new PartyStore(store.db, now);
    const asha = parties.parties(TINY_GUID).get(ASHA)!;
    expect(asha.contact).toEqual({
      mailingName: 'Asha Stores',
      address: ['5, Market Road', 'Satara'],
      state: null,
      pincode: '415001',
      country: 'India',
      gstin: null,
      contactPerson: 'Asha Jadhav',
      phone: null,
      email: { value: 'asha@stores.example', source: 'tally' },
      emailCc: 'owner@stores.example',
      mobile: { value: '+91 98220 12345', source: 'tally' },
      tallyEmail: 'asha@stores.example',
      tallyMobile: '+91 98220 12345',
    });
    expect(asha.emails).toEqual(['asha@stores.example']);
    expect(asha.cc).toEqual(['owner@stores.example']);
    expect(parties.profile(TINY_GUID)).toEqual({
      companyGuid: TINY_GUID,
      name: 'Tiny Traders',
      ...TINY_PROFILE,
    });
  });

  it('TallyConnect’s e-mail, mobile and exclusion outlast a full re-sync, and clearing one brings Tally’s back', () => {
    const parties = new PartyStore(store.db, now);
    parties.update(TINY_GUID, ASHA, {
      email: 'dues@asha.example; asha@stores.example',
      mobile: '098500 11111',
    });
    parties.update(TINY_GUID, ASHA, { excluded: true, language: 'mr' });
    // A full sync: the company's rows are deleted and written again.
    writeTinyWithContacts(store);
    let asha = parties.parties(TINY_GUID).get(ASHA)!;
    expect(asha.contact.email).toEqual({
      value: 'dues@asha.example, asha@stores.example',
      source: 'tallyconnect',
    });
    expect(asha.contact.mobile).toEqual({ value: '+919850011111', source: 'tallyconnect' });
    expect(asha.contact.tallyEmail).toBe('asha@stores.example');
    expect(asha).toMatchObject({
      excluded: true,
      language: 'mr',
      emails: ['dues@asha.example', 'asha@stores.example'],
    });
    parties.update(TINY_GUID, ASHA, { email: null });
    asha = parties.parties(TINY_GUID).get(ASHA)!;
    expect(asha.contact.email).toEqual({ value: 'asha@stores.example', source: 'tally' });
    expect(asha.contact.mobile?.source).toBe('tallyconnect');
  });

  it('refuses a bad address, a bad number or an unknown party and changes nothing', () => {
    const parties = new PartyStore(store.db, now);
    parties.update(TINY_GUID, ASHA, { email: 'good@asha.example' });
    const before = parties.parties(TINY_GUID).get(ASHA);
    expect(() => parties.update(TINY_GUID, ASHA, { email: 'good@asha.example, not-an-address' })).toThrow(
      /"not-an-address" is not an e-mail address/,
    );
    expect(() => parties.update(TINY_GUID, ASHA, { mobile: '12345' })).toThrow(/not a 10-digit/);
    expect(() => parties.update(TINY_GUID, 'NOPE', { excluded: true })).toThrow(AppError);
    expect(parties.parties(TINY_GUID).get(ASHA)).toEqual(before);
  });

  it('a merge write clears the contacts a ledger lost in Tally; a company deleted takes its overrides along', () => {
    const parties = new PartyStore(store.db, now);
    parties.update(TINY_GUID, ASHA, { excluded: true });
    const writer = store.beginCompanyWrite(TINY, 'merge');
    writer.putLedgers(tinyLedgers.filter((l) => l.guid === ASHA));
    writer.commit(TINY);
    const asha = parties.parties(TINY_GUID).get(ASHA)!;
    expect(asha.contact.email).toBeNull();
    expect(asha.contact.address).toEqual([]);
    expect(asha.excluded).toBe(true);
    expect(parties.profile(TINY_GUID).gstin).toBe(TINY_PROFILE.gstin);
    store.deleteCompany(TINY_GUID);
    expect(store.db.prepare('SELECT count(*) FROM collection_parties').pluck().get()).toBe(0);
  });

  it('a write without contacts (an older importer) keeps nothing stale and a contact added later arrives', () => {
    writeTinyWithContacts(store, null);
    const parties = new PartyStore(store.db, now);
    expect(parties.parties(TINY_GUID).get(ASHA)!.contact.email).toBeNull();
    writeTinyWithContacts(store, { ...ASHA_CONTACT, email: 'new@asha.example' });
    expect(parties.parties(TINY_GUID).get(ASHA)!.emails).toEqual(['new@asha.example']);
  });
});

describe('reminder and mail settings', () => {
  const dir = tempDir('tc-coll-');
  afterAll(() => dir.cleanup());

  it('reminder settings: defaults, a valid change, a refused one that changes nothing', () => {
    const store = openStore(':memory:');
    writeTinyWithContacts(store);
    const settings = new CollectionSettingsStore(store.db, testSecretBox(), now);
    expect(settings.reminderSettings(TINY_GUID)).toEqual(DEFAULT_REMINDER_SETTINGS);
    const weekly = {
      ...DEFAULT_REMINDER_SETTINGS,
      schedule: { kind: 'weekly' as const, weekday: 1, time: '10:30' },
      minOverdue: 1_000_00,
      interest: {
        ratePercent: '18',
        style: '365-Day Year' as const,
        from: 'due' as const,
        graceDays: 0,
        aboveAmount: 0,
      },
    };
    expect(settings.setReminderSettings(TINY_GUID, weekly)).toEqual(weekly);
    expect(() =>
      settings.setReminderSettings(TINY_GUID, { ...weekly, schedule: { kind: 'daily', time: '25:00' } }),
    ).toThrow(/"25:00" is not a time/);
    expect(() => settings.setReminderSettings(TINY_GUID, { ...weekly, messagesPerMinute: 0 })).toThrow(
      /1 to 120/,
    );
    expect(() =>
      settings.setReminderSettings(TINY_GUID, {
        ...weekly,
        interest: { ...weekly.interest, ratePercent: 'lots' },
      }),
    ).toThrow(/not a percentage/);
    expect(settings.reminderSettings(TINY_GUID)).toEqual(weekly);
    store.close();
  });

  it('the SMTP password is stored sealed, never in clear in the database file, and opened for sending', () => {
    const path = dir.path('smtp.db');
    const store = openStore(path);
    writeTinyWithContacts(store);
    const settings = new CollectionSettingsStore(store.db, testSecretBox(), now);
    const input = {
      host: 'smtp.gmail.com',
      port: 587,
      security: 'starttls' as const,
      user: 'accounts@tiny.example',
      fromName: 'Tiny Traders',
      fromAddress: 'accounts@tiny.example',
      replyTo: 'dues@tiny.example',
    };
    const view = settings.setSmtpSettings(TINY_GUID, input, 'app-password-abcd-efgh');
    expect(view).toEqual({
      ...input,
      passwordStored: true,
      canStorePassword: true,
      passwordStorageNote: null,
    });
    expect(JSON.stringify(view)).not.toContain('app-password');
    expect(settings.senderSettings(TINY_GUID)).toMatchObject({
      user: input.user,
      password: 'app-password-abcd-efgh',
      replyTo: 'dues@tiny.example',
    });
    // Changing the host keeps the stored password; a refused change keeps everything.
    settings.setSmtpSettings(TINY_GUID, { ...input, host: 'smtp.office365.com' }, undefined);
    expect(settings.senderSettings(TINY_GUID)).toMatchObject({
      host: 'smtp.office365.com',
      password: 'app-password-abcd-efgh',
    });
    expect(() => settings.setSmtpSettings(TINY_GUID, { ...input, port: 70_000 }, 'other')).toThrow(
      /not a port/,
    );
    expect(settings.senderSettings(TINY_GUID)).toMatchObject({
      host: 'smtp.office365.com',
      password: 'app-password-abcd-efgh',
    });
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.close();
    for (const file of [path, `${path}-wal`]) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        continue;
      }
      expect(bytes.includes(Buffer.from('app-password'))).toBe(false);
    }
  });

  it('without a key store (serve mode) a password is refused, saying why, and nothing is stored', () => {
    const store = openStore(':memory:');
    writeTinyWithContacts(store);
    const settings = new CollectionSettingsStore(store.db, unavailableSecretBox(), now);
    const input = {
      host: 'mail.tiny.example',
      port: 465,
      security: 'tls' as const,
      user: 'accounts@tiny.example',
      fromName: 'Tiny Traders',
      fromAddress: 'accounts@tiny.example',
      replyTo: null,
    };
    expect(() => settings.setSmtpSettings(TINY_GUID, input, 'secret')).toThrow(
      /cannot keep the mail password/,
    );
    expect(settings.smtpSettings(TINY_GUID)).toBeNull();
    // Settings without a password (a server that needs none) are fine; sending with a user then says what is missing.
    expect(settings.setSmtpSettings(TINY_GUID, input, undefined)).toMatchObject({
      passwordStored: false,
      canStorePassword: false,
    });
    expect(() => settings.senderSettings(TINY_GUID)).toThrow(/No password is stored/);
    store.close();
  });
});
