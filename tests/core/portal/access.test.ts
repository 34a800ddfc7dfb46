import type { AppEvents } from '../../../shared/contract';
import { assertAllowed, accessLevelOf } from '../../../electron/core/portal/access';
import { withPortalAccess } from '../../../electron/core/portal/guard';
import { eventForUser } from '../../../electron/core/portal/live-filter';
import type { CallContext, HandlerMap } from '../../../electron/core/service/types';
import { createDispatcher } from '../../../electron/core/service/dispatch';
import { OPERATION_NAMES } from '../../../shared/contract';
import type { PortalUser } from '../../../shared/types/portal';
import type { SyncProgress } from '../../../shared/types/sync';

const staff: PortalUser = {
  username: 'asha',
  displayName: 'Asha',
  role: 'staff',
  companies: ['g1'],
  disabled: false,
  createdAt: '2026-01-01T00:00:00Z',
};
const partner: PortalUser = { ...staff, username: 'ravi', role: 'owner', companies: [] };

const ctx = (user: PortalUser | null, sessionToken?: string): CallContext => ({
  caller: 'http',
  user,
  sessionToken,
});

/** A handler map whose every handler echoes its operation, so the guard can be tested alone. */
function echoHandlers(): HandlerMap {
  const map: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of OPERATION_NAMES) map[name] = async (input) => ({ op: name, input });
  map['companies.list'] = async () => ({
    data: [{ guid: 'g1' }, { guid: 'g2' }, { guid: 'g3' }],
    source: 'database',
    tookMs: 1,
  });
  return map as unknown as HandlerMap;
}

describe('portal access rules', () => {
  it('leaves the desktop owner unrestricted', () => {
    expect(() => assertAllowed(null, 'users.save', { companyGuid: 'any' })).not.toThrow();
  });

  it('refuses desktop-only operations and unlisted ones to every portal user', () => {
    for (const op of [
      'users.save',
      'users.list',
      'settings.update',
      'settings.get',
      'import.files',
      'company.delete',
      'cache.clearAll',
      'portal.status',
    ]) {
      expect(() => assertAllowed(partner, op, {})).toThrow(/only available on the TallyConnect desktop/);
    }
    expect(accessLevelOf('some.futureOperation')).toBe('desktop');
  });

  it('keeps partner operations from staff', () => {
    expect(() => assertAllowed(staff, 'sync.start', {})).toThrow(/partner/);
    expect(() => assertAllowed(partner, 'sync.start', {})).not.toThrow();
    expect(() => assertAllowed(staff, 'sessions.active', {})).toThrow(/partner/);
  });

  it('refuses a company the user may not see, on every company-scoped operation', () => {
    expect(() => assertAllowed(staff, 'dashboard.get', { companyGuid: 'g1', fy: '2025-26' })).not.toThrow();
    for (const op of [
      'dashboard.get',
      'ledger.statement',
      'dayBook.get',
      'voucher.get',
      'balanceSheet.get',
      'groupSummary.get',
      'ledgerMonthly.get',
      'outstanding.get',
      'ledgers.search',
    ]) {
      expect(() => assertAllowed(staff, op, { companyGuid: 'g2' })).toThrow(
        /do not have access to company g2/,
      );
    }
    expect(() => assertAllowed(partner, 'dashboard.get', { companyGuid: 'g2' })).not.toThrow();
    // Report operations are open to staff for their own companies.
    expect(() => assertAllowed(staff, 'voucher.get', { companyGuid: 'g1', voucherGuid: 'v' })).not.toThrow();
  });
});

describe('handler guard (through the dispatcher)', () => {
  it('answers FORBIDDEN for a forbidden company and never runs the handler', async () => {
    const handlers = echoHandlers();
    const spy = vi.spyOn(handlers, 'dashboard.get');
    const dispatch = createDispatcher(withPortalAccess(handlers));
    const denied = await dispatch('dashboard.get', { companyGuid: 'g2', fy: '2025-26' }, ctx(staff));
    expect(denied).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { companyGuid: 'g2' } } });
    expect(spy).not.toHaveBeenCalled();
    const allowed = await dispatch('dashboard.get', { companyGuid: 'g1', fy: '2025-26' }, ctx(staff));
    expect(allowed.ok).toBe(true);
  });

  it('filters the company list to the user’s companies', async () => {
    const dispatch = createDispatcher(withPortalAccess(echoHandlers()));
    const forStaff = await dispatch('companies.list', {}, ctx(staff));
    expect(forStaff.ok && (forStaff.data as { data: { guid: string }[] }).data.map((c) => c.guid)).toEqual([
      'g1',
    ]);
    const forPartner = await dispatch('companies.list', {}, ctx(partner));
    expect(forPartner.ok && (forPartner.data as { data: unknown[] }).data).toHaveLength(3);
    const forOwner = await dispatch('companies.list', {}, ctx(null));
    expect(forOwner.ok && (forOwner.data as { data: unknown[] }).data).toHaveLength(3);
  });

  it('notes the company a session looks at, and survives a failing note', async () => {
    const noted: string[] = [];
    const dispatch = createDispatcher(
      withPortalAccess(echoHandlers(), {
        noteCompany: async (token, guid) => {
          noted.push(`${token}:${guid}`);
          if (guid === 'g1' && noted.length > 1) throw new Error('store down');
        },
      }),
    );
    await dispatch('dashboard.get', { companyGuid: 'g1', fy: '2025-26' }, ctx(staff, 'tok'));
    const second = await dispatch('dashboard.get', { companyGuid: 'g1', fy: '2025-26' }, ctx(staff, 'tok'));
    expect(noted).toEqual(['tok:g1', 'tok:g1']);
    expect(second.ok).toBe(true);
  });
});

describe('live events per user', () => {
  const progress = (companyGuid: string | null) => ({
    runId: 'r',
    companyGuid,
    companyName: null,
    phase: 'vouchers' as const,
    done: 1,
    total: 2,
    rate: null,
    etaSeconds: null,
    message: '',
  });

  it('drops events about companies the user cannot see', () => {
    expect(eventForUser(staff, 'books.changed', { companyGuid: 'g2', dataVersion: 3 })).toBeNull();
    expect(eventForUser(staff, 'books.changed', { companyGuid: 'g1', dataVersion: 3 })).not.toBeNull();
    expect(eventForUser(staff, 'sync.progress', progress('g2'))).toBeNull();
    expect(eventForUser(staff, 'sync.progress', progress('g1'))).not.toBeNull();
    expect(eventForUser(partner, 'sync.progress', progress('g2'))).not.toBeNull();
    expect(eventForUser(staff, 'cache.cleared', { scope: 'all', companyGuid: null, deleted: 1 })).toBeNull();
  });

  it("sends a reminder run's progress to staff only where the owner lets them use collections", () => {
    const progress: AppEvents['collections.progress'] = {
      companyGuid: 'g1',
      runId: 'run-1',
      event: { type: 'started', total: 2 },
    };
    const allowed = { staffMayCollect: (guid: string) => guid === 'g1' };
    const refused = { staffMayCollect: () => false };
    expect(eventForUser(staff, 'collections.progress', progress, allowed)).not.toBeNull();
    expect(eventForUser(staff, 'collections.progress', progress, refused)).toBeNull();
    expect(eventForUser(staff, 'collections.progress', progress)).toBeNull();
    expect(
      eventForUser(staff, 'collections.progress', { ...progress, companyGuid: 'g2' }, allowed),
    ).toBeNull();
    expect(eventForUser(partner, 'collections.progress', progress)).not.toBeNull();
  });

  it('drops progress and failures that name no company for staff, not for partners', () => {
    // "Reading company list", an import before its company is known: the message can name any company.
    const early = { ...progress(null), message: 'Reading Secret Traders Pvt Ltd' };
    expect(eventForUser(staff, 'sync.progress', early)).toBeNull();
    expect(eventForUser(partner, 'sync.progress', early)).toEqual(early);
    expect(eventForUser(null, 'sync.progress', early)).toEqual(early);
    const failed = {
      runId: 'r',
      companyGuid: null,
      error: { code: 'TALLY_ERROR' as const, message: 'Secret Traders: no answer' },
    };
    expect(eventForUser(staff, 'sync.failed', failed)).toBeNull();
    expect(eventForUser(staff, 'sync.failed', { ...failed, companyGuid: 'g2' })).toBeNull();
    expect(eventForUser(staff, 'sync.failed', { ...failed, companyGuid: 'g1' })).not.toBeNull();
    expect(eventForUser(partner, 'sync.failed', failed)).not.toBeNull();
  });

  it('filters sync.status to the user’s companies (the guard, for every caller)', async () => {
    let current: { running: boolean; progress: SyncProgress | null } = {
      running: true,
      progress: { ...progress('g2'), companyName: 'Two Traders' },
    };
    const handlers = { ...echoHandlers(), 'sync.status': async () => current } as unknown as HandlerMap;
    const dispatch = createDispatcher(withPortalAccess(handlers));
    const statusFor = async (user: PortalUser | null) => {
      const answer = await dispatch('sync.status', {}, ctx(user, 'tok'));
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.data;
    };
    expect(await statusFor(staff)).toEqual({ running: true, progress: null });
    expect((await statusFor(partner)).progress?.companyGuid).toBe('g2');
    expect((await statusFor(null)).progress?.companyGuid).toBe('g2');
    current = { running: true, progress: progress(null) };
    expect(await statusFor(staff)).toEqual({ running: true, progress: null });
    current = { running: true, progress: progress('g1') };
    expect((await statusFor(staff)).progress?.companyGuid).toBe('g1');
  });

  it('keeps only the user’s companies in a sync summary', () => {
    const result = (companyGuid: string) => ({
      runId: 'r',
      companyGuid,
      companyName: companyGuid,
      kind: 'incremental' as const,
      vouchersWritten: 1,
      vouchersDeleted: 0,
      mastersWritten: 0,
      tookMs: 1,
    });
    const filtered = eventForUser(staff, 'sync.finished', {
      runId: 'r',
      results: [result('g1'), result('g2')],
    });
    expect(filtered?.results.map((r) => r.companyGuid)).toEqual(['g1']);
    expect(eventForUser(staff, 'sync.finished', { runId: 'r', results: [result('g2')] })).toBeNull();
  });
});
