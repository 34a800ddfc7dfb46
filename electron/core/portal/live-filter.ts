import type { AppEventName, AppEvents } from '../../../shared/contract';
import type { PortalUser } from '../../../shared/types/portal';
import { canSeeCompany } from './access';

/**
 * What of an event a portal user may see: events about companies they cannot see are dropped, a sync
 * summary keeps only their companies' results, and instance-internal events (cache) go to partners
 * only. Returns null to drop the event. The desktop owner (null) sees everything.
 */
export function eventForUser<E extends AppEventName>(
  user: PortalUser | null,
  event: E,
  payload: AppEvents[E],
): AppEvents[E] | null {
  if (user === null || user.role === 'owner') return payload;
  switch (event) {
    case 'sync.progress':
    case 'sync.failed':
    case 'books.changed': {
      const guid = (payload as { companyGuid: string | null }).companyGuid;
      return guid === null || canSeeCompany(user, guid) ? payload : null;
    }
    case 'sync.finished': {
      const finished = payload as AppEvents['sync.finished'];
      const results = finished.results.filter((r) => canSeeCompany(user, r.companyGuid));
      return results.length ? ({ ...finished, results } as AppEvents[E]) : null;
    }
    default:
      return null;
  }
}
