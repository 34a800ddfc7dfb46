import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { ReminderSettings, SmtpSecurity, SmtpSettingsView } from '../../../shared/types/collections';
import { DEFAULT_INTEREST, InterestParameterError, validateParameters } from './interest';
import type { SecretBox } from './secret-box';
import type { SmtpSettings } from './smtp-sender';

/**
 * Reminder and SMTP settings per company (schema v15: reminder_settings, smtp_settings). Each set is
 * checked whole before one statement writes it, so a refused or failed write leaves the previous
 * settings as they were. The SMTP password is stored only sealed by the injected SecretBox; it is never
 * returned, logged or written in clear.
 */

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  schedule: { kind: 'off' },
  messagesPerMinute: 20,
  minDaysBetween: 7,
  minOverdue: 0,
  staffAllowed: false,
  interest: null,
  attachExcel: false,
};

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const invalid = (message: string, field: string): AppError => new AppError('VALIDATION', message, { field });

export function checkReminderSettings(s: ReminderSettings): void {
  if (s.schedule.kind !== 'off') {
    if (!TIME_RE.test(s.schedule.time))
      throw invalid(`Reminder time "${s.schedule.time}" is not a time like 10:30`, 'schedule.time');
    if (
      s.schedule.kind === 'weekly' &&
      !(Number.isInteger(s.schedule.weekday) && s.schedule.weekday >= 0 && s.schedule.weekday <= 6)
    )
      throw invalid(`Weekday ${s.schedule.weekday} is not 0 (Sunday) to 6 (Saturday)`, 'schedule.weekday');
  }
  if (!Number.isInteger(s.messagesPerMinute) || s.messagesPerMinute < 1 || s.messagesPerMinute > 120)
    throw invalid(`Messages per minute must be 1 to 120, not ${s.messagesPerMinute}`, 'messagesPerMinute');
  if (!Number.isInteger(s.minDaysBetween) || s.minDaysBetween < 0 || s.minDaysBetween > 365)
    throw invalid(`Days between reminders must be 0 to 365, not ${s.minDaysBetween}`, 'minDaysBetween');
  if (!Number.isSafeInteger(s.minOverdue) || s.minOverdue < 0)
    throw invalid('The minimum overdue amount must be zero or more paise', 'minOverdue');
  if (typeof s.attachExcel !== 'boolean')
    throw invalid('"Attach Excel copy" must be true or false', 'attachExcel');
  if (s.interest !== null) {
    try {
      validateParameters({ ...DEFAULT_INTEREST, ...s.interest, source: 'tallyconnect' });
    } catch (error) {
      if (error instanceof InterestParameterError) throw invalid(error.message, 'interest');
      throw error;
    }
    if (!Number.isSafeInteger(s.interest.aboveAmount) || s.interest.aboveAmount < 0)
      throw invalid('Interest "above amount" must be zero or more paise', 'interest.aboveAmount');
  }
}

/** The SMTP settings without the password, as the user enters them. */
export interface SmtpSettingsInput {
  host: string;
  port: number;
  security: SmtpSecurity;
  user: string;
  fromName: string;
  fromAddress: string;
  replyTo: string | null;
}

export function checkSmtpSettings(s: SmtpSettingsInput): void {
  if (s.host.trim() === '' || /\s/.test(s.host.trim()))
    throw invalid(`"${s.host}" is not a mail server name`, 'host');
  if (!Number.isInteger(s.port) || s.port < 1 || s.port > 65_535)
    throw invalid(`Port ${s.port} is not a port number (1 to 65535)`, 'port');
  if (!['starttls', 'tls', 'none'].includes(s.security))
    throw invalid(`Security "${s.security}" is not STARTTLS, TLS or none`, 'security');
  if (!EMAIL_RE.test(s.fromAddress))
    throw invalid(`"${s.fromAddress}" is not an e-mail address`, 'fromAddress');
  if (s.replyTo !== null && !EMAIL_RE.test(s.replyTo))
    throw invalid(`"${s.replyTo}" is not an e-mail address`, 'replyTo');
}

export class CollectionSettingsStore {
  private readonly s;

  constructor(
    db: Database.Database,
    private readonly box: SecretBox,
    private readonly now: () => Date,
  ) {
    this.s = {
      companyId: db.prepare('SELECT id FROM companies WHERE guid = ?').pluck(),
      reminder: db.prepare('SELECT settings FROM reminder_settings WHERE company_id = ?').pluck(),
      putReminder:
        db.prepare(`INSERT INTO reminder_settings (company_id, settings, updated_at) VALUES (?, ?, ?)
          ON CONFLICT (company_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`),
      smtp: db.prepare('SELECT settings, sealed_password FROM smtp_settings WHERE company_id = ?'),
      putSmtp: db.prepare(`INSERT INTO smtp_settings (company_id, settings, sealed_password, updated_at)
          VALUES (@id, @settings, @sealed, @at)
          ON CONFLICT (company_id) DO UPDATE SET settings = excluded.settings,
            sealed_password = CASE WHEN @keep = 1 THEN smtp_settings.sealed_password ELSE excluded.sealed_password END,
            updated_at = excluded.updated_at`),
      scheduled: db.prepare(
        `SELECT c.guid, r.settings FROM reminder_settings r JOIN companies c ON c.id = r.company_id`,
      ),
    };
  }

  private companyId(companyGuid: string): number {
    const id = this.s.companyId.get(companyGuid) as number | undefined;
    if (id === undefined)
      throw new AppError('NOT_FOUND', `No company with GUID "${companyGuid}" in the local store`, {
        companyGuid,
      });
    return id;
  }

  reminderSettings(companyGuid: string): ReminderSettings {
    const text = this.s.reminder.get(this.companyId(companyGuid)) as string | undefined;
    return text === undefined
      ? { ...DEFAULT_REMINDER_SETTINGS }
      : { ...DEFAULT_REMINDER_SETTINGS, ...(JSON.parse(text) as Partial<ReminderSettings>) };
  }

  setReminderSettings(companyGuid: string, settings: ReminderSettings): ReminderSettings {
    checkReminderSettings(settings);
    this.s.putReminder.run(this.companyId(companyGuid), JSON.stringify(settings), this.now().toISOString());
    return this.reminderSettings(companyGuid);
  }

  /** Every company's reminder settings, for the scheduler. */
  allReminderSettings(): { companyGuid: string; settings: ReminderSettings }[] {
    return (this.s.scheduled.all() as { guid: string; settings: string }[]).map((r) => ({
      companyGuid: r.guid,
      settings: { ...DEFAULT_REMINDER_SETTINGS, ...(JSON.parse(r.settings) as Partial<ReminderSettings>) },
    }));
  }

  smtpSettings(companyGuid: string): SmtpSettingsView | null {
    const row = this.s.smtp.get(this.companyId(companyGuid)) as
      { settings: string; sealed_password: Buffer | null } | undefined;
    if (!row) return null;
    return {
      ...(JSON.parse(row.settings) as SmtpSettingsInput),
      passwordStored: row.sealed_password !== null,
      canStorePassword: this.box.available,
      passwordStorageNote: this.box.available ? null : this.box.why,
    };
  }

  /**
   * Stores the settings. password: undefined keeps the stored one, null removes it, a string replaces it
   * (refused, changing nothing, when this TallyConnect has no key store).
   */
  setSmtpSettings(
    companyGuid: string,
    input: SmtpSettingsInput,
    password: string | null | undefined,
  ): SmtpSettingsView {
    checkSmtpSettings(input);
    const id = this.companyId(companyGuid);
    let sealed: Buffer | null = null;
    if (typeof password === 'string' && password !== '') {
      if (!this.box.available)
        throw new AppError('VALIDATION', this.box.why ?? 'The mail password cannot be stored here', {
          field: 'password',
        });
      sealed = this.box.seal(password);
    }
    const settings: SmtpSettingsInput = {
      host: input.host.trim(),
      port: input.port,
      security: input.security,
      user: input.user.trim(),
      fromName: input.fromName.trim(),
      fromAddress: input.fromAddress.trim(),
      replyTo: input.replyTo === null ? null : input.replyTo.trim(),
    };
    this.s.putSmtp.run({
      id,
      settings: JSON.stringify(settings),
      sealed,
      keep: password === undefined || password === '' ? 1 : 0,
      at: this.now().toISOString(),
    });
    return this.smtpSettings(companyGuid) as SmtpSettingsView;
  }

  /**
   * The settings the sender needs, with the password opened; a clear error when none are set or the
   * stored password cannot be opened here (set on another PC or user, or no key store).
   */
  senderSettings(companyGuid: string): SmtpSettings {
    const row = this.s.smtp.get(this.companyId(companyGuid)) as
      { settings: string; sealed_password: Buffer | null } | undefined;
    if (!row)
      throw new AppError(
        'VALIDATION',
        'No mail server is set up for this company (Collections › Mail settings)',
        {
          field: 'smtp',
        },
      );
    const s = JSON.parse(row.settings) as SmtpSettingsInput;
    let password = '';
    if (row.sealed_password !== null) {
      if (!this.box.available)
        throw new AppError('VALIDATION', this.box.why ?? 'The mail password cannot be read here', {
          field: 'password',
        });
      try {
        password = this.box.open(row.sealed_password);
      } catch {
        throw new AppError(
          'VALIDATION',
          'The stored mail password cannot be read on this PC or by this Windows user; enter it again in the mail settings',
          { field: 'password' },
        );
      }
    } else if (s.user !== '') {
      throw new AppError(
        'VALIDATION',
        `No password is stored for the mail user ${s.user}; enter it in the mail settings`,
        {
          field: 'password',
        },
      );
    }
    return {
      host: s.host,
      port: s.port,
      security: s.security,
      user: s.user,
      password,
      from: { name: s.fromName, address: s.fromAddress },
      ...(s.replyTo ? { replyTo: s.replyTo } : {}),
    };
  }
}
