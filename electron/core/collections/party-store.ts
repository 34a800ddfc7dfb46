import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { CompanyProfile, MessageLanguage, PartyContactDetails } from '../../../shared/types/collections';
import type { LedgerInterestRecord } from '../db/records';
import { normaliseMobile } from './whatsapp';

/**
 * Parties' contacts as Tally keeps them (ledgers' schema-v15 columns) with TallyConnect's own e-mail and
 * mobile, exclusion and language (collection_parties, keyed by the ledger's GUID so they outlast full
 * syncs and replacing imports), and the company's own profile.
 */

export interface StoredParty {
  ledgerGuid: string;
  name: string;
  group: string;
  contact: PartyContactDetails;
  /** The addresses to send to (the override's or Tally's, split at commas and semicolons). */
  emails: string[];
  cc: string[];
  excluded: boolean;
  language: MessageLanguage;
  interest: LedgerInterestRecord | null;
}

interface PartyRow {
  guid: string;
  name: string;
  group_name: string;
  gstin: string | null;
  state: string | null;
  mailing_name: string | null;
  address: string | null;
  pincode: string | null;
  country: string | null;
  email: string | null;
  email_cc: string | null;
  mobile: string | null;
  phone: string | null;
  contact_person: string | null;
  interest: string | null;
  email_override: string | null;
  mobile_override: string | null;
  excluded: number | null;
  language: MessageLanguage | null;
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** "a@x.in; b@y.in, c@z.in" -> the three addresses (blanks dropped). */
export function splitEmails(text: string | null): string[] {
  return (text ?? '')
    .split(/[,;]/)
    .map((e) => e.trim())
    .filter((e) => e !== '');
}

export class PartyStore {
  private readonly s;

  constructor(
    db: Database.Database,
    private readonly now: () => Date,
  ) {
    this.s = {
      company: db.prepare(`SELECT id, guid, name, profile_mailing_name, profile_address, profile_state,
          profile_pincode, profile_country, profile_email, profile_phone, profile_gstin, profile_registration
          FROM companies WHERE guid = ?`),
      parties: db.prepare(`SELECT l.guid, l.name, l.group_name, l.gstin, l.state, l.mailing_name, l.address,
          l.pincode, l.country, l.email, l.email_cc, l.mobile, l.phone, l.contact_person, l.interest,
          p.email_override, p.mobile_override, p.excluded, p.language
          FROM ledgers l LEFT JOIN collection_parties p ON p.company_id = l.company_id AND p.ledger_guid = l.guid
          WHERE l.company_id = ?`),
      ledger: db.prepare('SELECT name FROM ledgers WHERE company_id = ? AND guid = ?').pluck(),
      upsert:
        db.prepare(`INSERT INTO collection_parties (company_id, ledger_guid, email_override, mobile_override,
          excluded, language, updated_at) VALUES (@company, @ledger, @email, @mobile, @excluded, @language, @at)
          ON CONFLICT (company_id, ledger_guid) DO UPDATE SET email_override = excluded.email_override,
            mobile_override = excluded.mobile_override, excluded = excluded.excluded,
            language = excluded.language, updated_at = excluded.updated_at`),
      own: db.prepare(`SELECT email_override, mobile_override, excluded, language FROM collection_parties
          WHERE company_id = ? AND ledger_guid = ?`),
    };
  }

  private company(companyGuid: string): Record<string, string | number | null> {
    const row = this.s.company.get(companyGuid) as Record<string, string | number | null> | undefined;
    if (!row)
      throw new AppError('NOT_FOUND', `No company with GUID "${companyGuid}" in the local store`, {
        companyGuid,
      });
    return row;
  }

  profile(companyGuid: string): CompanyProfile {
    const r = this.company(companyGuid);
    const str = (key: string): string | null => (r[key] as string | null) ?? null;
    return {
      companyGuid,
      name: str('name') ?? '',
      mailingName: str('profile_mailing_name') ?? str('name') ?? '',
      address: str('profile_address')?.split('\n') ?? [],
      state: str('profile_state'),
      pincode: str('profile_pincode'),
      country: str('profile_country'),
      email: str('profile_email'),
      phone: str('profile_phone'),
      gstin: str('profile_gstin'),
      registrationType: str('profile_registration'),
    };
  }

  /** Every ledger of the company with its contacts, by GUID (the caller keeps the parties it lists). */
  parties(companyGuid: string): Map<string, StoredParty> {
    const id = this.company(companyGuid).id as number;
    const result = new Map<string, StoredParty>();
    for (const r of this.s.parties.all(id) as PartyRow[]) {
      const email = r.email_override ?? r.email;
      const mobile = r.mobile_override ?? r.mobile;
      result.set(r.guid, {
        ledgerGuid: r.guid,
        name: r.name,
        group: r.group_name,
        contact: {
          mailingName: r.mailing_name,
          address: r.address ? r.address.split('\n') : [],
          state: r.state,
          pincode: r.pincode,
          country: r.country,
          gstin: r.gstin,
          contactPerson: r.contact_person,
          phone: r.phone,
          email: email
            ? { value: email, source: r.email_override !== null ? 'tallyconnect' : 'tally' }
            : null,
          emailCc: r.email_cc,
          mobile: mobile
            ? { value: mobile, source: r.mobile_override !== null ? 'tallyconnect' : 'tally' }
            : null,
          tallyEmail: r.email,
          tallyMobile: r.mobile,
        },
        emails: splitEmails(email),
        cc: splitEmails(r.email_cc),
        excluded: r.excluded === 1,
        language: r.language ?? 'en',
        interest: r.interest ? (JSON.parse(r.interest) as LedgerInterestRecord) : null,
      });
    }
    return result;
  }

  /**
   * Changes TallyConnect's own facts of a party: undefined keeps a field, null clears an override. Bad
   * input (an address or number that is not one, a ledger the company has not) changes nothing.
   */
  update(
    companyGuid: string,
    ledgerGuid: string,
    change: {
      email?: string | null;
      mobile?: string | null;
      excluded?: boolean;
      language?: MessageLanguage | null;
    },
  ): void {
    const id = this.company(companyGuid).id as number;
    if (this.s.ledger.get(id, ledgerGuid) === undefined)
      throw new AppError('NOT_FOUND', `No party with GUID "${ledgerGuid}" in this company`, { ledgerGuid });
    if (typeof change.email === 'string') {
      const emails = splitEmails(change.email);
      if (emails.length === 0)
        throw new AppError('VALIDATION', 'No e-mail address given', { field: 'email' });
      const bad = emails.find((e) => !EMAIL_RE.test(e));
      if (bad !== undefined)
        throw new AppError('VALIDATION', `"${bad}" is not an e-mail address`, { field: 'email' });
      change = { ...change, email: emails.join(', ') };
    }
    if (typeof change.mobile === 'string') {
      const check = normaliseMobile(change.mobile);
      if (!check.ok) throw new AppError('VALIDATION', check.message, { field: 'mobile' });
      change = { ...change, mobile: check.e164 };
    }
    const own = this.s.own.get(id, ledgerGuid) as
      | {
          email_override: string | null;
          mobile_override: string | null;
          excluded: number;
          language: MessageLanguage | null;
        }
      | undefined;
    this.s.upsert.run({
      company: id,
      ledger: ledgerGuid,
      email: change.email === undefined ? (own?.email_override ?? null) : change.email,
      mobile: change.mobile === undefined ? (own?.mobile_override ?? null) : change.mobile,
      excluded: change.excluded === undefined ? (own?.excluded ?? 0) : change.excluded ? 1 : 0,
      language: change.language === undefined ? (own?.language ?? null) : change.language,
      at: this.now().toISOString(),
    });
  }
}
