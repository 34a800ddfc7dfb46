import { createDispatcher } from '../../../electron/core/service/dispatch';
import type { CallContext, HandlerMap } from '../../../electron/core/service/types';
import { AppError } from '../../../shared/errors';

// Input is checked before any handler runs; the handlers here only answer the NOT_FOUND case.
const handlers = {
  'trialBalance.get': async () => {
    throw new AppError(
      'NOT_FOUND',
      'No company with GUID "x"',
      { companyGuid: 'x' },
      {
        reason: 'unknownCompany',
        params: { guid: 'x' },
      },
    );
  },
} as unknown as HandlerMap;
const dispatch = createDispatcher(handlers);
const context = {} as CallContext;

describe('errors carry a reason the screens translate', () => {
  it('names a malformed date with its field and value', async () => {
    const answer = await dispatch(
      'trialBalance.get',
      { companyGuid: 'c', from: '2025-02-31', to: '2025-03-31' },
      context,
    );
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error).toMatchObject({
      code: 'VALIDATION',
      reason: 'badDate',
      params: { field: 'from', value: '2025-02-31' },
    });
  });

  it('names a reversed range with both dates, never rewriting it', async () => {
    const answer = await dispatch(
      'trialBalance.get',
      { companyGuid: 'c', from: '2025-06-30', to: '2025-04-01' },
      context,
    );
    if (answer.ok) throw new Error('a reversed range must be refused');
    expect(answer.error).toMatchObject({
      reason: 'reversedRange',
      params: { from: '2025-06-30', to: '2025-04-01' },
    });
  });

  it('names a financial year that is not one', async () => {
    const answer = await dispatch('dashboard.get', { companyGuid: 'c', fy: '2025-27' }, context);
    if (answer.ok) throw new Error('a bad year must be refused');
    expect(answer.error).toMatchObject({ reason: 'badYear', params: { field: 'fy', value: '2025-27' } });
  });

  it('keeps a thrown reason through the envelope', async () => {
    const answer = await dispatch(
      'trialBalance.get',
      { companyGuid: 'x', from: '2025-04-01', to: '2025-06-30' },
      context,
    );
    if (answer.ok) throw new Error('an unknown company must be refused');
    expect(answer.error).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'unknownCompany',
      params: { guid: 'x' },
    });
    expect(AppError.fromInfo(answer.error).toInfo()).toEqual(answer.error);
  });
});
