import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { portalOperations } from '../../../../shared/contract/portal';
import type { PortalUser } from '../../../../shared/types/portal';
import type { CompanySummary } from '../../../../shared/types/reports';
import { useOperationMutation } from '../../data/client';

interface Draft {
  username: string;
  displayName: string;
  role: 'owner' | 'staff';
  companies: string[];
  disabled: boolean;
  password: string;
}

const blank: Draft = {
  username: '',
  displayName: '',
  role: 'staff',
  companies: [],
  disabled: false,
  password: '',
};

/** Validates with the contract's own schema, so the owner sees the same message the core would give. */
export function accountDraftToInput(
  draft: Draft,
  creating: boolean,
): { ok: true; input: unknown } | { ok: false; message: string } {
  if (creating && draft.password === '')
    return { ok: false, message: 'password: a new account needs a password' };
  const candidate = {
    username: draft.username,
    displayName: draft.displayName,
    role: draft.role,
    companies: draft.role === 'owner' ? [] : draft.companies,
    disabled: draft.disabled,
    ...(draft.password === '' ? {} : { password: draft.password }),
  };
  const parsed = portalOperations['users.save'].input.safeParse(candidate);
  if (parsed.success) return { ok: true, input: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'is not valid'}` };
}

/** Create or edit one portal account: name, role, companies, password, disabled. */
export function AccountForm({
  user,
  companies,
  onDone,
}: {
  user: PortalUser | null;
  companies: CompanySummary[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useOperationMutation('users.save');
  const [draft, setDraft] = useState<Draft>(() => (user ? { ...user, password: '' } : { ...blank }));
  const [problem, setProblem] = useState<string | null>(null);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const toggleCompany = (guid: string, on: boolean) =>
    set({ companies: on ? [...draft.companies, guid] : draft.companies.filter((g) => g !== guid) });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const result = accountDraftToInput(draft, user === null);
    if (!result.ok) {
      setProblem(result.message);
      return;
    }
    setProblem(null);
    save.mutate(result.input as Parameters<typeof save.mutate>[0], { onSuccess: onDone });
  };

  return (
    <form
      className="card"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('portal.accounts.form', 'Portal account')}
    >
      <div className="form-grid">
        <label className="field">
          <span>{t('portal.accounts.username', 'Username')}</span>
          <input
            name="username"
            value={draft.username}
            disabled={user !== null}
            onChange={(e) => set({ username: e.target.value })}
          />
        </label>
        <label className="field">
          <span>{t('portal.accounts.displayName', 'Full name')}</span>
          <input
            name="displayName"
            value={draft.displayName}
            onChange={(e) => set({ displayName: e.target.value })}
          />
        </label>
        <label className="field">
          <span>{t('portal.accounts.role', 'Role')}</span>
          <select
            name="role"
            value={draft.role}
            onChange={(e) => set({ role: e.target.value as Draft['role'] })}
          >
            <option value="staff">{t('portal.accounts.staff', 'Staff (chosen companies)')}</option>
            <option value="owner">{t('portal.accounts.partner', 'Partner (all companies, may sync)')}</option>
          </select>
        </label>
        <label className="field">
          <span>
            {user
              ? t('portal.accounts.newPassword', 'New password (leave empty to keep)')
              : t('portal.accounts.password', 'Password (at least 8 characters)')}
          </span>
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            value={draft.password}
            onChange={(e) => set({ password: e.target.value })}
          />
        </label>
      </div>
      {draft.role === 'staff' && (
        <fieldset className="field">
          <legend>{t('portal.accounts.companies', 'Companies this user may see')}</legend>
          {companies.length === 0 && (
            <p className="hint">{t('portal.accounts.noCompanies', 'No companies yet.')}</p>
          )}
          {companies.map((c) => (
            <label key={c.guid} className="field-check">
              <input
                type="checkbox"
                checked={draft.companies.includes(c.guid)}
                onChange={(e) => toggleCompany(c.guid, e.target.checked)}
              />
              <span>{c.name}</span>
            </label>
          ))}
        </fieldset>
      )}
      <label className="field-check">
        <input
          type="checkbox"
          checked={draft.disabled}
          onChange={(e) => set({ disabled: e.target.checked })}
        />
        <span>{t('portal.accounts.disabled', 'Disabled (cannot sign in)')}</span>
      </label>
      {(problem ?? save.error?.message) && (
        <div className="notice notice-bad" role="alert">
          {problem ?? save.error?.message}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {user ? t('common.save', 'Save') : t('portal.accounts.create', 'Create account')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          {t('portal.accounts.cancel', 'Cancel')}
        </button>
      </div>
    </form>
  );
}
