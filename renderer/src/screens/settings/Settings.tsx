import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { Settings as SettingsData } from '../../../../shared/types/settings';
import { settingsPatch } from '../../../../shared/contract/settings';
import { useOperation, useOperationMutation } from '../../data/client';
import { useLanguage } from '../../components/useLanguage';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/States';
import { QueryState } from '../../components/QueryState';
import { LanguageOptions } from '../../components/LanguageOptions';
import { CheckField, FormStatus, SelectField, TextField } from '../../components/Field';
import { useFormDraft } from '../../components/useFormDraft';
import { PortalSettings } from '../portal/PortalSettings';
import { UpdateSettings } from './UpdateSettings';
import { LiveSettings } from './LiveSettings';
import { AssistantsSettings } from '../mcp/AssistantsSettings';
import { CollectionsSettings } from '../collections/CollectionsSettings';
import { setDiagnostics, useDiagnostics } from '../../lib/diagnostics';
import { buildHash, navigate, useRoute } from '../../lib/route';

type Draft = {
  tallyHost: string;
  tallyPort: string;
  autoSyncMinutes: string;
  redisEnabled: string;
  redisUrl: string;
  sentinels: string;
  sentinelName: string;
  clusterNodes: string;
  keyPrefix: string;
  defaultTtlSeconds: string;
  ttls: Record<string, string>;
};

function toDraft(s: SettingsData): Draft {
  return {
    tallyHost: s.tallyHost,
    tallyPort: String(s.tallyPort),
    autoSyncMinutes: String(s.autoSyncMinutes),
    redisEnabled: s.cache.redisEnabled,
    redisUrl: s.cache.redisUrl,
    sentinels: s.cache.sentinels ?? '',
    sentinelName: s.cache.sentinelName ?? '',
    clusterNodes: s.cache.clusterNodes ?? '',
    keyPrefix: s.cache.keyPrefix,
    defaultTtlSeconds: String(s.cache.defaultTtlSeconds),
    ttls: Object.fromEntries(Object.entries(s.cache.ttls).map(([k, v]) => [k, String(v)])),
  };
}

const asInt = (text: string): number => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

type T = ReturnType<typeof useTranslation>['t'];

/** A whole number in [min, max], else the sentence that says so about `label`. */
function numberProblem(text: string, min: number, max: number, label: string, t: T): string | null {
  const value = asInt(text);
  return Number.isInteger(value) && value >= min && value <= max
    ? null
    : t('settings.problemNumber', { field: label, min, max });
}

/**
 * Builds the patch and checks it before saving, in words ("Tally XML port must be a number from 1 to
 * 65535"), then with the same schema the core uses.
 */
export function draftToPatch(
  draft: Draft,
  t: T,
): { ok: true; patch: unknown } | { ok: false; message: string } {
  const week = 7 * 86_400;
  const host = draft.tallyHost.trim();
  const problem =
    (host === '' || host.length > 253 ? t('settings.problemHost') : null) ??
    numberProblem(draft.tallyPort, 1, 65535, t('settings.tallyPort'), t) ??
    numberProblem(draft.autoSyncMinutes, 0, 24 * 60, t('settings.autoSync'), t) ??
    (draft.redisUrl.length > 500 ? t('settings.problemRedisUrl') : null) ??
    (/^[A-Za-z0-9_.:-]{1,64}$/.test(draft.keyPrefix) ? null : t('settings.problemKeyPrefix')) ??
    numberProblem(draft.defaultTtlSeconds, 1, week, t('settings.defaultTtl'), t) ??
    Object.entries(draft.ttls)
      .map(([resource, text]) => numberProblem(text, 1, week, `${t('settings.ttls')}: ${resource}`, t))
      .find((p) => p !== null) ??
    null;
  if (problem) return { ok: false, message: problem };
  const candidate = {
    tallyHost: draft.tallyHost,
    tallyPort: asInt(draft.tallyPort),
    autoSyncMinutes: asInt(draft.autoSyncMinutes),
    cache: {
      redisEnabled: draft.redisEnabled,
      redisUrl: draft.redisUrl,
      sentinels: draft.sentinels,
      sentinelName: draft.sentinelName,
      clusterNodes: draft.clusterNodes,
      keyPrefix: draft.keyPrefix,
      defaultTtlSeconds: asInt(draft.defaultTtlSeconds),
      ttls: Object.fromEntries(Object.entries(draft.ttls).map(([k, v]) => [k, asInt(v)])),
    },
  };
  const parsed = settingsPatch.safeParse(candidate);
  if (parsed.success) return { ok: true, patch: parsed.data };
  // The checks above mirror the schema; anything it still refuses is named by its field.
  const field = parsed.error.issues[0]?.path.join('.') ?? '';
  return { ok: false, message: t('errors.reason.badInput', { field }) };
}

export function Settings() {
  const { t } = useTranslation();
  const query = useOperation('settings.get', {});
  const info = useOperation('app.info', {});
  return (
    <>
      <PageHeader
        title={t('settings.title')}
        subtitle={
          query.isSuccess && info.data
            ? `${t('settings.dataFolder')}: ${info.data.dataDir} · ${t('settings.version')} ${info.data.version}`
            : undefined
        }
      />
      <QueryState query={query}>
        {(settings) => (
          <>
            <SettingsForm settings={settings} />
            {/* Settings → Updates: feed, state, consent (desktop only; docs/ELECTRON.md). */}
            <UpdateSettings />
            <LiveSettings />
            {/* Settings → Assistants: AI assistants over MCP, read only (docs/MCP.md). */}
            <AssistantsSettings />
            {/* Settings › Collections: reminders and the mail server, for the company in view (docs/COLLECTIONS.md). */}
            <CollectionsSettings />
            {/* Settings → Office portal: mode, accounts, who is signed in (docs/PORTAL.md). */}
            <PortalSettings />
          </>
        )}
      </QueryState>
    </>
  );
}

function SettingsForm({ settings }: { settings: SettingsData }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useQueryClient();
  const save = useOperationMutation('settings.update');
  const { draft, set, problem, setProblem, saved, setSaved, text } = useFormDraft(() => toDraft(settings));
  const diagnostics = useDiagnostics();
  const route = useRoute();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const result = draftToPatch(draft, t);
    if (!result.ok) {
      setProblem(result.message);
      return;
    }
    setProblem(null);
    save.mutate(result.patch as Parameters<typeof save.mutate>[0], {
      onSuccess: (next) => {
        setSaved(true);
        client.setQueryData(['settings.get', {}], next);
        void client.invalidateQueries({ queryKey: ['cache.status'] });
      },
    });
  };

  return (
    <form className="settings" onSubmit={onSubmit} noValidate>
      <fieldset className="card">
        <legend>{t('settings.tally')}</legend>
        <div className="form-grid">
          <TextField label={t('settings.tallyHost')} {...text('tallyHost')} />
          <TextField label={t('settings.tallyPort')} inputMode="numeric" {...text('tallyPort')} />
          <TextField
            label={t('settings.autoSync')}
            inputMode="numeric"
            {...text('autoSyncMinutes')}
            hint={t('settings.autoSyncHint')}
          />
          {/* The one language setting (the header's too): it changes at once, not on Save. */}
          <SelectField
            label={t('settings.language')}
            value={language.language}
            onChange={(e) => language.change(e.target.value)}
            name="language"
            data-testid="settings-language"
          >
            <LanguageOptions />
          </SelectField>
        </div>
        {/* Each card's button says what it saves (the page has several cards with their own). */}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {t('settings.saveTally')}
          </button>
        </div>
      </fieldset>
      <details className="card advanced" data-testid="advanced">
        <summary>{t('settings.advanced')}</summary>
        <p className="hint">{t('settings.advancedHint')}</p>
        <h3 className="subhead">{t('nav.diagnostics')}</h3>
        <CheckField
          label={t('settings.diagnostics')}
          checked={diagnostics}
          onChange={setDiagnostics}
          data-testid="diagnostics"
        />
        {/* The cache's keys and timings are technical: kept here, out of the accountant's menu. */}
        <p>
          <a
            href={buildHash('cache', { c: route.params.c })}
            onClick={(event) => {
              if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
              event.preventDefault();
              navigate('cache', { c: route.params.c });
            }}
            data-testid="open-cache"
          >
            {t('settings.openCache')}
          </a>
        </p>
        <h3 className="subhead">{t('settings.cache')}</h3>
        <div className="form-grid">
          <SelectField
            label={t('settings.redisEnabled')}
            value={draft.redisEnabled}
            onChange={(e) => set({ redisEnabled: e.target.value })}
            name="redisEnabled"
          >
            {(['auto', 'true', 'false'] as const).map((m) => (
              <option key={m} value={m}>
                {t(`settings.redisModes.${m}`)}
              </option>
            ))}
          </SelectField>
          <TextField label={t('settings.redisUrl')} {...text('redisUrl')} />
          <TextField
            label={t('settings.redisSentinels')}
            {...text('sentinels')}
            placeholder="10.0.0.5:26379, 10.0.0.6:26379"
          />
          <TextField label={t('settings.redisSentinelName')} {...text('sentinelName')} />
          <TextField
            label={t('settings.redisClusterNodes')}
            {...text('clusterNodes')}
            placeholder="10.0.0.5:7000, 10.0.0.6:7000"
            hint={t('settings.redisTopologyHint')}
          />
          <TextField label={t('settings.keyPrefix')} {...text('keyPrefix')} />
          <TextField label={t('settings.defaultTtl')} inputMode="numeric" {...text('defaultTtlSeconds')} />
        </div>
        {Object.keys(draft.ttls).length > 0 && (
          <>
            <h3 className="subhead">{t('settings.ttls')}</h3>
            <div className="form-grid">
              {Object.entries(draft.ttls).map(([resource, value]) => (
                <TextField
                  key={resource}
                  label={resource}
                  inputMode="numeric"
                  value={value}
                  onChange={(text) => set({ ttls: { ...draft.ttls, [resource]: text } })}
                  name={`ttl-${resource}`}
                />
              ))}
            </div>
          </>
        )}
        <p className="hint">{t('settings.envNote')}</p>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {t('settings.saveCache')}
          </button>
        </div>
      </details>
      <FormStatus problem={problem} saved={saved} savedText={t('settings.saved')}>
        {save.error && <ErrorState error={save.error} />}
      </FormStatus>
    </form>
  );
}
