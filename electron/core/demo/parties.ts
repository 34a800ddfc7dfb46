import type { LedgerContactRecord } from '../db/records';
import { buildGstin } from './gstin';
import type { Random } from './random';

export interface StateInfo {
  name: string;
  code: string;
  cities: readonly string[];
}

/** The demo company trades from Maharashtra; other states get IGST instead of CGST + SGST. */
export const HOME_STATE: StateInfo = {
  name: 'Maharashtra',
  code: '27',
  cities: ['Pune', 'Mumbai', 'Nashik', 'Nagpur', 'Kolhapur', 'Aurangabad', 'Thane'],
};

const OTHER_STATES: readonly StateInfo[] = [
  { name: 'Gujarat', code: '24', cities: ['Ahmedabad', 'Surat', 'Vadodara', 'Rajkot'] },
  { name: 'Karnataka', code: '29', cities: ['Bengaluru', 'Mysuru', 'Hubballi'] },
  { name: 'Tamil Nadu', code: '33', cities: ['Chennai', 'Coimbatore', 'Madurai'] },
  { name: 'Delhi', code: '07', cities: ['New Delhi'] },
  { name: 'Madhya Pradesh', code: '23', cities: ['Indore', 'Bhopal'] },
  { name: 'Telangana', code: '36', cities: ['Hyderabad', 'Warangal'] },
  { name: 'Rajasthan', code: '08', cities: ['Jaipur', 'Udaipur', 'Jodhpur'] },
  { name: 'Goa', code: '30', cities: ['Panaji', 'Margao'] },
];

const PREFIXES = [
  'Shree',
  'Sri',
  'New',
  'Om',
  'Jai',
  'Maa',
  'Royal',
  'Sai',
  'Star',
  'Bharat',
  'Navkar',
  'Siddhi',
];
const CORES = [
  'Ganesh',
  'Laxmi',
  'Balaji',
  'Krishna',
  'Mahalaxmi',
  'Durga',
  'Patel',
  'Sharma',
  'Agarwal',
  'Gupta',
  'Mehta',
  'Desai',
  'Kulkarni',
  'Joshi',
  'Reddy',
  'Iyer',
  'Nair',
  'Shah',
  'Jain',
  'Kapoor',
  'Deshmukh',
  'Pawar',
  'Bansal',
  'Verma',
];
const SUFFIXES = [
  'Traders',
  'Enterprises',
  'Agencies',
  'Distributors',
  'Stores',
  'Industries',
  '& Sons',
  'Corporation',
  'Marketing',
  'Suppliers',
  'Textiles',
  'Hardware',
  'Electricals',
  'Pvt. Ltd.',
  'LLP',
];
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export interface PartySpec {
  name: string;
  state: StateInfo;
  city: string;
  gstin: string | null;
  creditPeriodDays: number;
  /** How many days after the due date this party usually pays. */
  payDelayDays: number;
}

function pan(random: Random, holder: 'C' | 'F' | 'P'): string {
  let text = '';
  for (let i = 0; i < 3; i++) text += LETTERS[random.int(0, 25)];
  text += holder;
  text += LETTERS[random.int(0, 25)];
  text += String(random.int(0, 9999)).padStart(4, '0');
  text += LETTERS[random.int(0, 25)];
  return text;
}

/** Customers or suppliers with unique names, GSTINs (valid check digit), states and credit terms. */
export function makeParties(
  random: Random,
  count: number,
  kind: 'customer' | 'supplier',
  /** Names already taken (ledger names are unique across the whole company). */
  used: Set<string> = new Set(),
): PartySpec[] {
  const parties: PartySpec[] = [];
  const terms = kind === 'customer' ? [0, 15, 30, 30, 45, 60, 90] : [15, 30, 30, 45, 60];
  for (let i = 0; i < count; i++) {
    const state = random.chance(0.7) ? HOME_STATE : random.pick(OTHER_STATES);
    const city = random.pick(state.cities);
    const suffix = random.pick(SUFFIXES);
    let name = `${random.chance(0.5) ? `${random.pick(PREFIXES)} ` : ''}${random.pick(CORES)} ${suffix}`;
    if (used.has(name)) name = `${name}, ${city}`;
    for (let n = 2; used.has(name); n++) name = `${name.replace(/ \(\d+\)$/, '')} (${n})`;
    used.add(name);
    const holder = suffix === 'Pvt. Ltd.' ? 'C' : suffix === 'LLP' || suffix === '& Sons' ? 'F' : 'P';
    // A few small customers are unregistered (no GSTIN), as in real books.
    const registered = kind === 'supplier' || random.chance(0.9);
    parties.push({
      name,
      state,
      city,
      gstin: registered ? buildGstin(state.code, pan(random, holder)) : null,
      creditPeriodDays: random.pick(terms),
      payDelayDays: random.chance(0.6) ? random.int(0, 10) : random.int(10, 120),
    });
  }
  return parties;
}

/**
 * A party's contact details, made from its name alone (no draw from the random stream, so the demo's
 * books stay as they were): an e-mail at an .example domain and a mobile number that passes the
 * Indian-mobile check; every seventh party has no e-mail, as in real books.
 */
export function demoContact(spec: PartySpec, index: number): LedgerContactRecord {
  const slug =
    spec.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'party';
  let hash = 0;
  for (const ch of spec.name) hash = (hash * 31 + ch.charCodeAt(0)) % 1_000_000_000;
  return {
    mailingName: spec.name,
    address: [`${(hash % 200) + 1}, Main Road`, spec.city],
    pincode: null,
    country: 'India',
    email: index % 7 === 6 ? null : `accounts@${slug}.example`,
    emailCc: null,
    mobile: `+91 9${String(hash).padStart(9, '0')}`,
    phone: null,
    contactPerson: null,
  };
}
