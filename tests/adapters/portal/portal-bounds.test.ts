import { TINY_GUID } from '../../core/db/fixtures';
import { call } from './harness';
import { startRealPortal, type RealPortal } from './real-core';

/**
 * Inputs the schemas accepted that crashed a report (issue 24 §3): a page number beyond any book and
 * dates outside what JavaScript dates hold. Each is VALIDATION naming the field; no portal user ever
 * sees a server-side message (file paths, SQLite codes).
 */
let p: RealPortal;
beforeAll(async () => {
  p = await startRealPortal();
}, 60_000);
afterAll(async () => {
  await p?.close();
});

const range = { companyGuid: TINY_GUID, from: '2025-04-01', to: '2026-03-31' };

describe('page bounds', () => {
  it.each([
    ['dayBook.get', { ...range, page: Number.MAX_SAFE_INTEGER }],
    ['dayBook.get', { ...range, page: 1_000_001 }],
    ['ledger.statement', { ...range, ledgerGuid: 'x', page: Number.MAX_SAFE_INTEGER, pageSize: 100 }],
  ])('%s with an absurd page is VALIDATION naming page, for staff and owner', async (op, input) => {
    for (const token of [p.staffToken, p.ownerToken]) {
      const answer = await call(p.url, op, input, token);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code: 'VALIDATION', details: { field: 'page' } });
      expect(JSON.stringify(answer.body)).not.toMatch(/tallyconnect\.db|datatype|SQLITE/i);
    }
  });

  it('still answers the last real page', async () => {
    const answer = await call(
      p.url,
      'dayBook.get',
      { ...range, page: 1_000_000, pageSize: 5000 },
      p.staffToken,
    );
    expect(answer.status).toBe(200);
  });
});

describe('date bounds', () => {
  it.each([
    ['dashboard.get', { companyGuid: TINY_GUID, fy: '9999-00' }, 'fy'],
    ['outstanding.get', { companyGuid: TINY_GUID, kind: 'receivable', asOn: '9999-12-31' }, 'asOn'],
    ['balanceSheet.get', { companyGuid: TINY_GUID, asOn: '1000-01-01' }, 'asOn'],
    ['trialBalance.get', { companyGuid: TINY_GUID, from: '1000-01-01', to: '9999-12-31' }, 'from'],
    [
      'ledgerMonthly.get',
      { companyGuid: TINY_GUID, ledgerGuid: 'x', from: '1000-01-01', to: '1000-12-31' },
      'from',
    ],
    ['profitLoss.get', { companyGuid: TINY_GUID, from: '2025-04-01', to: '2100-01-01' }, 'to'],
    [
      'bill.history',
      { companyGuid: TINY_GUID, ledgerGuid: 'x', billName: 'b', kind: 'payable', asOn: '0001-01-01' },
      'asOn',
    ],
  ])('%s with a date outside 1900–2099 is VALIDATION naming the field', async (op, input, field) => {
    for (const token of [p.staffToken, p.ownerToken]) {
      const answer = await call(p.url, op, input, token);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code: 'VALIDATION', details: { field } });
      expect(answer.body.error?.message).toContain(field);
    }
  });

  it('accepts the edges of the range', async () => {
    const edge = await call(
      p.url,
      'trialBalance.get',
      { companyGuid: TINY_GUID, from: '1900-01-01', to: '2099-12-31' },
      p.staffToken,
    );
    expect(edge.status).toBe(200);
    const fy = await call(p.url, 'dashboard.get', { companyGuid: TINY_GUID, fy: '2098-99' }, p.staffToken);
    expect(fy.status).toBe(200);
  });
});

describe('text that is not valid Unicode', () => {
  // Found by the contract fuzz (seed 1298341118): JSON can carry a lone surrogate ("\ud800"); the cache
  // and the database could not, and answered 500.
  it.each([
    ['cache.clearCompany', { companyGuid: '\ud800' }, 'companyGuid'],
    [
      'bill.history',
      { companyGuid: TINY_GUID, ledgerGuid: '\ud800', billName: 'P1', kind: 'payable', asOn: '2025-04-26' },
      'ledgerGuid',
    ],
    ['dayBook.get', { ...range, search: 'ok \udc00 then' }, 'search'],
  ])('%s with a lone surrogate is VALIDATION naming the field', async (op, input, field) => {
    const answer = await call(p.url, op, input, p.ownerToken);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'VALIDATION', details: { field } });
  });
});

describe('server-side failures reach portal users as an error id only', () => {
  it('a DATABASE failure is INTERNAL with an id for a portal user, the detail in the log', async () => {
    const original = p.core.store.db.prepare.bind(p.core.store.db);
    // The books become unreadable: every statement fails as SQLite would.
    p.core.store.db.prepare = (() => {
      throw Object.assign(new Error('SQLITE_MISMATCH: datatype mismatch in /secret/path/tallyconnect.db'), {
        code: 'SQLITE_MISMATCH',
      });
    }) as typeof p.core.store.db.prepare;
    try {
      const answer = await call(p.url, 'trialBalance.get', { ...range, from: '2024-04-01' }, p.staffToken);
      expect(answer.status).toBe(500);
      expect(answer.body.error?.code).toBe('INTERNAL');
      expect(JSON.stringify(answer.body)).not.toMatch(/tallyconnect\.db|datatype|SQLITE|damaged/i);
      const id = (answer.body.error as { details?: { errorId?: string } }).details?.errorId;
      expect(id).toMatch(/^[0-9a-f]{10}$/);
      expect(p.logged.some((l) => l.errorId === id && String(l.error).includes('datatype mismatch'))).toBe(
        true,
      );
    } finally {
      p.core.store.db.prepare = original;
    }
  });
});
