import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { AssistantsInfo } from '../../../../shared/types/assistants';
import type { CompanySummary } from '../../../../shared/types/reports';
import { queryKeyOf, useOperation, useOperationMutation } from '../../data/client';

/**
 * Settings › Assistants: whether AI assistants may read the books (the MCP server), which companies
 * (none until ticked), the configuration for MCP clients and a button that adds it to Claude Desktop.
 */
export function AssistantsSettings() {
  const info = useOperation('assistants.get', {});
  const companies = useOperation('companies.list', {});
  // Portal users cannot read this section (desktop only): it is left out for them.
  if (!info.data) return null;
  return <AssistantsForm info={info.data} companies={companies.data?.data ?? []} />;
}

function AssistantsForm({ info, companies }: { info: AssistantsInfo; companies: CompanySummary[] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useOperationMutation('assistants.update');
  const addToClaude = useOperationMutation('assistants.addToClaude');
  const [enabled, setEnabled] = useState(info.enabled);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(info.companies));
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState(false);

  const toggle = (guid: string, on: boolean) => {
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(guid);
      else next.delete(guid);
      return next;
    });
    setSaved(false);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { enabled, companies: companies.map((c) => c.guid).filter((guid) => chosen.has(guid)) },
      {
        onSuccess: (next) => {
          setSaved(true);
          client.setQueryData(queryKeyOf('assistants.get', {}), next);
        },
      },
    );
  };

  const copy = () => {
    void navigator.clipboard?.writeText(info.snippet).then(() => setCopied(true));
  };

  return (
    <form className="settings" onSubmit={onSubmit} noValidate data-testid="assistants-settings">
      <fieldset className="card">
        <legend>{t('assistants.title')}</legend>
        <p className="muted">{t('assistants.hint')}</p>
        <label className="field field-check">
          <input
            type="checkbox"
            checked={enabled}
            onChange={(e) => {
              setEnabled(e.target.checked);
              setSaved(false);
            }}
            name="assistantsEnabled"
          />
          <span>{t('assistants.toggle')}</span>
        </label>
        <h3>{t('assistants.companies')}</h3>
        {companies.length === 0 && <p className="muted">{t('assistants.noCompanies')}</p>}
        <div className="form-grid">
          {companies.map((company) => (
            <label className="field field-check" key={company.guid}>
              <input
                type="checkbox"
                checked={chosen.has(company.guid)}
                onChange={(e) => toggle(company.guid, e.target.checked)}
                name={`assistantsCompany-${company.guid}`}
              />
              <span>{company.name}</span>
            </label>
          ))}
        </div>
        {save.error && <div className="notice notice-bad">{save.error.message}</div>}
        {saved && <div className="notice notice-good">{t('settings.saved')}</div>}
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {t('assistants.save')}
        </button>
        <h3>{t('assistants.snippet')}</h3>
        <p className="muted">{t('assistants.snippetHint')}</p>
        <pre className="code-block" data-testid="assistants-snippet">
          {info.snippet}
        </pre>
        <div className="form-actions">
          <button type="button" className="btn" onClick={copy}>
            {copied ? t('assistants.copied') : t('assistants.copy')}
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => addToClaude.mutate({})}
            disabled={addToClaude.isPending}
          >
            {t('assistants.addToClaude')}
          </button>
        </div>
        <small className="muted">{t('assistants.claudeFile', { path: info.claudeConfigPath })}</small>
        {addToClaude.error && <div className="notice notice-bad">{addToClaude.error.message}</div>}
        {addToClaude.data && (
          <div className="notice notice-good" data-testid="assistants-added">
            {t('assistants.addedToClaude', { path: addToClaude.data.path })}
            {addToClaude.data.backup && <> {t('assistants.backup', { path: addToClaude.data.backup })}</>}
          </div>
        )}
      </fieldset>
    </form>
  );
}
