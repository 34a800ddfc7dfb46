import type { LiveNotice } from '../../shared/types/live';
import { formatInr } from '../../shared/money';

/** A live notice as an operating-system notification (title and one line), for when the window is hidden. */
export function liveNoticeText(notice: LiveNotice): { title: string; body: string } {
  const amount = formatInr(notice.amount);
  const body =
    notice.kind === 'receipt-from-overdue-party'
      ? `Receipt from ${notice.party}: ${amount} (still overdue: ${formatInr(notice.overdue ?? 0)})`
      : `Payment to ${notice.party}: ${amount}`;
  return { title: notice.companyName, body };
}
