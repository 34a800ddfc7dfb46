import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { CompanySummary } from '../../../../shared/types/reports';
import type { TallyConnectionInfo } from '../../../../shared/types/sync';
import { useBridge } from '../../bridge/context';
import { useOperation, useOperationMutation, OperationError } from '../../data/client';
import { count, date, dateTime } from '../../lib/format';
import { buildHash } from '../../lib/route';
import { useDiagnostics } from '../../lib/diagnostics';
import { useAppState } from '../../state';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, Loading } from '../../components/States';
import { SyncProgressBar, useSyncProgress } from '../../components/SyncProgressBar';
import { LiveSwitch } from '../../components/LiveMode';
import { parseIndianDate } from '../../components/DateInput';

/** "07-12-2026 01:49 am": the date and the time both in India time, whatever the PC clock's zone. */
export function formatWhen(iso: string | null, never: string): string {
  return iso ? dateTime(iso) : never;
}

function ConnectCard({ onSynced }: { onSynced: () => void }) {
  const { t } = useTranslation();
  const settings = useOperation('settings.get', {});
  const test = useOperationMutation('tally.testConnection');
  const sync = useOperationMutation('sync.start');
  const [host, setHost] = useState<string | null>(null);
  const [port, setPort] = useState<string | null>(null);
  const [result, setResult] = useState<TallyConnectionInfo | null>(null);
  const hostValue = host ?? settings.data?.tallyHost ?? 'localhost';
  const portValue = port ?? String(settings.data?.tallyPort ?? 9000);

  const saveAddress = useOperationMutation('settings.update');
  // Sync uses the saved address; a host or port typed here is saved first so the two never disagree.
  const syncAll = () => {
    const changed =
      settings.data &&
      (hostValue !== settings.data.tallyHost || Number(portValue) !== settings.data.tallyPort);
    const start = () => sync.mutate({}, { onSuccess: onSynced });
    if (!changed) return start();
    saveAddress.mutate(
      { tallyHost: hostValue, tallyPort: Number(portValue) },
      {
        onSuccess: () => {
          void settings.refetch();
          start();
        },
      },
    );
  };

  const onTest = (e: FormEvent) => {
    e.preventDefault();
    test.mutate({ host: hostValue, port: Number(portValue) }, { onSuccess: setResult });
  };
  return (
    <section className="card connect-card">
      <h2 className="card-title">{t('companies.connect')}</h2>
      <p className="hint">{t('companies.connectHint')}</p>
      <form className="inline-form" onSubmit={onTest}>
        <label className="field">
          <span>{t('companies.host')}</span>
          <input
            value={hostValue}
            onChange={(e) => setHost(e.target.value)}
            name="host"
            data-testid="tally-host"
          />
        </label>
        <label className="field field-narrow">
          <span>{t('companies.port')}</span>
          <input
            value={portValue}
            onChange={(e) => setPort(e.target.value)}
            inputMode="numeric"
            name="port"
            data-testid="tally-port"
          />
        </label>
        <button type="submit" className="btn" disabled={test.isPending} data-testid="tally-test">
          {test.isPending ? t('companies.testing') : t('companies.test')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={sync.isPending || saveAddress.isPending}
          data-testid="sync-all"
          onClick={syncAll}
        >
          ⟳ {sync.isPending ? t('companies.syncing') : t('companies.syncAll')}
        </button>
      </form>
      {test.error && <ErrorState title={t('companies.connectFailed')} error={test.error} />}
      {sync.error && <ErrorState title={t('companies.syncFailed')} error={sync.error} />}
      {saveAddress.error && <ErrorState error={saveAddress.error} />}
      {result && (
        <div
          className={result.reachable ? 'notice notice-good' : 'notice notice-bad'}
          role="status"
          data-testid="tally-result"
        >
          {result.message}
          {result.companies.length > 0 && (
            <ul className="plain-list">
              {result.companies.map((c) => (
                <li key={c.guid}>{c.name}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

function ImportCard({ onImported }: { onImported: (message: string) => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<OperationError | null>(null);

  const importPaths = async (paths: string[]) => {
    const envelope = await bridge.invoke('import.files', { paths });
    if (!envelope.ok) throw new OperationError(envelope.error);
    onImported(
      t('companies.imported', { count: envelope.data.vouchersWritten, company: envelope.data.companyName }),
    );
  };
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(
        e instanceof OperationError ? e : new OperationError({ code: 'INTERNAL', message: String(e) }),
      );
    } finally {
      setBusy(false);
    }
  };
  const onChoose = () => {
    if (bridge.pickFiles) {
      const pick = bridge.pickFiles;
      void run(async () => {
        const paths = await pick();
        if (paths.length > 0) await importPaths(paths);
      });
    } else {
      input.current?.click();
    }
  };
  const onFiles = (files: FileList | null) => {
    const upload = bridge.upload;
    if (!files || files.length === 0 || !upload) return;
    void run(async () => {
      const paths: string[] = [];
      for (const file of Array.from(files)) {
        const envelope = await upload(file);
        if (!envelope.ok) throw new OperationError(envelope.error);
        paths.push(envelope.data.path);
      }
      await importPaths(paths);
    });
    if (input.current) input.current.value = '';
  };
  return (
    <section className="card">
      <h2 className="card-title">{t('companies.import')}</h2>
      <p className="hint">{t('companies.importHint')}</p>
      <input
        ref={input}
        type="file"
        accept=".xml,text/xml,application/xml"
        multiple
        hidden
        onChange={(e) => onFiles(e.target.files)}
        data-testid="import-input"
      />
      <button type="button" className="btn" onClick={onChoose} disabled={busy} data-testid="import-button">
        {busy ? t('companies.importing') : t('companies.import')}
      </button>
      {error && <ErrorState title={t('companies.importFailed')} error={error} />}
    </section>
  );
}

/** "January" in the UI language, for a financial year that does not start in April. */
function monthName(month: number, language: string): string {
  const d = new Date(Date.UTC(2000, month - 1, 1));
  return new Intl.DateTimeFormat(`${language}-IN`, { month: 'long', timeZone: 'UTC' }).format(d);
}

/**
 * The company's books-from date and where it came from. An imported company's date may be an estimate
 * (the start of the first voucher's financial year), so the accountant can correct it here; a company
 * synced from Tally takes the date Tally gives.
 */
function BooksFrom({ company }: { company: CompanySummary }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const save = useOperationMutation('company.setBooksFrom');
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const change = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const id = useId();
  const canChange = company.source !== 'tally';
  const estimated = company.booksFromSource === 'estimated';

  useEffect(() => {
    if (editing) input.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      change.current?.focus();
    }
  }, [editing]);

  const open = () => {
    save.reset();
    setValue(company.booksFrom ? date(company.booksFrom) : '');
    setEditing(true);
  };
  const close = () => {
    returnFocus.current = true;
    save.reset();
    setEditing(false);
  };
  // Saving the same date is allowed: it confirms an estimate (the date becomes "set by you").
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    // Typed DD-MM-YYYY as Indian accountants write dates (a native picker shows MM/DD/YYYY on en-US).
    const booksFrom = parseIndianDate(value);
    if (booksFrom === null || save.isPending) return;
    save.mutate(
      { companyGuid: company.guid, booksFrom },
      {
        onSuccess: () => {
          returnFocus.current = true;
          setEditing(false);
          // The date moves the financial years every report counts from: refresh them all.
          void client.invalidateQueries();
        },
      },
    );
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };

  // The demo's books are made up here, not read from Tally: it says so rather than "from Tally".
  const sourceNote =
    company.source === 'demo' && company.booksFromSource === 'tally'
      ? t('companies.books.source.demo')
      : company.booksFromSource === 'tally'
        ? t('companies.books.source.tally')
        : company.booksFromSource === 'file'
          ? t('companies.books.source.file')
          : company.booksFromSource === 'estimated'
            ? t('companies.books.source.estimated')
            : company.booksFromSource === 'user'
              ? t('companies.books.source.user')
              : null;

  return (
    <div className="company-books" data-testid="books-from">
      <div className="company-books-line">
        <span>
          {t('companies.books.from')}:{' '}
          <strong data-testid="books-from-date">
            {company.booksFrom ? date(company.booksFrom) : t('companies.books.notKnown')}
          </strong>
        </span>
        {sourceNote && (
          <span
            className={estimated ? 'pill pill-warn' : 'books-from-source'}
            data-testid="books-from-source"
          >
            {sourceNote}
          </span>
        )}
        {company.yearStartMonth !== 4 && (
          <span data-testid="year-starts">
            {t('companies.books.yearStarts')}: {monthName(company.yearStartMonth, i18n.language)}
          </span>
        )}
        {canChange && !editing && (
          <button
            ref={change}
            type="button"
            className="btn btn-small"
            aria-label={t('companies.books.changeLabel')}
            onClick={open}
            data-testid="books-from-change"
          >
            {t('companies.books.change')}
          </button>
        )}
      </div>
      {editing && (
        <form
          className="inline-form books-from-form"
          onSubmit={onSubmit}
          onKeyDown={onKeyDown}
          aria-label={t('companies.books.changeLabel')}
        >
          <label className="field">
            <span>{t('companies.books.from')}</span>
            <input
              ref={input}
              className={value && parseIndianDate(value) === null ? 'date-input invalid' : 'date-input'}
              placeholder="DD-MM-YYYY"
              inputMode="numeric"
              required
              aria-invalid={value !== '' && parseIndianDate(value) === null}
              value={value}
              onChange={(e) => setValue(e.target.value)}
              aria-describedby={`${id}-hint`}
              data-testid="books-from-input"
            />
          </label>
          <button
            type="submit"
            className="btn btn-primary"
            disabled={parseIndianDate(value) === null || save.isPending}
          >
            {save.isPending ? t('companies.books.saving') : t('companies.books.save')}
          </button>
          <button type="button" className="btn" onClick={close}>
            {t('companies.books.cancel')}
          </button>
          <p className="hint books-from-hint" id={`${id}-hint`}>
            {t('companies.books.hint')}
          </p>
        </form>
      )}
      {editing && save.error && <ErrorState title={t('companies.books.failed')} error={save.error} />}
    </div>
  );
}

function CompanyCard({ company, syncing }: { company: CompanySummary; syncing: boolean }) {
  const { t } = useTranslation();
  const sync = useOperationMutation('sync.start');
  const diagnostics = useDiagnostics();
  const status = syncing ? 'syncing' : company.syncStatus;
  return (
    <article className="company-card" data-testid="company-card" data-guid={company.guid}>
      <div className="company-head">
        <div>
          <h2>{company.name}</h2>
          <div className="company-meta">
            <span className="tag">{t(`companies.source.${company.source}`)}</span>
            <span className={`pill pill-status-${status}`}>{t(`companies.status.${status}`)}</span>
            <span>
              {t('companies.lastSync')}: {formatWhen(company.lastSyncAt, t('companies.never'))}
            </span>
          </div>
        </div>
        <div className="company-actions">
          {company.source === 'tally' && (
            <button
              type="button"
              className="btn"
              disabled={sync.isPending || syncing}
              onClick={() => sync.mutate({ companyGuid: company.guid })}
            >
              ⟳ {t('companies.syncNow')}
            </button>
          )}
          <a className="btn btn-primary" href={buildHash('dashboard', { c: company.guid })}>
            {t('companies.open')} →
          </a>
        </div>
      </div>
      <BooksFrom company={company} />
      {company.syncStatus === 'error' && company.syncError && (
        <div className="notice notice-bad" role="status" data-testid="company-sync-error">
          {t('companies.lastSyncFailed')}
          {/* The stored cause is the core's English; shown with Settings › Advanced › diagnostics on. */}
          {diagnostics && ` ${company.syncError}`}
        </div>
      )}
      {/* A failure the card does not show already (Tally unreachable, say: no company was touched). */}
      {sync.error && sync.error.message !== company.syncError && (
        <ErrorState title={t('companies.syncFailed')} error={sync.error} />
      )}
      <dl className="company-counts">
        <div>
          <dt>{t('companies.counts.ledgers')}</dt>
          <dd>{count(company.counts.ledgers)}</dd>
        </div>
        <div>
          <dt>{t('companies.counts.vouchers')}</dt>
          <dd data-testid="voucher-count">{count(company.counts.vouchers)}</dd>
        </div>
        <div>
          <dt>{t('companies.counts.bills')}</dt>
          <dd>{count(company.counts.bills)}</dd>
        </div>
        <div>
          <dt>{t('companies.counts.groups')}</dt>
          <dd>{count(company.counts.groups)}</dd>
        </div>
        <div>
          <dt>{t('companies.years')}</dt>
          <dd>{company.financialYears.length > 0 ? company.financialYears.join(', ') : '—'}</dd>
        </div>
      </dl>
    </article>
  );
}

export function Companies() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { companies, companiesLoading } = useAppState();
  const list = useOperation('companies.list', {});
  const demo = useOperationMutation('demo.load');
  const cancel = useOperationMutation('sync.cancel');
  const { progress, running } = useSyncProgress();
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => void client.invalidateQueries();

  return (
    <>
      <PageHeader title={t('companies.title')} subtitle={t('companies.subtitle')} />
      {companies.length > 0 && <LiveSwitch />}
      {progress && <SyncProgressBar progress={progress} onCancel={() => cancel.mutate({})} />}
      {notice && (
        <div className="notice notice-good" role="status">
          {notice}
        </div>
      )}
      {companiesLoading ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : companies.length === 0 ? (
        <section className="card hero-empty" data-testid="companies-empty">
          <h2>{t('companies.empty')}</h2>
          <p>{t('companies.emptyHint')}</p>
          <button
            type="button"
            className="btn btn-primary btn-large"
            disabled={demo.isPending}
            onClick={() => demo.mutate({}, { onSuccess: refresh })}
            data-testid="load-demo"
          >
            {demo.isPending ? t('companies.loadingDemo') : t('companies.loadDemo')}
          </button>
          {demo.error && <ErrorState error={demo.error} />}
        </section>
      ) : (
        <div className="company-list">
          {companies.map((c) => (
            <CompanyCard key={c.guid} company={c} syncing={running && progress?.companyGuid === c.guid} />
          ))}
        </div>
      )}
      <div className="grid-2">
        <ConnectCard onSynced={refresh} />
        <ImportCard
          onImported={(message) => {
            setNotice(message);
            refresh();
          }}
        />
      </div>
    </>
  );
}
