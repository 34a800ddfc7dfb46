import type { CallContext } from '../../../shared/types/handlers';
import { accessLevelOf } from '../portal/access';

/**
 * Whether a caller may use a tool whose contract operation is `operation`: the desktop owner (the stdio
 * server, user null) every tool; a portal user (/mcp) only those whose operation the portal opens to
 * them (electron/core/portal/access.ts). A desktop-only operation (the GST returns) is neither listed nor
 * answered on the portal; the dispatcher's portal guard would refuse it anyway.
 */
export function toolOpenTo(call: CallContext, operation: string): boolean {
  const user = call.user;
  if (user === null) return true;
  const level = accessLevelOf(operation);
  return level === 'user' || (level === 'partner' && user.role === 'owner');
}
