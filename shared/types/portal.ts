export type PortalRole = 'owner' | 'staff';

export interface PortalUser {
  username: string;
  displayName: string;
  role: PortalRole;
  /** GUIDs of companies this user may see; owners see all. */
  companies: string[];
  disabled: boolean;
  createdAt: string;
}

export interface SessionInfo {
  username: string;
  displayName: string;
  signedInAt: string;
  lastSeenAt: string;
  address: string;
  /** The company the user looked at last, if any. */
  companyGuid: string | null;
}

export interface SignInResult {
  token: string;
  user: PortalUser;
  expiresInSeconds: number;
}
