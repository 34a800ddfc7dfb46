import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { LiveStatus } from '../../../shared/types/live';
import { queryKeyOf, useOperationMutation } from '../data/client';
import { useBooksUpdated, useLiveStatus } from '../data/live';
import { indiaDateOf, todayInIndia, type Instant } from '../../../shared/dates';
import { clockTime, date } from '../lib/format';

/** "Watching Tally", "Paused: Tally is closed", "Checking every 15 s (on battery)". */
export function liveStateText(status: LiveStatus, t: TFunction): string {
  if (!status.enabled) return t('live.state.off');
  if (status.state === 'paused' && status.pausedBecause) return t(`live.paused.${status.pausedBecause}`);
  const state = t(`live.state.${status.state}`);
  if (status.slowdowns.length === 0) return state;
  const why = status.slowdowns.map((s) => t(`live.slow.${s}`)).join(', ');
  return `${state} · ${t('live.slowerNow', { seconds: Math.round(status.currentIntervalMs / 1000), why })}`;
}

/** "Last change seen at 14:03" (with the date when it is not today), or that none was seen yet. */
export function lastChangeText(status: LiveStatus, t: TFunction, now: Instant = Date.now()): string {
  if (status.lastChangeAt === null) return t('live.noChangeYet');
  // Both the day and the time in India time (the timestamp is UTC).
  const day = indiaDateOf(status.lastChangeAt);
  const text =
    day === todayInIndia(now)
      ? clockTime(status.lastChangeAt)
      : `${date(day)} ${clockTime(status.lastChangeAt)}`;
  return t('live.lastChange', { when: text });
}

/**
 * The top bar's quiet mark: a dot while live mode watches Tally (its state in the tooltip) and
 * "updated just now" after the open company's books changed. Portal users, who cannot read live
 * mode's status, still get the "updated" mark.
 */
export function LiveIndicator({ companyGuid }: { companyGuid: string | undefined }) {
  const { t } = useTranslation();
  const status = useLiveStatus();
  const updated = useBooksUpdated(companyGuid);
  const live = status.data;
  return (
    <span className="live-indicator" data-testid="live-indicator">
      {live && (
        <span
          className={`live-dot live-${live.enabled ? live.state : 'off'}`}
          data-state={live.enabled ? live.state : 'off'}
          title={`${liveStateText(live, t)} · ${lastChangeText(live, t)}`}
          aria-label={liveStateText(live, t)}
          role="img"
        />
      )}
      {/* A dot says nothing by itself: its word stands beside it (the state in full in the tooltip). */}
      {live && (
        <span
          className={live.enabled && live.state !== 'paused' ? 'live-label' : 'live-label live-label-quiet'}
          data-testid="live-label"
        >
          {!live.enabled
            ? t('live.short.off')
            : live.state === 'paused'
              ? t('live.short.paused')
              : t('live.on')}
        </span>
      )}
      {updated.at !== null && (
        <span
          className={updated.justNow ? 'live-updated live-updated-now' : 'live-updated'}
          data-testid="live-updated"
          role="status"
        >
          {updated.justNow ? t('live.updatedJustNow') : t('live.updatedAt', { time: clockTime(updated.at) })}
        </span>
      )}
    </span>
  );
}

/** Live mode on or off (the same switch as in Settings and the tray), with its status. */
export function LiveSwitch() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const status = useLiveStatus();
  const set = useOperationMutation('live.set');
  const live = status.data;
  if (!live) return null;
  const toggle = () =>
    set.mutate(
      { enabled: !live.enabled },
      { onSuccess: (next) => client.setQueryData(queryKeyOf('live.status', {}), next) },
    );
  return (
    <section className="card live-card" data-testid="live-card">
      <label className="live-toggle">
        <input
          type="checkbox"
          checked={live.enabled}
          disabled={set.isPending}
          onChange={toggle}
          data-testid="live-toggle"
        />
        <strong>{t('live.toggle')}</strong>
      </label>
      <span
        className="live-card-status"
        data-testid="live-status"
        data-state={live.enabled ? live.state : 'off'}
      >
        {liveStateText(live, t)}
        {live.enabled && <> · {lastChangeText(live, t)}</>}
      </span>
      {set.error && <span className="notice notice-bad">{set.error.message}</span>}
    </section>
  );
}
