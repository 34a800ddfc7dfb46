import type Database from 'better-sqlite3';
import type { CompanyProfileRecord, LedgerRecord } from '../records';
import type { WriteContext } from './session';

/**
 * A party's contact details and interest settings from Tally, and the company's own profile (schema
 * v15). Only a ledger that carries them is written in a replace write (the columns start empty); in a
 * merge they are rewritten, cleared when the ledger lost them. TallyConnect's own overrides live in
 * collection_parties and are never touched here.
 */

const prepare = (db: Database.Database) => ({
  ledgerContact: db.prepare(`UPDATE ledgers SET mailing_name = ?, address = ?, pincode = ?, country = ?,
      email = ?, email_cc = ?, mobile = ?, phone = ?, contact_person = ?, interest = ? WHERE id = ?`),
  companyProfile: db.prepare(`UPDATE companies SET profile_mailing_name = @mailingName,
      profile_address = @address, profile_state = @state, profile_pincode = @pincode,
      profile_country = @country, profile_email = @email, profile_phone = @phone, profile_gstin = @gstin,
      profile_registration = @registrationType WHERE id = @id`),
});

/** A ledger's contact and interest columns, after its row was upserted (ledgerId: its key). */
export function putLedgerContact(ctx: WriteContext, ledgerId: number, l: LedgerRecord): void {
  const c = l.contact;
  if (c === undefined && l.interest === undefined && ctx.mode === 'replace') return;
  ctx
    .statements(prepare)
    .ledgerContact.run(
      c?.mailingName ?? null,
      c && c.address.length > 0 ? c.address.join('\n') : null,
      c?.pincode ?? null,
      c?.country ?? null,
      c?.email ?? null,
      c?.emailCc ?? null,
      c?.mobile ?? null,
      c?.phone ?? null,
      c?.contactPerson ?? null,
      l.interest ? JSON.stringify(l.interest) : null,
      ledgerId,
    );
}

/** The company's profile columns (commit.ts); nothing when the source did not give one. */
export function putCompanyProfile(ctx: WriteContext, profile: CompanyProfileRecord | undefined): void {
  if (profile === undefined) return;
  ctx.statements(prepare).companyProfile.run({
    id: ctx.companyId,
    mailingName: profile.mailingName,
    address: profile.address.length > 0 ? profile.address.join('\n') : null,
    state: profile.state,
    pincode: profile.pincode,
    country: profile.country,
    email: profile.email,
    phone: profile.phone,
    gstin: profile.gstin,
    registrationType: profile.registrationType,
  });
}
