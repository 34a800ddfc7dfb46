import type { TFunction } from 'i18next';
import { formatDateTimeIndian, formatTimeIndian, indiaDateOf, todayInIndia } from '../../shared/dates';
import { clockTime, dateTime, todayIso } from '../../renderer/src/lib/format';
import { asOnOf, defaultFy } from '../../renderer/src/components/Period';
import { formatWhen } from '../../renderer/src/screens/companies/Companies';
import { lastChangeText } from '../../renderer/src/components/LiveMode';
import type { LiveStatus } from '../../shared/types/live';

/**
 * Issue 23 (C): every "today", default as-on date and shown timestamp is India time, whatever zone the
 * PC clock is set to. india-time-zones.test.ts runs this file under TZ=UTC and TZ=Asia/Kolkata; run on
 * its own it checks the zone the machine has.
 *
 * 2026-12-06T20:19:00Z is 01:49 am on 7 December 2026 in India (still the 6th in UTC).
 */
const INSTANT = '2026-12-06T20:19:00.000Z';

describe(`India time, whatever the PC's zone (TZ=${process.env.TZ ?? 'unset'})`, () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs in the zone it was given (the check would mean nothing otherwise)', () => {
    const hours = new Date(INSTANT).getHours();
    if (process.env.TZ === 'UTC') expect(hours).toBe(20);
    if (process.env.TZ === 'Asia/Kolkata') expect(hours).toBe(1);
  });

  it("gives India's date and time of an instant", () => {
    expect(todayInIndia(new Date(INSTANT))).toBe('2026-12-07');
    expect(todayInIndia(Date.parse(INSTANT))).toBe('2026-12-07');
    expect(indiaDateOf(INSTANT)).toBe('2026-12-07');
    expect(formatDateTimeIndian(INSTANT)).toBe('07-12-2026 01:49 am');
    expect(formatTimeIndian(INSTANT, { hour12: false })).toBe('01:49');
    // Noon and midnight on a 12-hour clock; 18:29 UTC is the last minute of India's day.
    expect(formatTimeIndian('2026-12-07T06:35:00Z')).toBe('12:05 pm');
    expect(formatTimeIndian('2026-12-06T18:35:00Z')).toBe('12:05 am');
    expect(formatDateTimeIndian('2026-12-06T18:29:59Z')).toBe('06-12-2026 11:59 pm');
    expect(formatDateTimeIndian('2026-12-06T18:30:00Z')).toBe('07-12-2026 12:00 am');
    expect(() => indiaDateOf('yesterday')).toThrow('Not an instant: "yesterday"');
  });

  it('formats the renderer’s dates and times in India time', () => {
    expect(todayIso(new Date(INSTANT))).toBe('2026-12-07');
    expect(dateTime(INSTANT)).toBe('07-12-2026 01:49 am');
    expect(clockTime(INSTANT)).toBe('01:49');
  });

  it('shows "Last sync" with the date and the time of one zone', () => {
    expect(formatWhen(INSTANT, 'Never')).toBe('07-12-2026 01:49 am');
    expect(formatWhen(null, 'Never')).toBe('Never');
  });

  it("says the last live change's time alone today, with India's date otherwise", () => {
    const t = ((key: string, options?: { when?: string }) => `${key} ${options?.when ?? ''}`) as TFunction;
    const status = { lastChangeAt: INSTANT } as LiveStatus;
    expect(lastChangeText(status, t, '2026-12-07T10:00:00Z')).toBe('live.lastChange 01:49');
    expect(lastChangeText(status, t, '2026-12-08T10:00:00Z')).toBe('live.lastChange 07-12-2026 01:49');
  });

  it('defaults today, the as-on date and the newest year by the clock, in India time', () => {
    vi.useFakeTimers({ now: new Date(INSTANT), toFake: ['Date'] });
    expect(todayIso()).toBe('2026-12-07');
    expect(asOnOf({ from: '2026-04-01', to: '2027-03-31' })).toBe('2026-12-07');
    // 00:30 on 1 April 2027 in India: a new financial year there, still 31 March in UTC.
    vi.setSystemTime(new Date('2027-03-31T19:00:00Z'));
    expect(defaultFy(null)).toBe('2027-28');
    expect(asOnOf({ from: '2027-04-01', to: '2028-03-31' })).toBe('2027-04-01');
  });
});
