import type { OperationName } from '../../../shared/contract';
import type { CompanySummary, Served } from '../../../shared/types/reports';
import type { CallContext, HandlerMap } from '../../../shared/types/handlers';
import { type AccessPolicy, assertAllowed, canSeeCompany, companyOf } from './access';
import { syncStatusForUser } from './live-filter';

type AnyHandler = (input: unknown, context: CallContext) => Promise<unknown>;

/**
 * Wraps every handler with the portal access check, so no company-scoped operation can forget it:
 * the check runs after input validation (the dispatcher's) and before the handler. It also filters the
 * answers that can name other companies (the company list, the sync status) down to the user's
 * companies and notes which company each session looks at.
 */
export function withPortalAccess(
  handlers: HandlerMap,
  options: {
    noteCompany?: (token: string, companyGuid: string) => Promise<void>;
    /** The collections' staff permission (reminder settings); without it staff never may. */
    policy?: AccessPolicy;
  } = {},
): HandlerMap {
  const wrapped: Partial<Record<OperationName, AnyHandler>> = {};
  for (const name of Object.keys(handlers) as OperationName[]) {
    const inner = handlers[name] as AnyHandler;
    wrapped[name] = async (input, context) => {
      const user = context.user;
      if (user === null) return inner(input, context);
      assertAllowed(user, name, input, options.policy);
      const guid = companyOf(input);
      if (guid !== null && context.sessionToken && options.noteCompany) {
        // Activity tracking must never fail the user's request.
        await options.noteCompany(context.sessionToken, guid).catch(() => undefined);
      }
      const output = await inner(input, context);
      if (name === 'companies.list') {
        const served = output as Served<CompanySummary[]>;
        return { ...served, data: served.data.filter((c) => canSeeCompany(user, c.guid)) };
      }
      if (name === 'sync.status') {
        return syncStatusForUser(user, output as Parameters<typeof syncStatusForUser>[1]);
      }
      return output;
    };
  }
  return wrapped as HandlerMap;
}
