import { z } from 'zod';
import { operation } from './define';
import { empty } from './schemas';
import type { LiveStatus } from '../types/live';

export const LIVE_INTERVAL_SECONDS = { min: 2, max: 300, default: 5 } as const;

export const liveOperations = {
  'live.status': operation<LiveStatus>()({
    input: empty,
    description:
      'Live mode: whether TallyConnect is watching Tally, why it is paused (Tally closed, nothing to watch, a ' +
      'sync running), the interval in use and when a change was last seen. Changes arrive as live.status events.',
    errors: [],
  }),
  'live.set': operation<LiveStatus>()({
    input: z
      .object({
        enabled: z.boolean().optional(),
        intervalSeconds: z
          .number()
          .int('intervalSeconds must be a whole number')
          .min(
            LIVE_INTERVAL_SECONDS.min,
            `intervalSeconds must be ${LIVE_INTERVAL_SECONDS.min}-${LIVE_INTERVAL_SECONDS.max}`,
          )
          .max(
            LIVE_INTERVAL_SECONDS.max,
            `intervalSeconds must be ${LIVE_INTERVAL_SECONDS.min}-${LIVE_INTERVAL_SECONDS.max}`,
          )
          .optional(),
        notifications: z
          .object({
            receiptsFromOverdueParties: z.boolean().optional(),
            /** Paise; 0 switches the large-payment notice off. */
            paymentsAbovePaise: z
              .number()
              .int('paymentsAbovePaise must be whole paise')
              .min(0, 'paymentsAbovePaise must be 0 (off) or more')
              .max(Number.MAX_SAFE_INTEGER)
              .optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
    description:
      'Switches live mode on or off and sets its interval and notifications; saved to the .env file ' +
      '(LIVE_MODE, LIVE_INTERVAL_SECONDS, LIVE_NOTIFY_RECEIPTS, LIVE_NOTIFY_PAYMENT_ABOVE).',
    errors: ['CONFIG'],
  }),
};
