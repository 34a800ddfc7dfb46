import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveNotice } from '../../../shared/types/live';
import { useAppEvent } from '../data/client';
import { money } from '../lib/format';

/** How long a notice stays unless dismissed. */
const TOAST_MS = 12_000;
const MAX_TOASTS = 4;

/** Live notices (a receipt from a party with overdue bills, a large payment) as small toasts. */
export function LiveToasts() {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<(LiveNotice & { shownAt: number })[]>([]);
  const onNotice = useCallback((notice: LiveNotice) => {
    setToasts((list) =>
      [...list.filter((x) => x.voucherGuid !== notice.voucherGuid), { ...notice, shownAt: Date.now() }].slice(
        -MAX_TOASTS,
      ),
    );
  }, []);
  useAppEvent('live.notice', onNotice);
  const first = toasts[0];
  useEffect(() => {
    if (!first) return;
    const timer = setTimeout(
      () => setToasts((list) => list.filter((x) => x.voucherGuid !== first.voucherGuid)),
      Math.max(0, first.shownAt + TOAST_MS - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [first]);
  if (toasts.length === 0) return null;
  return (
    <div className="live-toasts no-print" aria-live="polite">
      {toasts.map((n) => (
        <div key={n.voucherGuid} className="live-toast" data-testid="live-toast" data-kind={n.kind}>
          <div>
            <strong>{n.companyName}</strong>
            <div>
              {n.kind === 'receipt-from-overdue-party'
                ? t('live.notice.receipt', {
                    party: n.party,
                    amount: money(n.amount),
                    overdue: money(n.overdue ?? 0),
                  })
                : t('live.notice.payment', { party: n.party, amount: money(n.amount) })}
            </div>
          </div>
          <button
            type="button"
            className="btn btn-ghost"
            aria-label={t('live.dismiss')}
            onClick={() => setToasts((list) => list.filter((x) => x.voucherGuid !== n.voucherGuid))}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
