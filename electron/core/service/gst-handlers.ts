import type { Store } from '../db/store';
import { withDatabaseErrors } from '../db/sqlite-errors';
import { gstr1Answer, gstr2bRecoAnswer, gstr3bAnswer } from '../gst/returns';
import type { PartialHandlerMap } from './types';

export type GstOperation = 'gst.gstr1' | 'gst.gstr3b' | 'gst.gstr2bReco';

/**
 * GST operations (read-only): the company looked up, its month's returns computed from the store. Not
 * cached: each is one pass over a month's vouchers. A damaged database surfaces as a DATABASE error.
 */
export function gstHandlers(deps: { store: Store }): PartialHandlerMap<GstOperation> {
  const { store } = deps;
  const guarded = <T>(work: () => T): T => withDatabaseErrors(store.path, work);
  return {
    'gst.gstr1': async (input) =>
      guarded(() => gstr1Answer(store.db, store.requireCompany(input.companyGuid), input.month)),
    'gst.gstr3b': async (input) =>
      guarded(() => gstr3bAnswer(store.db, store.requireCompany(input.companyGuid), input.month)),
    'gst.gstr2bReco': async (input) =>
      guarded(() =>
        gstr2bRecoAnswer(store.db, store.requireCompany(input.companyGuid), input.month, input.gstr2b),
      ),
  };
}
