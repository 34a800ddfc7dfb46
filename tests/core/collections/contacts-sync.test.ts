import { PartyStore } from '../../../electron/core/collections/party-store';
import { interestFromFacts } from '../../../electron/core/collections/tally-interest';
import type { LedgerInterestRecord } from '../../../electron/core/db/records';
import type { Store } from '../../../electron/core/db/store';
import { mapLedger } from '../../../electron/core/tally/mappers';
import type { XNode } from '../../../electron/core/tally/node';
import { companiesRequest, ledgersRequest } from '../../../electron/core/tally/requests';
import type { SimSource } from '../../../tools/tally-sim/source';
import { syncedFromSimulator } from '../../helpers/engine-deps';
import { TINY_GUID, tinyGroups, tinyVouchers, tinyVoucherTypes } from '../db/fixtures';
import { ASHA, ASHA_CONTACT, TINY_PROFILE, tinyWithContacts } from './books';

/**
 * Contacts, interest settings and the company profile through a sync: the Tally simulator writes them as
 * Tally's Collection answers do (tools/tally-sim/render.ts), the sync asks for them (requests.ts FETCH) and
 * the store keeps them.
 */

const INTEREST: LedgerInterestRecord = {
  billWise: true,
  includeDayOfAddition: false,
  includeDayOfDeduction: false,
  slabs: [
    {
      rate: '24',
      style: '30-Day Month',
      balanceType: 'Debit Balances Only',
      appliedOn: 'Past Due Date',
      appliedFrom: '7',
      fromType: 'Past Due Date',
      roundType: 'Normal Rounding',
      roundLimit: '1',
    },
  ],
};

let store: Store;
beforeAll(async () => {
  const { ledgers } = tinyWithContacts();
  const source: SimSource = {
    company: { guid: TINY_GUID, name: 'Tiny Traders', booksFrom: '2025-04-01', profile: TINY_PROFILE },
    groups: tinyGroups,
    ledgers: ledgers.map((l) => (l.guid === ASHA ? { ...l, interest: INTEREST } : l)),
    voucherTypes: tinyVoucherTypes,
    vouchers: () => tinyVouchers,
  };
  store = await syncedFromSimulator([source], {
    now: () => Date.parse('2025-06-01T06:00:00Z'),
    realShapes: { nonPostingVouchers: false },
  });
});
afterAll(() => store.close());

describe('contacts through a sync from Tally', () => {
  it('asks Tally for the fields by name', () => {
    expect(ledgersRequest('Tiny Traders')).toMatch(
      /Email, EmailCC, LedgerMobile, LedgerCountryISDCode, LedgerPhone, LedgerContact/,
    );
    expect(ledgersRequest('Tiny Traders')).toMatch(/InterestCollection\.InterestRate/);
    expect(companiesRequest()).toMatch(
      /Address, StateName, PinCode, .*GSTRegistrationNumber, GSTRegistrationType/,
    );
  });

  it('stores the party’s contacts and interest settings and the company’s profile', () => {
    const parties = new PartyStore(store.db, () => new Date());
    const asha = parties.parties(TINY_GUID).get(ASHA)!;
    expect(asha.contact).toMatchObject({
      mailingName: ASHA_CONTACT.mailingName,
      address: ASHA_CONTACT.address,
      pincode: ASHA_CONTACT.pincode,
      email: { value: ASHA_CONTACT.email, source: 'tally' },
      emailCc: ASHA_CONTACT.emailCc,
      mobile: { value: ASHA_CONTACT.mobile, source: 'tally' },
      contactPerson: ASHA_CONTACT.contactPerson,
    });
    expect(interestFromFacts(asha.interest)).toMatchObject({
      kind: 'parameters',
      parameters: {
        ratePercent: '24',
        style: '30-Day Month',
        graceDays: 7,
        rounding: 'Normal Rounding',
        roundingLimit: 100,
      },
    });
    expect(parties.profile(TINY_GUID)).toEqual({
      companyGuid: TINY_GUID,
      name: 'Tiny Traders',
      ...TINY_PROFILE,
    });
  });
});

describe('TallyPrime 4’s dated mailing details', () => {
  it('take the latest LEDMAILINGDETAILS.LIST for name, address, pincode and country; contact tags stay on the ledger', () => {
    const text = (name: string, value: string): XNode => ({ name, attrs: {}, text: value, children: [] });
    const list = (name: string, children: XNode[]): XNode => ({ name, attrs: {}, text: '', children });
    const mailing = (from: string, name: string, lines: string[], pin: string) =>
      list('LEDMAILINGDETAILS.LIST', [
        text('APPLICABLEFROM', from),
        text('MAILINGNAME', name),
        list(
          'ADDRESS.LIST',
          lines.map((l) => text('ADDRESS', l)),
        ),
        text('PINCODE', pin),
        text('STATE', 'Karnataka'),
        text('COUNTRY', 'India'),
      ]);
    const ledger = list('LEDGER', [
      text('GUID', 'g-1'),
      text('NAME', 'Bengaluru Mart'),
      text('PARENT', 'Sundry Debtors'),
      mailing('20250401', 'Bengaluru Mart', ['12, MG Road', 'Bengaluru'], '560001'),
      mailing('20240401', 'Old Name', ['Old street'], '560002'),
      text('EMAIL', 'accounts@mart.example; owner@mart.example'),
      text('LEDGERMOBILE', '9845012345'),
      text('LEDGERCOUNTRYISDCODE', '+91'),
      text('ALTERID', '3'),
    ]);
    expect(mapLedger(ledger).contact).toEqual({
      mailingName: 'Bengaluru Mart',
      address: ['12, MG Road', 'Bengaluru'],
      pincode: '560001',
      country: 'India',
      email: 'accounts@mart.example; owner@mart.example',
      emailCc: null,
      mobile: '+91 9845012345',
      phone: null,
      contactPerson: null,
    });
    // A ledger without any contact tag carries none.
    expect(
      mapLedger(list('LEDGER', [text('GUID', 'g-2'), text('NAME', 'Cash'), text('PARENT', 'Cash-in-Hand')]))
        .contact,
    ).toBeUndefined();
  });
});
