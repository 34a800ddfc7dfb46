import { z } from 'zod';
import { operation } from './define';
import { empty } from './schemas';
import type {
  PortalCertificateState,
  PortalStatus,
  PortalUser,
  SessionInfo,
  SignInResult,
} from '../types/portal';

const username = z
  .string()
  .trim()
  .min(2, 'username must have at least 2 characters')
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, 'username may use letters, digits and . _ -');
const password = z.string().min(8, 'password must have at least 8 characters').max(256);

export const portalOperations = {
  'auth.signIn': operation<SignInResult>()({
    input: z.object({ username, password: z.string().min(1).max(256) }).strict(),
    description: 'Signs a portal user in; answers an opaque session token.',
    errors: ['UNAUTHORIZED', 'RATE_LIMITED'],
  }),
  'auth.signOut': operation<{ signedOut: boolean }>()({
    input: empty,
    description: 'Ends the current session.',
    errors: [],
  }),
  'auth.me': operation<PortalUser | null>()({
    input: empty,
    description:
      'The signed-in portal user; null for the desktop owner (no sign-in needed). Portal mode answers UNAUTHORIZED without a valid session.',
    errors: ['UNAUTHORIZED'],
  }),
  'users.list': operation<PortalUser[]>()({
    input: empty,
    description: 'Portal accounts (desktop owner only).',
    errors: ['FORBIDDEN'],
  }),
  'users.save': operation<PortalUser>()({
    input: z
      .object({
        username,
        displayName: z.string().trim().min(1).max(100),
        role: z.enum(['owner', 'staff']).default('staff'),
        companies: z.array(z.string().min(1).max(200)).max(1000).default([]),
        disabled: z.boolean().default(false),
        /** Required when creating; omitted to keep the current password. */
        password: password.optional(),
      })
      .strict(),
    description: 'Creates or updates a portal account.',
    errors: ['FORBIDDEN', 'CONFIG'],
  }),
  'users.delete': operation<{ deleted: boolean }>()({
    input: z.object({ username }).strict(),
    description: 'Deletes a portal account and ends its sessions.',
    errors: ['FORBIDDEN', 'NOT_FOUND'],
  }),
  'sessions.active': operation<SessionInfo[]>()({
    input: empty,
    description: 'Who is signed in, since when, and which company they are looking at.',
    errors: ['FORBIDDEN'],
  }),
  'portal.status': operation<PortalStatus>()({
    input: empty,
    description:
      'Where the office portal keeps sessions, rate limits and live updates, and why not in the configured ' +
      'Redis when it refuses one (a Redis without a password on a network bind). Desktop only.',
    errors: ['FORBIDDEN'],
  }),
  'portal.certificate': operation<PortalCertificateState>()({
    input: empty,
    description:
      'The certificate the office portal serves HTTPS with on a network address (made for this PC at first ' +
      'need, or the office’s own), with its SHA-256 fingerprint for staff to check. Desktop only.',
    errors: ['FORBIDDEN'],
  }),
};
