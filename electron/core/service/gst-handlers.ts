import type { Store } from '../db/store';
import { withDatabaseErrors } from '../db/sqlite-errors';
import {
  gstr1Answer,
  gstr1JsonAnswer,
  gstr2bRecoAnswer,
  gstr3bAnswer,
  gstVouchersAnswer,
} from '../gst/returns';
import type { PartialHandlerMap } from './types';

export type GstOperation = 'gst.gstr1' | 'gst.gstr1Json' | 'gst.gstr3b' | 'gst.vouchers' | 'gst.gstr2bReco';

/**
 * GST operations (read-only on the books): the company looked up, its period's returns from the GST month
 * summaries (gst/month-summaries.ts, recomputed for a month whose books changed). Not in the report cache:
 * the summaries are current by construction. A damaged database surfaces as a DATABASE error.
 */
export function gstHandlers(deps: { store: Store }): PartialHandlerMap<GstOperation> {
  const { store } = deps;
  const guarded = <T>(work: () => T): T => withDatabaseErrors(store.path, work);
  return {
    'gst.gstr1': async (input) =>
      guarded(() => gstr1Answer(store.db, store.requireCompany(input.companyGuid), input.month)),
    'gst.gstr1Json': async (input) =>
      guarded(() => gstr1JsonAnswer(store.db, store.requireCompany(input.companyGuid), input.month)),
    'gst.gstr3b': async (input) =>
      guarded(() => gstr3bAnswer(store.db, store.requireCompany(input.companyGuid), input.month)),
    'gst.vouchers': async (input) =>
      guarded(() =>
        gstVouchersAnswer(store.db, store.requireCompany(input.companyGuid), input.month, input.of, {
          offset: input.offset,
          limit: input.limit,
        }),
      ),
    'gst.gstr2bReco': async (input) =>
      guarded(() =>
        gstr2bRecoAnswer(store.db, store.requireCompany(input.companyGuid), input.month, input.gstr2b),
      ),
  };
}
