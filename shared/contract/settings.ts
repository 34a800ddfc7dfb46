import { z } from 'zod';
import { operation } from './define';
import { empty } from './schemas';
import type { Settings } from '../types/settings';

export const settingsPatch = z
  .object({
    tallyHost: z.string().trim().min(1).max(253).optional(),
    tallyPort: z.number().int().min(1).max(65535).optional(),
    autoSyncMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .optional(),
    language: z.enum(['en', 'mr', 'hi']).optional(),
    cache: z
      .object({
        redisEnabled: z.enum(['auto', 'true', 'false']).optional(),
        redisUrl: z.string().max(500).optional(),
        // Sentinel / Cluster: "host:port, host:port" lists, checked in full by the core ('' removes).
        sentinels: z.string().max(1000).optional(),
        sentinelName: z.string().max(64).optional(),
        clusterNodes: z.string().max(1000).optional(),
        keyPrefix: z
          .string()
          .min(1)
          .max(64)
          .regex(/^[A-Za-z0-9_.:-]+$/, 'key prefix may use letters, digits and _ . : -')
          .optional(),
        defaultTtlSeconds: z
          .number()
          .int()
          .min(1)
          .max(7 * 86_400)
          .optional(),
        ttls: z
          .record(
            z.string(),
            z
              .number()
              .int()
              .min(1)
              .max(7 * 86_400),
          )
          .optional(),
      })
      .strict()
      .optional(),
    portal: z
      .object({
        enabled: z.boolean().optional(),
        bindAddress: z.string().trim().min(1).max(100).optional(),
        port: z.number().int().min(1).max(65535).optional(),
        /** The office's own certificate for HTTPS; '' removes a setting (all empty: TallyConnect's own). */
        certificate: z
          .object({
            pfxPath: z.string().trim().max(1000).optional(),
            passphrase: z.string().max(500).optional(),
            certPath: z.string().trim().max(1000).optional(),
            keyPath: z.string().trim().max(1000).optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const settingsOperations = {
  'settings.get': operation<Settings>()({
    input: empty,
    description: 'Current settings (from the .env file in the data folder and the environment).',
    errors: [],
  }),
  'settings.update': operation<Settings>()({
    input: settingsPatch,
    description: 'Validates and writes settings to the .env file; cache changes apply at once.',
    errors: ['CONFIG'],
  }),
  'app.info': operation<{
    version: string;
    dataDir: string;
    databasePath: string;
    mode: 'electron' | 'serve' | 'cli';
  }>()({
    input: empty,
    description: 'Version and where the data lives.',
    errors: [],
  }),
};
