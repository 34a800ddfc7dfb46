/**
 * Schema v15: collections (issue 28; electron/core/collections/, docs/COLLECTIONS.md).
 *
 * Facts from Tally (rewritten by every sync or import that reads the master):
 * - `ledgers`: a party's mailing name, address (lines joined by "\n"), pincode, country, e-mail, CC
 *   e-mail, mobile, phone and contact person (GSTIN and state were stored from the start), and its
 *   interest settings as exported (`interest`, JSON of db/records LedgerInterestRecord; null: off).
 * - `companies`: the company master's mailing name, address, state, pincode, country, e-mail, phone,
 *   GSTIN and GST registration type (`profile_*`).
 *
 * TallyConnect's own data, keyed by the company row and the ledger's GUID (a full sync or a replacing
 * import deletes and re-inserts the ledger rows, so their integer ids do not last; GUIDs do). These tables
 * are not in clearCompanyData's list: a replace write keeps them; deleting the company drops them (ON
 * DELETE CASCADE from companies):
 * - `collection_parties`: the user's own e-mail / mobile for a party (used instead of Tally's, marked as
 *   TallyConnect's), its exclusion from reminders and the language its messages go in.
 * - `reminder_settings`, `smtp_settings`: one row per company; the SMTP password only as the sealed bytes
 *   of the injected SecretBox, never in clear.
 * - `reminder_runs`, `reminder_messages`: every run and every message (when, to whom, channel, what was
 *   attached with the amounts as sent, the server's answer or the error). A message is written "sending"
 *   before it goes out, so a run killed half-way never sends that party again when restarted.
 *
 * Nothing stored can recover the contact facts: a Tally company with party ledgers (bill-wise, or under
 * Sundry Debtors / Creditors) is marked `needs_full_sync`; an imported company gets them at its next import.
 * No report's figures change, so the data versions stay (cached answers remain right).
 */
export const migration015 = `
ALTER TABLE ledgers ADD COLUMN mailing_name TEXT;
ALTER TABLE ledgers ADD COLUMN address TEXT;
ALTER TABLE ledgers ADD COLUMN pincode TEXT;
ALTER TABLE ledgers ADD COLUMN country TEXT;
ALTER TABLE ledgers ADD COLUMN email TEXT;
ALTER TABLE ledgers ADD COLUMN email_cc TEXT;
ALTER TABLE ledgers ADD COLUMN mobile TEXT;
ALTER TABLE ledgers ADD COLUMN phone TEXT;
ALTER TABLE ledgers ADD COLUMN contact_person TEXT;
ALTER TABLE ledgers ADD COLUMN interest TEXT;

ALTER TABLE companies ADD COLUMN profile_mailing_name TEXT;
ALTER TABLE companies ADD COLUMN profile_address TEXT;
ALTER TABLE companies ADD COLUMN profile_state TEXT;
ALTER TABLE companies ADD COLUMN profile_pincode TEXT;
ALTER TABLE companies ADD COLUMN profile_country TEXT;
ALTER TABLE companies ADD COLUMN profile_email TEXT;
ALTER TABLE companies ADD COLUMN profile_phone TEXT;
ALTER TABLE companies ADD COLUMN profile_gstin TEXT;
ALTER TABLE companies ADD COLUMN profile_registration TEXT;

CREATE TABLE collection_parties (
  company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  ledger_guid TEXT NOT NULL,
  email_override TEXT,
  mobile_override TEXT,
  excluded INTEGER NOT NULL DEFAULT 0 CHECK (excluded IN (0, 1)),
  language TEXT CHECK (language IN ('en', 'mr', 'hi')),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (company_id, ledger_guid)
) STRICT;

CREATE TABLE reminder_settings (
  company_id INTEGER PRIMARY KEY REFERENCES companies(id) ON DELETE CASCADE,
  settings TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE smtp_settings (
  company_id INTEGER PRIMARY KEY REFERENCES companies(id) ON DELETE CASCADE,
  settings TEXT NOT NULL,
  sealed_password BLOB,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE reminder_runs (
  id TEXT PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  trigger TEXT NOT NULL CHECK (trigger IN ('manual', 'schedule')),
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'cancelled', 'interrupted', 'failed')),
  criteria TEXT NOT NULL,
  summary TEXT
) STRICT;
CREATE INDEX reminder_runs_company ON reminder_runs (company_id, started_at);

CREATE TABLE reminder_messages (
  id INTEGER PRIMARY KEY,
  run_id TEXT NOT NULL REFERENCES reminder_runs(id) ON DELETE CASCADE,
  company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  ledger_guid TEXT NOT NULL,
  party_name TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('email', 'whatsapp')),
  state TEXT NOT NULL CHECK (state IN ('sending', 'sent', 'failed')),
  started_at TEXT NOT NULL,
  at TEXT NOT NULL,
  recipients TEXT NOT NULL,
  subject TEXT,
  content TEXT NOT NULL,
  message_id TEXT,
  server_response TEXT,
  reason TEXT,
  error TEXT,
  UNIQUE (run_id, ledger_guid, channel)
) STRICT;
CREATE INDEX reminder_messages_party ON reminder_messages (company_id, ledger_guid, at);

UPDATE companies SET needs_full_sync = 1
WHERE source = 'tally' AND EXISTS (
  SELECT 1 FROM ledgers l WHERE l.company_id = companies.id
    AND (l.is_bill_wise = 1 OR l.group_name IN ('Sundry Debtors', 'Sundry Creditors')));
`;
