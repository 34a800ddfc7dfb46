import { isIPv4, isIPv6 } from 'node:net';

/**
 * Client addresses as the portal's rate limits see them.
 *
 * - IPv4-mapped IPv6 (`::ffff:10.0.0.5`, what a dual-stack socket reports) is plain IPv4, so one
 *   machine cannot count twice by alternating the two spellings.
 * - IPv6 is limited per /64: one host is usually handed a whole /64 (SLAAC, privacy addresses), so a
 *   per-address limit on full IPv6 addresses would give one machine 2^64 fresh allowances.
 * - Loopback (127.0.0.0/8, ::1) is its own network scope: failures from the LAN never count against
 *   sign-ins made on the TallyConnect machine itself, so the LAN alone cannot lock the owner out.
 */
export type NetworkScope = 'loopback' | 'network';

const MAPPED_V4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** The address without an IPv6 zone id, IPv4-mapped IPv6 written as IPv4; lower case. */
export function normalizeAddress(raw: string): string {
  const text = raw.trim().toLowerCase().replace(/%.*$/, '');
  const mapped = MAPPED_V4.exec(text);
  if (mapped?.[1] && isIPv4(mapped[1])) return mapped[1];
  return text;
}

/** The eight 16-bit groups of an IPv6 address (an embedded IPv4 tail counts as two groups). */
function ipv6Groups(address: string): number[] | null {
  if (!isIPv6(address)) return null;
  let text = address;
  const v4 = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (v4?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = v4[1].split('.').map(Number);
    text = `${text.slice(0, -v4[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string): number[] => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return null;
  return [...left, ...new Array<number>(missing).fill(0), ...right];
}

export function networkScopeOf(raw: string): NetworkScope {
  const address = normalizeAddress(raw);
  if (address === 'local') return 'loopback'; // IPC / CLI: the desktop owner's own process
  if (isIPv4(address)) return address.startsWith('127.') ? 'loopback' : 'network';
  const groups = ipv6Groups(address);
  if (groups && groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1) return 'loopback';
  return 'network';
}

/** What an address is counted as by the per-address limits: IPv4 as is, IPv6 by its /64. */
export function rateSubjectOf(raw: string): string {
  const address = normalizeAddress(raw);
  if (isIPv4(address)) return address;
  const groups = ipv6Groups(address);
  if (!groups) return address;
  if (networkScopeOf(address) === 'loopback') return '::1';
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}
