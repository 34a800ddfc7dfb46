import { describe, expect, it } from 'vitest';
import { generateDemoCompany } from '../../../electron/core/demo/generator';
import type { MappedVoucher } from '../../../electron/core/tally/mappers';
import { packVouchers, unpackVouchers } from '../../../electron/core/tally/voucher-pack';

describe('packed voucher batches (parse thread → store thread)', () => {
  it('round-trips generated vouchers exactly', () => {
    const demo = generateDemoCompany({ vouchers: 2000, seed: 11 });
    const vouchers: MappedVoucher[] = [...demo.vouchers()].map((record, i) => ({
      record,
      deleted: i % 97 === 0,
    }));
    const packed = packVouchers(vouchers);
    expect(packed.count).toBe(vouchers.length);
    expect(unpackVouchers(packed)).toEqual(vouchers);
  });

  it('keeps nulls, empty strings, flags, every bill type and paise beyond 32 bits', () => {
    const vouchers: MappedVoucher[] = [
      {
        deleted: false,
        record: {
          guid: 'g-1',
          alterId: 7,
          masterId: null,
          date: '2025-04-01',
          voucherType: 'Journal',
          voucherNumber: '',
          partyLedgerName: null,
          narration: '',
          reference: null,
          isCancelled: true,
          isOptional: true,
          isPostDated: true,
          entries: [],
        },
      },
      {
        deleted: true,
        record: {
          guid: 'g-2',
          alterId: 8,
          masterId: 3,
          date: '2025-04-02',
          voucherType: 'Sales',
          voucherNumber: 'S/1',
          partyLedgerName: 'Ravi & Sons "Pune" <HO>',
          narration: 'मराठी narration ✓',
          reference: 'PO-9',
          isCancelled: false,
          isOptional: false,
          isPostDated: false,
          entries: [
            {
              ledgerGuid: 'lg-1',
              ledgerName: 'Ravi & Sons "Pune" <HO>',
              amount: 9_007_199_254_740,
              bills: [
                {
                  billName: 'B1',
                  billType: 'New Ref',
                  amount: 9_007_199_254_000,
                  creditPeriodDays: 30,
                  dueDate: null,
                },
                {
                  billName: '',
                  billType: 'On Account',
                  amount: 740,
                  creditPeriodDays: null,
                  dueDate: '2025-05-02',
                },
              ],
            },
            {
              ledgerGuid: null,
              ledgerName: 'Sales',
              amount: -9_007_199_254_740,
              bills: [
                { billName: 'X', billType: 'Advance', amount: -1, creditPeriodDays: 0, dueDate: null },
                {
                  billName: 'Y',
                  billType: 'Agst Ref',
                  amount: -9_007_199_254_739,
                  creditPeriodDays: null,
                  dueDate: null,
                },
              ],
            },
          ],
        },
      },
    ];
    expect(unpackVouchers(packVouchers(vouchers))).toEqual(vouchers);
  });

  it('refuses a batch whose parts do not line up', () => {
    const packed = packVouchers([
      {
        deleted: false,
        record: {
          guid: 'g',
          alterId: 1,
          masterId: 1,
          date: '2025-04-01',
          voucherType: 'Sales',
          voucherNumber: '1',
          partyLedgerName: null,
          narration: 'n',
          reference: null,
          isCancelled: false,
          isOptional: false,
          isPostDated: false,
          entries: [],
        },
      },
    ]);
    expect(() => unpackVouchers({ ...packed, text: packed.text + 'extra' })).toThrow(/inconsistent/);
  });
});
