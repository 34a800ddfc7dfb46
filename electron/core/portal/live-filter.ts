import type { AppEventName, AppEvents } from '../../../shared/contract';
import type { PortalUser } from '../../../shared/types/portal';
import { type AccessPolicy, canSeeCompany } from './access';

/**
 * What of an event a portal user may see: events about companies they cannot see are dropped, a sync
 * summary keeps only their companies' results, and instance-internal events (cache) go to partners
 * only. Returns null to drop the event. The desktop owner (null) sees everything.
 *
 * Staff see an event only when it names one of their companies: progress or a failure that names no
 * company yet (connecting, reading the company list, an import before its company is known) can carry
 * another company's name in its message, so it is dropped for them. A reminder run's progress goes to
 * staff only where the owner lets them use collections for that company (`policy`, as the operations).
 */
export function eventForUser<E extends AppEventName>(
  user: PortalUser | null,
  event: E,
  payload: AppEvents[E],
  policy?: AccessPolicy,
): AppEvents[E] | null {
  if (user === null || user.role === 'owner') return payload;
  switch (event) {
    case 'sync.progress':
    case 'sync.failed':
    case 'books.changed': {
      const guid = (payload as { companyGuid: string | null }).companyGuid;
      return guid !== null && canSeeCompany(user, guid) ? payload : null;
    }
    case 'sync.finished': {
      const finished = payload as AppEvents['sync.finished'];
      const results = finished.results.filter((r) => canSeeCompany(user, r.companyGuid));
      return results.length ? ({ ...finished, results } as AppEvents[E]) : null;
    }
    case 'collections.progress': {
      const guid = (payload as AppEvents['collections.progress']).companyGuid;
      return canSeeCompany(user, guid) && (policy?.staffMayCollect(guid) ?? false) ? payload : null;
    }
    default:
      return null;
  }
}

/**
 * What of `sync.status` a portal user may see: the progress only when it names one of their
 * companies (same rule as the sync.progress event). Whether some sync runs is not about a company
 * and stays visible.
 */
export function syncStatusForUser(
  user: PortalUser | null,
  status: { running: boolean; progress: AppEvents['sync.progress'] | null },
): { running: boolean; progress: AppEvents['sync.progress'] | null } {
  if (status.progress === null) return status;
  const progress = eventForUser(user, 'sync.progress', status.progress);
  return progress === status.progress ? status : { ...status, progress };
}
