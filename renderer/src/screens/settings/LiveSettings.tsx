import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { LIVE_INTERVAL_SECONDS } from '../../../../shared/contract/live';
import { paiseToDecimalString, parseRupees } from '../../../../shared/money';
import type { LiveStatus } from '../../../../shared/types/live';
import { queryKeyOf, useOperationMutation } from '../../data/client';
import { useLiveStatus } from '../../data/live';
import { lastChangeText, liveStateText } from '../../components/LiveMode';

interface Draft {
  enabled: boolean;
  interval: string;
  receipts: boolean;
  paymentsAbove: string;
}

const toDraft = (s: LiveStatus): Draft => ({
  enabled: s.enabled,
  interval: String(s.intervalSeconds),
  receipts: s.notifications.receiptsFromOverdueParties,
  paymentsAbove:
    s.notifications.paymentsAbovePaise === 0 ? '0' : paiseToDecimalString(s.notifications.paymentsAbovePaise),
});

/** Settings › Live books: on/off, how often Tally is asked, and the optional notifications. */
export function LiveSettings() {
  const status = useLiveStatus();
  // Portal users cannot read live mode (desktop only): the section is left out for them.
  if (!status.data) return null;
  return <LiveSettingsForm status={status.data} />;
}

function LiveSettingsForm({ status }: { status: LiveStatus }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useOperationMutation('live.set');
  const [draft, setDraft] = useState<Draft>(() => toDraft(status));
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSaved(false);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const interval = Number(draft.interval);
    const { min, max } = LIVE_INTERVAL_SECONDS;
    if (!Number.isInteger(interval) || interval < min || interval > max) {
      setProblem(t('settings.invalidNumber', { field: t('live.interval'), min, max }));
      return;
    }
    let paymentsAbovePaise: number;
    try {
      paymentsAbovePaise = parseRupees(draft.paymentsAbove.trim() === '' ? '0' : draft.paymentsAbove);
      if (paymentsAbovePaise < 0) throw new RangeError('negative');
    } catch {
      setProblem(t('live.badAmount'));
      return;
    }
    setProblem(null);
    save.mutate(
      {
        enabled: draft.enabled,
        intervalSeconds: interval,
        notifications: { receiptsFromOverdueParties: draft.receipts, paymentsAbovePaise },
      },
      {
        onSuccess: (next) => {
          setSaved(true);
          client.setQueryData(queryKeyOf('live.status', {}), next);
        },
      },
    );
  };

  return (
    <form className="settings" onSubmit={onSubmit} noValidate data-testid="live-settings">
      <fieldset className="card">
        <legend>{t('live.title')}</legend>
        <p className="muted">{t('live.hint')}</p>
        <div className="form-grid">
          <label className="field field-check">
            <input
              type="checkbox"
              checked={draft.enabled}
              onChange={(e) => set({ enabled: e.target.checked })}
              name="liveEnabled"
            />
            <span>{t('live.toggle')}</span>
          </label>
          <label className="field">
            <span>{t('live.interval')}</span>
            <input
              inputMode="numeric"
              value={draft.interval}
              onChange={(e) => set({ interval: e.target.value })}
              name="liveInterval"
            />
            <small>{t('live.intervalHint')}</small>
          </label>
        </div>
        <p className="live-card-status" data-testid="live-settings-status">
          {liveStateText(status, t)} · {lastChangeText(status, t)}
        </p>
        <h3>{t('live.notifications')}</h3>
        <div className="form-grid">
          <label className="field field-check">
            <input
              type="checkbox"
              checked={draft.receipts}
              onChange={(e) => set({ receipts: e.target.checked })}
              name="liveNotifyReceipts"
            />
            <span>{t('live.notifyReceipts')}</span>
          </label>
          <label className="field">
            <span>{t('live.notifyPayments')}</span>
            <input
              inputMode="decimal"
              value={draft.paymentsAbove}
              onChange={(e) => set({ paymentsAbove: e.target.value })}
              name="liveNotifyPayments"
            />
            <small>{t('live.notifyPaymentsHint')}</small>
          </label>
        </div>
        {problem && <div className="notice notice-bad">{problem}</div>}
        {save.error && <div className="notice notice-bad">{save.error.message}</div>}
        {saved && <div className="notice notice-good">{t('settings.saved')}</div>}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {t('live.save')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
