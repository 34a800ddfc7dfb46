import { useCallback, useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { AppEvents } from '../../../shared/contract';
import type { LiveStatus } from '../../../shared/types/live';
import { queryKeyOf, useAppEvent, useOperation } from './client';

/** Live mode's status, kept current by live.status events (no polling). */
export function useLiveStatus() {
  const client = useQueryClient();
  const query = useOperation('live.status', {});
  const onStatus = useCallback(
    (status: LiveStatus) => client.setQueryData(queryKeyOf('live.status', {}), status),
    [client],
  );
  useAppEvent('live.status', onStatus);
  return query;
}

/** How long "updated just now" stays before it turns into "updated at 14:03". */
export const JUST_NOW_MS = 60_000;

/**
 * When this window last saw the company's books change (a live sync, a sync, an import), and
 * whether that was just now. Ages by itself, so the mark turns quiet without any event.
 */
export function useBooksUpdated(companyGuid: string | undefined): { at: number | null; justNow: boolean } {
  const [seen, setSeen] = useState<{ guid: string; at: number } | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const onChanged = useCallback(
    (event: AppEvents['books.changed']) => {
      if (event.companyGuid !== companyGuid) return;
      const at = Date.now();
      setSeen({ guid: event.companyGuid, at });
      setNow(at);
    },
    [companyGuid],
  );
  useAppEvent('books.changed', onChanged);
  const at = seen !== null && seen.guid === companyGuid ? seen.at : null;
  const justNow = at !== null && now - at < JUST_NOW_MS;
  useEffect(() => {
    if (!justNow || at === null) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, at + JUST_NOW_MS - Date.now()));
    return () => clearTimeout(timer);
  }, [at, justNow]);
  return { at, justNow };
}
