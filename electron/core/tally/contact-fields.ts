import type {
  CompanyProfileRecord,
  LedgerContactRecord,
  LedgerInterestRecord,
  LedgerInterestSlab,
} from '../db/records';
import { latest } from './gst-fields';
import { childrenNamed, childText, type XNode } from './node';
import { text, yesNo } from './quirks';

/**
 * A party's mailing and contact details, the company's own profile and a ledger's interest settings,
 * read from Tally's XML (docs/TALLY.md "Contact details, company profile and interest": each tag with the
 * export or public code it was seen in). Pure functions of one object's element tree.
 */

/** Every element these readers look at: the parser must keep them (mappers.ts FIELDS_READ). */
export const CONTACT_FIELDS: readonly string[] = [
  // mailing details: before TallyPrime 4 on the ledger itself, since then in LEDMAILINGDETAILS.LIST
  'ADDRESS.LIST',
  'ADDRESS',
  'MAILINGNAME.LIST',
  'MAILINGNAME',
  'PINCODE',
  'COUNTRYNAME',
  'COUNTRY',
  'LEDMAILINGDETAILS.LIST',
  'STATE',
  'APPLICABLEFROM',
  // contact
  'EMAIL',
  'EMAILCC',
  'LEDGERMOBILE',
  'LEDGERCOUNTRYISDCODE',
  'LEDGERPHONE',
  'LEDGERCONTACT',
  // the company master
  'BASICCOMPANYFORMALNAME',
  'STATENAME',
  'PHONENUMBER',
  'GSTREGISTRATIONNUMBER',
  'GSTREGISTRATIONTYPE',
  // interest
  'ISINTERESTON',
  'INTERESTONBILLWISE',
  'INTERESTINCLDAYOFADDITION',
  'INTERESTINCLDAYOFDEDUCTION',
  'INTERESTCOLLECTION.LIST',
  'INTERESTRATE',
  'INTERESTSTYLE',
  'INTERESTBALANCETYPE',
  'INTERESTAPPLON',
  'INTERESTAPPLFROM',
  'INTERESTFROMTYPE',
  'ROUNDTYPE',
  'ROUNDLIMIT',
];

/**
 * The fields a sync asks Tally for (Collection FETCH, TDL method names as tally-database-loader's
 * mst_ledger fetches them: MailingName, Address, PinCode, CountryName, Email, LedgerMobile with
 * LedgerCountryISDCode; the rest in the same capitalisation, **unconfirmed** against a live TallyPrime).
 */
export const CONTACT_FETCH = {
  ledger:
    'MailingName, Address, PinCode, CountryName, Email, EmailCC, LedgerMobile, LedgerCountryISDCode, ' +
    'LedgerPhone, LedgerContact, LedMailingDetails.MailingName, LedMailingDetails.Address, ' +
    'LedMailingDetails.PinCode, LedMailingDetails.Country, ' +
    'IsInterestOn, InterestOnBillWise, InterestInclDayOfAddition, InterestInclDayOfDeduction, ' +
    'InterestCollection.InterestRate, InterestCollection.InterestStyle, InterestCollection.InterestBalanceType, ' +
    'InterestCollection.InterestApplOn, InterestCollection.InterestApplFrom, InterestCollection.InterestFromType, ' +
    'InterestCollection.RoundType, InterestCollection.RoundLimit',
  company:
    'BasicCompanyFormalName, Address, StateName, PinCode, CountryName, Email, PhoneNumber, ' +
    'GSTRegistrationNumber, GSTRegistrationType',
} as const;

/** The lines of an ADDRESS.LIST (empty lines dropped). */
function addressLines(node: XNode | undefined): string[] {
  if (node === undefined) return [];
  const lines: string[] = [];
  for (const list of childrenNamed(node, 'ADDRESS.LIST'))
    for (const line of childrenNamed(list, 'ADDRESS')) {
      const t = text(line.text);
      if (t !== null) lines.push(t);
    }
  return lines;
}

/** MAILINGNAME directly, or the first of a MAILINGNAME.LIST. */
function mailingNameOf(node: XNode | undefined): string | null {
  if (node === undefined) return null;
  const direct = text(childText(node, 'MAILINGNAME'));
  if (direct !== null) return direct;
  const list = childrenNamed(node, 'MAILINGNAME.LIST')[0];
  return list ? text(childText(list, 'MAILINGNAME')) : null;
}

const nonEmpty = (node: XNode, name: string): XNode[] =>
  childrenNamed(node, name).filter((c) => c.children.length > 0);

/**
 * A party's contact details: the latest LEDMAILINGDETAILS.LIST (TallyPrime 4+) for the mailing name,
 * address, pincode and country where it has them, else the ledger's own ADDRESS.LIST, MAILINGNAME.LIST,
 * PINCODE and COUNTRYNAME; EMAIL, EMAILCC, LEDGERMOBILE (with LEDGERCOUNTRYISDCODE), LEDGERPHONE,
 * LEDGERCONTACT. Null when the ledger has none of them (most non-party ledgers).
 */
export function ledgerContactOf(node: XNode): LedgerContactRecord | null {
  const mailing = latest(nonEmpty(node, 'LEDMAILINGDETAILS.LIST'));
  const ownAddress = addressLines(node);
  const mailingAddress = addressLines(mailing);
  const isd = text(childText(node, 'LEDGERCOUNTRYISDCODE'));
  const mobileNumber = text(childText(node, 'LEDGERMOBILE'));
  const record: LedgerContactRecord = {
    mailingName: mailingNameOf(mailing) ?? mailingNameOf(node),
    address: mailingAddress.length > 0 ? mailingAddress : ownAddress,
    pincode: text(mailing && childText(mailing, 'PINCODE')) ?? text(childText(node, 'PINCODE')),
    country: text(mailing && childText(mailing, 'COUNTRY')) ?? text(childText(node, 'COUNTRYNAME')),
    email: text(childText(node, 'EMAIL')),
    emailCc: text(childText(node, 'EMAILCC')),
    // An ISD code already written into the number ("+91 98220 12345") is not added twice.
    mobile:
      mobileNumber === null
        ? null
        : isd !== null && !mobileNumber.startsWith('+') && !mobileNumber.startsWith('00')
          ? `${isd.startsWith('+') ? isd : `+${isd}`} ${mobileNumber}`
          : mobileNumber,
    phone: text(childText(node, 'LEDGERPHONE')),
    contactPerson: text(childText(node, 'LEDGERCONTACT')),
  };
  const empty =
    record.mailingName === null &&
    record.address.length === 0 &&
    record.pincode === null &&
    record.email === null &&
    record.emailCc === null &&
    record.mobile === null &&
    record.phone === null &&
    record.contactPerson === null;
  return empty ? null : record;
}

/**
 * The company master's profile: BASICCOMPANYFORMALNAME, ADDRESS.LIST, STATENAME, PINCODE, COUNTRYNAME,
 * EMAIL, PHONENUMBER, GSTREGISTRATIONNUMBER and GSTREGISTRATIONTYPE.
 */
export function companyProfileOf(node: XNode): CompanyProfileRecord {
  return {
    mailingName: text(childText(node, 'BASICCOMPANYFORMALNAME')),
    address: addressLines(node),
    state: text(childText(node, 'STATENAME')),
    pincode: text(childText(node, 'PINCODE')),
    country: text(childText(node, 'COUNTRYNAME')),
    email: text(childText(node, 'EMAIL')),
    phone: text(childText(node, 'PHONENUMBER')),
    gstin: text(childText(node, 'GSTREGISTRATIONNUMBER')),
    registrationType: text(childText(node, 'GSTREGISTRATIONTYPE')),
  };
}

/** A ledger's interest settings when ISINTERESTON is Yes (slabs without a rate or style dropped). */
export function ledgerInterestOf(node: XNode): LedgerInterestRecord | null {
  if (!yesNo(childText(node, 'ISINTERESTON'))) return null;
  const raw = (slab: XNode, name: string): string => (childText(slab, name) ?? '').trim();
  const slabs: LedgerInterestSlab[] = childrenNamed(node, 'INTERESTCOLLECTION.LIST')
    .map((slab) => ({
      rate: raw(slab, 'INTERESTRATE'),
      style: raw(slab, 'INTERESTSTYLE'),
      balanceType: raw(slab, 'INTERESTBALANCETYPE'),
      appliedOn: raw(slab, 'INTERESTAPPLON'),
      appliedFrom: raw(slab, 'INTERESTAPPLFROM'),
      fromType: raw(slab, 'INTERESTFROMTYPE'),
      roundType: raw(slab, 'ROUNDTYPE'),
      roundLimit: raw(slab, 'ROUNDLIMIT'),
    }))
    .filter((s) => s.rate !== '' || s.style !== '');
  return {
    billWise: yesNo(childText(node, 'INTERESTONBILLWISE')),
    includeDayOfAddition: yesNo(childText(node, 'INTERESTINCLDAYOFADDITION')),
    includeDayOfDeduction: yesNo(childText(node, 'INTERESTINCLDAYOFDEDUCTION')),
    slabs,
  };
}
