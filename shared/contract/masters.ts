import { z } from 'zod';
import { operation } from './define';
import { companyGuid } from './schemas';
import type { MasterNames } from '../types/masters';

export const MASTER_KINDS = ['ledger', 'group', 'stockItem', 'stockGroup', 'voucherType'] as const;

export const masterOperations = {
  'masters.names': operation<MasterNames>()({
    input: z.object({ companyGuid, kind: z.enum(MASTER_KINDS) }).strict(),
    description:
      'Every ledger, group, stock item, stock group or voucher type of a company by name, with its GUID and parent (for finding a master by name).',
    errors: ['NOT_FOUND', 'DATABASE'],
  }),
};
