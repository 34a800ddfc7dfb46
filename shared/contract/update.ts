import { z } from 'zod';
import { operation } from './define';
import { empty } from './schemas';
import type { UpdateStatus } from '../types/update';

/** An update feed: https, or http on this computer only (a test feed); '' switches updates off. */
export const updateFeedUrl = z
  .string()
  .trim()
  .max(500)
  .refine((text) => text === '' || isAllowedFeedUrl(text), {
    message:
      'must be an https:// address (or http://127.0.0.1 for a local test feed), or empty to switch updates off',
  });

export function isAllowedFeedUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

export const updateOperations = {
  'update.status': operation<UpdateStatus>()({
    input: empty,
    description:
      'Self-update state of the desktop app: off until a feed is configured, then check, download, ready.',
    errors: [],
  }),
  'update.check': operation<UpdateStatus>()({
    input: empty,
    description:
      'Checks the update feed now; a newer version downloads in the background (sha512 verified) and waits for consent.',
    errors: ['FORBIDDEN'],
  }),
  'update.install': operation<UpdateStatus>()({
    input: z.object({ when: z.enum(['now', 'on-quit', 'not-now']) }).strict(),
    description:
      "The user's consent for a downloaded update: restart and install now, install when TallyConnect quits, or not now.",
    errors: ['FORBIDDEN', 'NOT_FOUND'],
  }),
  'update.configure': operation<UpdateStatus>()({
    input: z.object({ feedUrl: updateFeedUrl }).strict(),
    description:
      'Sets the update feed (UPDATE_FEED_URL in the .env file); an empty address switches updates off.',
    errors: ['FORBIDDEN', 'CONFIG'],
  }),
};
