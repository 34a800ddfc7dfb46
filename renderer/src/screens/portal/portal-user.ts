import { createContext, useContext } from 'react';
import type { PortalUser } from '../../../../shared/types/portal';
import type { Screen } from '../../lib/route';

/** The signed-in office-portal user, or null for the desktop owner (no sign-in). Set by PortalGate. */
export const PortalUserContext = createContext<PortalUser | null>(null);

export function usePortalUser(): PortalUser | null {
  return useContext(PortalUserContext);
}

/**
 * Screens whose operations only the desktop owner may call (the server answers FORBIDDEN otherwise): the
 * GST returns' operations are not open to the office portal (core/portal/access.ts).
 */
const DESKTOP_ONLY: ReadonlySet<Screen> = new Set<Screen>([
  'cache',
  'settings',
  'gstr1',
  'gstr3b',
  'gstr2b',
  'gstExceptions',
]);

/** Whether this screen is open to this user (null = desktop owner, who may open every screen). */
export function canOpenScreen(user: PortalUser | null, screen: Screen): boolean {
  return user === null || !DESKTOP_ONLY.has(screen);
}
