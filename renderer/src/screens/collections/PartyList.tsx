import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectionParty } from '../../../../shared/types/collections';
import type { CompanySummary } from '../../../../shared/types/reports';
import { useOperation } from '../../data/client';
import { date, dateTime } from '../../lib/format';
import { useAppState } from '../../state';
import { PageHeader, Toolbar } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { DataTable, type Column } from '../../components/DataTable';
import { ContactValue } from './ContactValue';
import {
  amountOf,
  chosenParties,
  encodeSelection,
  INITIAL_LIST,
  rememberedList,
  rememberList,
  selectionOf,
  type ChooseMode,
  type ListState,
} from './selection';
import { RunBanner } from './RunBanner';

type T = ReturnType<typeof useTranslation>['t'];

/**
 * The parties that owe the company, with the contacts reminders will use (TallyConnect's own marked as
 * such, missing ones said plainly), overdue, interest and the last reminder; chosen by overdue amount,
 * by group or by hand, then previewed.
 */
export function PartyList({ company, entry }: { company: CompanySummary; entry: string }) {
  const { t } = useTranslation();
  const { go } = useAppState();
  const query = useOperation('collections.parties', { companyGuid: company.guid });
  const [state, setState] = useState<ListState>(() => rememberedList(entry) ?? INITIAL_LIST);
  useEffect(() => rememberList(entry, state), [entry, state]);
  const parties = useMemo(() => query.data?.parties ?? [], [query.data]);
  const groups = useMemo(() => [...new Set(parties.map((p) => p.group))].sort(), [parties]);
  const chosen = useMemo(() => chosenParties(parties, state), [parties, state]);
  const chosenSet = useMemo(() => new Set(chosen.map((p) => p.ledgerGuid)), [chosen]);
  const shown = useMemo(() => {
    const base = state.mode === 'hand' ? parties : chosen;
    return state.withoutEmail ? base.filter((p) => p.contact.email === null) : base;
  }, [parties, chosen, state.mode, state.withoutEmail]);
  const selection = selectionOf(parties, state);
  const noEmail = chosen.filter((p) => p.contact.email === null);
  const noContact = noEmail.filter((p) => p.contact.mobile === null);
  const amountBad = state.mode === 'overdue' && amountOf(state.amount) === null;

  const set = (patch: Partial<ListState>) => setState((s) => ({ ...s, ...patch }));
  /** Ticking a party turns any choice into a choice by hand, starting from the parties it covered. */
  const toggle = (guid: string, on: boolean) =>
    setState((s) => {
      const ticked = new Set(
        s.mode === 'hand' ? s.ticked : chosenParties(parties, s).map((p) => p.ledgerGuid),
      );
      if (on) ticked.add(guid);
      else ticked.delete(guid);
      return { ...s, mode: 'hand', ticked };
    });

  const columns = columnsOf(t, company.guid, chosenSet, toggle);

  return (
    <>
      <PageHeader
        title={t('collections.title')}
        subtitle={query.data ? t('collections.subtitle', { date: date(query.data.asOn) }) : undefined}
      />
      <RunBanner companyGuid={company.guid} />
      <Toolbar>
        <div className="segmented" role="group" aria-label={t('collections.choose')}>
          <span className="segmented-label">{t('collections.choose')}</span>
          {(['overdue', 'group', 'hand'] as const satisfies readonly ChooseMode[]).map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={state.mode === m}
              className={state.mode === m ? 'active' : undefined}
              onClick={() =>
                set(
                  m === 'hand' && state.mode !== 'hand'
                    ? { mode: m, ticked: new Set(chosen.map((p) => p.ledgerGuid)) }
                    : { mode: m },
                )
              }
            >
              {t(`collections.modes.${m}`)}
            </button>
          ))}
        </div>
        {state.mode === 'overdue' && (
          <label className="topbar-field">
            <span>{t('collections.amount')}</span>
            <input
              className="coll-amount"
              inputMode="decimal"
              value={state.amount}
              onChange={(e) => set({ amount: e.target.value })}
              aria-invalid={amountBad}
              data-testid="overdue-above"
            />
          </label>
        )}
        {state.mode === 'group' && (
          <label className="topbar-field" title={t('collections.groupHint')}>
            <span>{t('collections.group')}</span>
            <select value={state.group} onChange={(e) => set({ group: e.target.value })} data-testid="group">
              <option value="">—</option>
              {groups.map((g) => (
                <option key={g} value={g}>
                  {g}
                </option>
              ))}
            </select>
          </label>
        )}
        {state.mode === 'hand' && (
          <button
            type="button"
            className="btn"
            onClick={() => set({ ticked: new Set([...state.ticked, ...shown.map((p) => p.ledgerGuid)]) })}
          >
            {t('collections.pickAll')}
          </button>
        )}
        {state.mode === 'hand' && (
          <button type="button" className="btn" onClick={() => set({ ticked: new Set() })}>
            {t('collections.pickNone')}
          </button>
        )}
        <label className="field-check coll-inline-check">
          <input
            type="checkbox"
            checked={state.withoutEmail}
            onChange={(e) => set({ withoutEmail: e.target.checked })}
            data-testid="without-email"
          />
          <span>{t('collections.showWithout')}</span>
        </label>
        <button
          type="button"
          className="btn btn-primary"
          disabled={selection === null || chosen.length === 0}
          onClick={() => selection && go('collections', { v: 'preview', s: encodeSelection(selection) })}
          data-testid="preview"
        >
          {t('collections.preview')}
        </button>
      </Toolbar>
      {amountBad && (
        <div className="notice notice-bad" role="alert">
          {t('collections.amountProblem')}
        </div>
      )}
      <QueryState query={query}>
        {(data) => (
          <>
            <div className="coll-summary" data-testid="chosen-summary">
              <strong>{t('collections.chosen', { count: chosen.length })}</strong>
              {noEmail.length > 0 && (
                <span className="coll-warn">
                  {' '}
                  · {t('collections.withoutContact', { count: noEmail.length })}
                </span>
              )}
              {noContact.length > 0 && (
                <span className="coll-warn">
                  {' '}
                  · {t('collections.withoutBoth', { count: noContact.length })}
                </span>
              )}
            </div>
            <DataTable
              label={t('collections.parties')}
              columns={columns}
              rows={shown}
              rowKey={(p) => p.ledgerGuid}
              onRowClick={(p) => go('collections', { p: p.ledgerGuid })}
              rowClassName={(p) => (p.excluded ? 'coll-row-excluded' : undefined)}
              empty={data.parties.length === 0 ? t('collections.empty') : t('collections.noneChosen')}
              initialSort={{ id: 'overdue', dir: 'desc' }}
            />
          </>
        )}
      </QueryState>
    </>
  );
}

function columnsOf(
  t: T,
  companyGuid: string,
  chosen: ReadonlySet<string>,
  toggle: (guid: string, on: boolean) => void,
): Column<CollectionParty>[] {
  return [
    {
      id: 'pick',
      header: '✓',
      kind: 'text',
      sortable: false,
      width: '34px',
      value: (p) => (chosen.has(p.ledgerGuid) ? '✓' : ''),
      render: (p) => (
        <input
          type="checkbox"
          checked={chosen.has(p.ledgerGuid)}
          aria-label={t('collections.pick', { party: p.name })}
          onClick={(e) => e.stopPropagation()}
          onKeyDown={(e) => e.stopPropagation()}
          onChange={(e) => toggle(p.ledgerGuid, e.target.checked)}
        />
      ),
    },
    {
      id: 'name',
      header: t('collections.party'),
      kind: 'text',
      minWidth: '180px',
      value: (p) => p.name,
      render: (p) => (
        <>
          {p.name}
          {p.excluded && <span className="tag tag-excluded">{t('collections.excluded')}</span>}
        </>
      ),
    },
    { id: 'group', header: t('collections.group'), kind: 'text', value: (p) => p.group },
    {
      id: 'email',
      header: t('collections.email'),
      kind: 'text',
      minWidth: '200px',
      value: (p) => p.contact.email?.value ?? '',
      render: (p) => (
        <ContactValue
          companyGuid={companyGuid}
          ledgerGuid={p.ledgerGuid}
          field="email"
          value={p.contact.email}
          tallyValue={p.contact.tallyEmail}
        />
      ),
    },
    {
      id: 'mobile',
      header: t('collections.mobile'),
      kind: 'text',
      value: (p) => p.contact.mobile?.value ?? '',
      render: (p) => (
        <ContactValue
          companyGuid={companyGuid}
          ledgerGuid={p.ledgerGuid}
          field="mobile"
          value={p.contact.mobile}
          tallyValue={p.contact.tallyMobile}
        />
      ),
    },
    { id: 'overdue', header: t('collections.overdue'), kind: 'money', value: (p) => p.overdue },
    { id: 'interest', header: t('collections.interest'), kind: 'money', value: (p) => p.interest },
    { id: 'total', header: t('collections.totalDue'), kind: 'money', value: (p) => p.totalDue },
    {
      id: 'last',
      header: t('collections.lastReminder'),
      kind: 'text',
      nowrap: true,
      value: (p) => p.lastReminderAt ?? '',
      render: (p) => (p.lastReminderAt ? dateTime(p.lastReminderAt) : t('collections.never')),
    },
  ];
}
