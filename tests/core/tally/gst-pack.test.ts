import type { MappedVoucher } from '../../../electron/core/tally/mappers';
import { packVouchers, unpackVouchers } from '../../../electron/core/tally/voucher-pack';

/** The GST parts of vouchers cross from the parse thread to the store thread unchanged (gst-pack.ts). */
it('round-trips GST headers and the lines’ own GST details, with their nulls', () => {
  const vouchers: MappedVoucher[] = [
    {
      deleted: false,
      record: {
        guid: 'g-gst',
        alterId: 3,
        masterId: 3,
        date: '2025-04-12',
        voucherType: 'Purchase',
        voucherNumber: 'P/1',
        partyLedgerName: 'Deccan Suppliers',
        narration: '',
        reference: 'DS/778',
        isCancelled: false,
        isOptional: false,
        isPostDated: false,
        gst: {
          companyGstin: '27AAHFS1234K1Z4',
          partyGstin: '27AAAFD2468P1Z2',
          registration: 'regular',
          placeOfSupply: 'Maharashtra',
          partyState: null,
          reverseCharge: true,
          referenceDate: '2025-04-10',
          adjustment: { nature: 'Increase of Input Tax Credit', details: 'ISD Invoice/Debit Note' },
        },
        entries: [
          { ledgerGuid: null, ledgerName: 'Deccan Suppliers', amount: -35_400_00, bills: [] },
          {
            ledgerGuid: null,
            ledgerName: 'Purchase @18%',
            amount: 30_000_00,
            bills: [],
            gst: { hsn: null, taxability: 'taxable', rate: 1800 },
          },
        ],
        inventory: [
          {
            stockItemGuid: null,
            stockItemName: 'Unbranded Rice',
            actualQuantity: 10_000,
            billedQuantity: 10_000,
            unit: 'Kgs',
            rate: 50_00,
            rateUnit: 'Kgs',
            amount: 500_00,
            godown: null,
            gst: { hsn: '1006', taxability: 'nil', rate: null },
          },
        ],
      },
    },
    {
      deleted: false,
      record: {
        guid: 'g-consumer',
        alterId: 4,
        masterId: null,
        date: '2025-04-13',
        voucherType: 'Sales',
        voucherNumber: 'S/9',
        partyLedgerName: null,
        narration: '',
        reference: null,
        isCancelled: false,
        isOptional: false,
        gst: {
          companyGstin: null,
          partyGstin: null,
          registration: null,
          placeOfSupply: null,
          partyState: 'Goa',
          reverseCharge: false,
          referenceDate: null,
          adjustment: { nature: 'Reversal of Input Tax Credit', details: null },
        },
        entries: [
          {
            ledgerGuid: null,
            ledgerName: 'Staff Welfare',
            amount: 5_000_00,
            bills: [],
            gst: { hsn: null, taxability: null, rate: null, ineligibleItc: true, nature: 'Purchase Taxable' },
          },
          {
            ledgerGuid: null,
            ledgerName: 'Rent',
            amount: 1_000_00,
            bills: [],
            gst: { hsn: '9972', taxability: 'taxable', rate: 1800, ineligibleItc: false },
          },
        ],
      },
    },
  ];
  const back = unpackVouchers(packVouchers(vouchers));
  expect(back[0]).toEqual(vouchers[0]);
  expect(back[1]?.record.gst).toEqual(vouchers[1]?.record.gst);
  expect(back[1]?.record.entries).toEqual(vouchers[1]?.record.entries);
});
