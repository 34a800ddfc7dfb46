import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { reminderSettingsSchema } from '../../../../shared/contract/collections';
import type { ReminderSettings, SmtpSecurity, SmtpSettingsView } from '../../../../shared/types/collections';
import { paiseToDecimalString } from '../../../../shared/money';
import { queryKeyOf, useOperation, useOperationMutation } from '../../data/client';
import { ErrorState } from '../../components/States';
import { CheckField, FormStatus, SelectField, TextField } from '../../components/Field';
import { useFormDraft } from '../../components/useFormDraft';
import { useAppState } from '../../state';
import { amountOf } from './selection';
import { CollectionsError } from './CollectionsError';

type T = ReturnType<typeof useTranslation>['t'];

/**
 * Settings › Collections for the company in view: when reminders go by themselves and how fast, and the
 * mail server they go through (the password is write-only: typed, never shown back; refused, with the
 * server's reason, where this TallyConnect cannot keep it). docs/COLLECTIONS.md.
 */
export function CollectionsSettings() {
  const { t } = useTranslation();
  const { company } = useAppState();
  if (!company)
    return (
      <section className="card" data-testid="collections-settings">
        <h2 className="card-title">{t('collections.settings.title')}</h2>
        <p className="muted">{t('collections.settings.noCompany')}</p>
      </section>
    );
  return <ForCompany companyGuid={company.guid} companyName={company.name} />;
}

function ForCompany({ companyGuid, companyName }: { companyGuid: string; companyName: string }) {
  const reminders = useOperation('collections.settings.get', { companyGuid });
  const smtp = useOperation('collections.smtp.get', { companyGuid });
  // Someone who may not read these (portal staff) does not see the section.
  if (!reminders.data || smtp.isPending || smtp.isError) return null;
  return (
    <>
      <ReminderForm
        key={`r-${companyGuid}`}
        companyGuid={companyGuid}
        companyName={companyName}
        settings={reminders.data}
      />
      <SmtpForm key={`s-${companyGuid}`} companyGuid={companyGuid} settings={smtp.data ?? null} />
    </>
  );
}

interface ReminderDraft {
  kind: 'off' | 'daily' | 'weekly';
  weekday: string;
  time: string;
  perMinute: string;
  minDays: string;
  minOverdue: string;
  staffAllowed: boolean;
  attachExcel: boolean;
}

const draftOf = (s: ReminderSettings): ReminderDraft => ({
  kind: s.schedule.kind,
  weekday: String(s.schedule.kind === 'weekly' ? s.schedule.weekday : 1),
  time: s.schedule.kind === 'off' ? '10:00' : s.schedule.time,
  perMinute: String(s.messagesPerMinute),
  minDays: String(s.minDaysBetween),
  minOverdue: paiseToDecimalString(s.minOverdue),
  staffAllowed: s.staffAllowed,
  attachExcel: s.attachExcel,
});

const whole = (text: string): number => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/** The draft as settings, or the sentence that says what is wrong with it. */
export function reminderSettingsOf(
  draft: ReminderDraft,
  previous: ReminderSettings,
  t: T,
): { ok: true; settings: ReminderSettings } | { ok: false; message: string } {
  const range = (text: string, min: number, max: number, field: string): string | null => {
    const n = whole(text);
    return Number.isInteger(n) && n >= min && n <= max
      ? null
      : t('collections.settings.problemNumber', { field, min, max });
  };
  const time = draft.time.trim();
  const problem =
    (draft.kind !== 'off' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)
      ? t('collections.settings.problemTime')
      : null) ??
    range(draft.perMinute, 1, 120, t('collections.settings.perMinute')) ??
    range(draft.minDays, 0, 365, t('collections.settings.minDays')) ??
    (amountOf(draft.minOverdue) === null ? t('collections.amountProblem') : null);
  if (problem) return { ok: false, message: problem };
  const candidate: ReminderSettings = {
    schedule:
      draft.kind === 'off'
        ? { kind: 'off' }
        : draft.kind === 'daily'
          ? { kind: 'daily', time }
          : { kind: 'weekly', weekday: whole(draft.weekday), time },
    messagesPerMinute: whole(draft.perMinute),
    minDaysBetween: whole(draft.minDays),
    minOverdue: amountOf(draft.minOverdue) ?? 0,
    staffAllowed: draft.staffAllowed,
    interest: previous.interest,
    attachExcel: draft.attachExcel,
  };
  const parsed = reminderSettingsSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, settings: candidate };
  return {
    ok: false,
    message: t('errors.reason.badInput', { field: parsed.error.issues[0]?.path.join('.') ?? '' }),
  };
}

function ReminderForm({
  companyGuid,
  companyName,
  settings,
}: {
  companyGuid: string;
  companyName: string;
  settings: ReminderSettings;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useOperationMutation('collections.settings.set');
  const { draft, set, problem, setProblem, saved, setSaved, text, check } = useFormDraft(() =>
    draftOf(settings),
  );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const result = reminderSettingsOf(draft, settings, t);
    if (!result.ok) {
      setProblem(result.message);
      return;
    }
    setProblem(null);
    save.mutate(
      { companyGuid, settings: result.settings },
      {
        onSuccess: (next) => {
          setSaved(true);
          client.setQueryData(queryKeyOf('collections.settings.get', { companyGuid }), next);
        },
      },
    );
  };
  return (
    <form className="settings" onSubmit={onSubmit} noValidate data-testid="collections-settings">
      <fieldset className="card">
        <legend>{t('collections.settings.title')}</legend>
        <p className="muted">{t('collections.settings.hint', { company: companyName })}</p>
        <div className="form-grid">
          <SelectField
            label={t('collections.settings.schedule')}
            name="scheduleKind"
            value={draft.kind}
            onChange={(e) => {
              const kind = (['off', 'daily', 'weekly'] as const).find((k) => k === e.target.value);
              if (kind) set({ kind });
            }}
          >
            {(['off', 'daily', 'weekly'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`collections.settings.scheduleKinds.${k}`)}
              </option>
            ))}
          </SelectField>
          {draft.kind === 'weekly' && (
            <SelectField
              label={t('collections.settings.weekday')}
              name="weekday"
              value={draft.weekday}
              onChange={(e) => set({ weekday: e.target.value })}
            >
              {([0, 1, 2, 3, 4, 5, 6] as const).map((d) => (
                <option key={d} value={String(d)}>
                  {t(`collections.settings.weekdays.${d}`)}
                </option>
              ))}
            </SelectField>
          )}
          {draft.kind !== 'off' && <TextField label={t('collections.settings.time')} {...text('time')} />}
          <TextField label={t('collections.settings.perMinute')} {...text('perMinute')} inputMode="numeric" />
          <TextField label={t('collections.settings.minDays')} {...text('minDays')} inputMode="numeric" />
          <TextField
            label={t('collections.settings.minOverdue')}
            {...text('minOverdue')}
            inputMode="decimal"
          />
        </div>
        <CheckField label={t('collections.settings.staffAllowed')} {...check('staffAllowed')} />
        <CheckField label={t('collections.settings.attachExcel')} {...check('attachExcel')} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {t('collections.settings.save')}
          </button>
        </div>
        <FormStatus problem={problem} saved={saved} savedText={t('collections.settings.saved')}>
          {save.error && <ErrorState error={save.error} />}
        </FormStatus>
      </fieldset>
    </form>
  );
}

interface SmtpDraft {
  host: string;
  port: string;
  security: SmtpSecurity;
  user: string;
  password: string;
  removePassword: boolean;
  fromName: string;
  fromAddress: string;
  replyTo: string;
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DEFAULT_PORT: Record<SmtpSecurity, string> = { starttls: '587', tls: '465', none: '25' };

function SmtpForm({ companyGuid, settings }: { companyGuid: string; settings: SmtpSettingsView | null }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useOperationMutation('collections.smtp.set');
  const test = useOperationMutation('collections.smtp.test');
  const [view, setView] = useState(settings);
  const { draft, setDraft, set, problem, setProblem, saved, setSaved, text, check } = useFormDraft<SmtpDraft>(
    () => ({
      host: settings?.host ?? '',
      port: String(settings?.port ?? 587),
      security: settings?.security ?? 'starttls',
      user: settings?.user ?? '',
      password: '',
      removePassword: false,
      fromName: settings?.fromName ?? '',
      fromAddress: settings?.fromAddress ?? '',
      replyTo: settings?.replyTo ?? '',
    }),
  );
  const canStore = view?.canStorePassword ?? true;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const port = whole(draft.port);
    const replyTo = draft.replyTo.trim();
    const problemText =
      (draft.host.trim() === '' ? t('collections.settings.problemHost') : null) ??
      (Number.isInteger(port) && port >= 1 && port <= 65535
        ? null
        : t('collections.settings.problemNumber', {
            field: t('collections.settings.port'),
            min: 1,
            max: 65535,
          })) ??
      (EMAIL_RE.test(draft.fromAddress.trim())
        ? null
        : t('collections.settings.problemEmail', { field: t('collections.settings.fromAddress') })) ??
      (replyTo === '' || EMAIL_RE.test(replyTo)
        ? null
        : t('collections.settings.problemEmail', { field: t('collections.settings.replyTo') }));
    if (problemText) {
      setProblem(problemText);
      return;
    }
    setProblem(null);
    save.mutate(
      {
        companyGuid,
        host: draft.host.trim(),
        port,
        security: draft.security,
        user: draft.user.trim(),
        fromName: draft.fromName.trim(),
        fromAddress: draft.fromAddress.trim(),
        replyTo: replyTo === '' ? null : replyTo,
        // Blank keeps the stored password; the box's tick removes it.
        ...(draft.removePassword
          ? { password: null }
          : draft.password !== ''
            ? { password: draft.password }
            : {}),
      },
      {
        onSuccess: (next) => {
          setSaved(true);
          setView(next);
          setDraft((d) => ({ ...d, password: '', removePassword: false }));
          client.setQueryData(queryKeyOf('collections.smtp.get', { companyGuid }), next);
        },
      },
    );
  };

  return (
    <form className="settings" onSubmit={onSubmit} noValidate data-testid="smtp-settings">
      <fieldset className="card">
        <legend>{t('collections.settings.smtpTitle')}</legend>
        <p className="muted">{t('collections.settings.smtpHint')}</p>
        <div className="form-grid">
          <TextField label={t('collections.settings.host')} {...text('host')} placeholder="smtp.gmail.com" />
          <SelectField
            label={t('collections.settings.security')}
            name="security"
            value={draft.security}
            onChange={(e) => {
              const security = (['starttls', 'tls', 'none'] as const).find((s) => s === e.target.value);
              if (security) set({ security, port: DEFAULT_PORT[security] });
            }}
          >
            {(['starttls', 'tls', 'none'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`collections.settings.securities.${s}`)}
              </option>
            ))}
          </SelectField>
          <TextField label={t('collections.settings.port')} {...text('port')} inputMode="numeric" />
          <TextField label={t('collections.settings.user')} {...text('user')} autoComplete="off" />
          <TextField
            label={t('collections.settings.password')}
            {...text('password')}
            type="password"
            autoComplete="new-password"
            disabled={!canStore}
            hint={
              <>
                {view?.passwordStored
                  ? t('collections.settings.passwordStored')
                  : t('collections.settings.passwordNone')}{' '}
                {t('collections.settings.passwordHint')}
              </>
            }
          />
          <TextField label={t('collections.settings.fromName')} {...text('fromName')} />
          <TextField
            label={t('collections.settings.fromAddress')}
            {...text('fromAddress')}
            inputMode="email"
          />
          <TextField label={t('collections.settings.replyTo')} {...text('replyTo')} inputMode="email" />
        </div>
        {!canStore && (
          <div className="notice notice-warn" role="note" data-testid="password-refused">
            {t('collections.settings.cannotStore')}{' '}
            <span className="coll-server-words">{view?.passwordStorageNote}</span>
          </div>
        )}
        {view?.passwordStored && (
          <CheckField label={t('collections.settings.removePassword')} {...check('removePassword')} />
        )}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {t('collections.settings.saveSmtp')}
          </button>
          <button
            type="button"
            className="btn"
            disabled={view === null || test.isPending}
            onClick={() => test.mutate({ companyGuid })}
            data-testid="smtp-test"
          >
            {t('collections.settings.test')}
          </button>
        </div>
        <FormStatus problem={problem} saved={saved} savedText={t('collections.settings.saved')}>
          {save.error && <CollectionsError error={save.error} companyGuid={companyGuid} />}
        </FormStatus>
        {test.data &&
          (test.data.ok ? (
            <div className="notice notice-good" role="status" data-testid="smtp-test-result">
              {t('collections.settings.testSent', { address: view?.fromAddress ?? '' })}
            </div>
          ) : (
            <div className="notice notice-bad" role="alert" data-testid="smtp-test-result">
              {t('collections.settings.testFailed', {
                reason: t(`collections.reasons.${test.data.reason}`, {
                  defaultValue: t('collections.reasons.unknown'),
                }),
              })}
              <div className="coll-server-words">
                {t('collections.serverSaid', { message: test.data.message })}
              </div>
            </div>
          ))}
        {test.error && <CollectionsError error={test.error} companyGuid={companyGuid} />}
      </fieldset>
    </form>
  );
}
