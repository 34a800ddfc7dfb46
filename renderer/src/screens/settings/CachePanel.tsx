import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { CacheKeyEntry, CacheStatus, CacheTtlRow } from '../../../../shared/types/cache';
import type { CompanySummary } from '../../../../shared/types/reports';
import { useOperation, useOperationMutation } from '../../data/client';
import { bytes, count, duration } from '../../lib/format';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/States';
import { QueryState } from '../../components/QueryState';
import { DataTable, type Column } from '../../components/DataTable';

type T = ReturnType<typeof useTranslation>['t'];

export function CachePanel({ company }: { company: CompanySummary | null }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const status = useOperation('cache.status', {});
  const [keyCount, setKeyCount] = useState(200);
  const keys = useOperation('cache.keys', { count: keyCount });
  const clearAll = useOperationMutation('cache.clearAll');
  const clearCompany = useOperationMutation('cache.clearCompany');
  const redetect = useOperationMutation('cache.redetect');
  const startMemurai = useOperationMutation('cache.startMemurai');
  const [message, setMessage] = useState<string | null>(null);

  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['cache.status'] });
    void client.invalidateQueries({ queryKey: ['cache.keys'] });
  };
  const afterClear = (result: { deleted: number }) => {
    setMessage(t('cache.cleared', { count: result.deleted }));
    refresh();
  };
  const error = clearAll.error ?? clearCompany.error ?? redetect.error ?? startMemurai.error;

  const header = (
    <PageHeader
      title={t('cache.title')}
      subtitle={t('cache.subtitle')}
      actions={
        <>
          <button
            type="button"
            className="btn btn-danger"
            data-testid="cache-clear-all"
            disabled={clearAll.isPending}
            onClick={() =>
              window.confirm(t('cache.confirmClearAll')) && clearAll.mutate({}, { onSuccess: afterClear })
            }
          >
            {t('cache.clearAll')}
          </button>
          {company && (
            <button
              type="button"
              className="btn"
              disabled={clearCompany.isPending}
              onClick={() => clearCompany.mutate({ companyGuid: company.guid }, { onSuccess: afterClear })}
            >
              {t('cache.clearCompany')}
            </button>
          )}
          <button
            type="button"
            className="btn"
            disabled={redetect.isPending}
            onClick={() => redetect.mutate({}, { onSuccess: refresh })}
          >
            ↻ {t('cache.redetect')}
          </button>
        </>
      }
    />
  );
  const body = (s: CacheStatus) => {
    const d = s.detection;
    return (
      <>
        {message && (
          <div className="notice notice-good" role="status">
            {message}
          </div>
        )}
        {error && <ErrorState error={error} />}
        {d.memuraiStopped && (
          <div className="notice notice-warn">
            {t('cache.memuraiOffer')}{' '}
            <button
              type="button"
              className="btn btn-primary"
              disabled={startMemurai.isPending}
              onClick={() =>
                startMemurai.mutate({}, { onSuccess: (r) => (setMessage(r.message), refresh()) })
              }
            >
              {t('cache.startMemurai')}
            </button>
          </div>
        )}
        <section className="kpi-grid kpi-grid-4">
          <div className="kpi-card static">
            <span className="kpi-label">{t('cache.backend')}</span>
            <span className="kpi-value" data-testid="cache-backend">
              {t(`cache.backends.${d.backend}`)}
            </span>
            <span className="kpi-sub">
              {[d.address, d.serverVersion && `v${d.serverVersion}`].filter(Boolean).join(' · ') || '—'}
            </span>
          </div>
          <div className="kpi-card static">
            <span className="kpi-label">{t('cache.keys')}</span>
            <span className="kpi-value" data-testid="cache-key-count">
              {count(s.stats.keyCount)}
            </span>
            <span className="kpi-sub">{s.keyPrefix}</span>
          </div>
          <div className="kpi-card static">
            <span className="kpi-label">{t('cache.memory')}</span>
            <span className="kpi-value">
              {s.redisMemory ? s.redisMemory.usedMemoryHuman : bytes(s.stats.memoryBytes)}
            </span>
            <span className="kpi-sub">
              {s.redisMemory ? `max ${s.redisMemory.maxmemoryHuman} · ${s.redisMemory.maxmemoryPolicy}` : ' '}
            </span>
          </div>
          <div className="kpi-card static">
            <span className="kpi-label">{t('cache.hitRate')}</span>
            <span className="kpi-value">
              {s.stats.hitRate === null ? '—' : `${Math.round(s.stats.hitRate * 100)}%`}
            </span>
            <span className="kpi-sub">
              {t('cache.hitsMisses', { hits: count(s.stats.hits), misses: count(s.stats.misses) })}
            </span>
          </div>
        </section>
        <section className="card">
          <dl className="facts">
            <dt>{t('cache.why')}</dt>
            <dd data-testid="cache-reason">{d.reason}</dd>
            {s.firstTier && (
              <>
                <dt>{t('cache.firstTier')}</dt>
                <dd>✓</dd>
              </>
            )}
            {s.topology && (
              <>
                <dt>{t('cache.topology')}</dt>
                <dd data-testid="cache-topology">
                  {[
                    t(`cache.topologies.${s.topology.kind}`),
                    s.topology.masterName,
                    s.topology.seeds.join(', '),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </dd>
                <dt>{t('cache.answering')}</dt>
                <dd data-testid="cache-nodes">
                  {s.topology.nodes.map((n) => `${n.address} (${n.role})`).join(', ') || '—'}
                </dd>
                <dt>{t('cache.failovers')}</dt>
                <dd data-testid="cache-failovers">{count(s.topology.failovers)}</dd>
              </>
            )}
            {d.configErrors.length > 0 && (
              <>
                <dt>{t('cache.configErrors')}</dt>
                <dd>
                  <ul>
                    {d.configErrors.map((e) => (
                      <li key={e}>{e}</li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
          </dl>
        </section>
        <div className="grid-2">
          <section className="card">
            <h2 className="card-title">{t('cache.ttlTable')}</h2>
            <DataTable
              label={t('cache.ttlTable')}
              columns={ttlColumns(t)}
              rows={s.ttls}
              rowKey={(r) => r.resource}
            />
          </section>
          <section className="card">
            <h2 className="card-title">{t('cache.keyListing')}</h2>
            <QueryState query={keys}>
              {(page) => (
                <>
                  <DataTable
                    label={t('cache.keyListing')}
                    columns={keyColumns(t)}
                    rows={page.keys}
                    rowKey={(k) => k.key}
                    empty={t('cache.noKeys')}
                    maxHeight="420px"
                  />
                  {page.cursor !== null && keyCount < 1000 && (
                    <button type="button" className="btn btn-ghost" onClick={() => setKeyCount(1000)}>
                      {t('cache.loadMore')}
                    </button>
                  )}
                </>
              )}
            </QueryState>
          </section>
        </div>
      </>
    );
  };

  return (
    <>
      {header}
      <QueryState query={status}>{body}</QueryState>
    </>
  );
}

/** Environment variable names such as CACHE_TTL_OUTSTANDING may break after an underscore. */
function envVarName(name: string) {
  return name.split(/(?<=_)/).flatMap((part, i) => (i === 0 ? [part] : [<wbr key={i} />, part]));
}

function ttlColumns(t: T): Column<CacheTtlRow>[] {
  return [
    { id: 'resource', header: t('cache.resource'), kind: 'text', value: (r) => r.resource },
    {
      id: 'pattern',
      header: t('cache.pattern'),
      kind: 'text',
      value: (r) => r.pattern,
      render: (r) => <code>{r.pattern}</code>,
    },
    {
      id: 'ttl',
      header: t('cache.ttl'),
      kind: 'number',
      value: (r) => r.ttlSeconds,
      render: (r) => duration(r.ttlSeconds),
    },
    {
      id: 'env',
      header: t('cache.envVar'),
      kind: 'text',
      value: (r) => r.envVar,
      render: (r) => <code className="env-var">{envVarName(r.envVar)}</code>,
    },
  ];
}

function keyColumns(t: T): Column<CacheKeyEntry>[] {
  return [
    {
      id: 'key',
      header: t('cache.key'),
      kind: 'text',
      value: (k) => k.key,
      render: (k) => <code className="key">{k.key}</code>,
    },
    {
      id: 'ttl',
      header: t('cache.ttlLeft'),
      kind: 'number',
      value: (k) => k.ttlMs,
      render: (k) => (k.ttlMs === null ? '—' : duration(k.ttlMs / 1000)),
      width: '130px',
    },
  ];
}
