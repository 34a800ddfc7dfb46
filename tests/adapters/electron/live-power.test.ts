import { EventEmitter } from 'node:events';
import type { LiveConditions } from '../../../electron/core/live/policy';
import { followPower } from '../../../electron/main/live-power';
import { liveNoticeText } from '../../../electron/main/live-notice';

class FakePower extends EventEmitter {
  onBattery = false;
  idleSeconds = 0;
  isOnBatteryPower = () => this.onBattery;
  getSystemIdleTime = () => this.idleSeconds;
}

describe('live mode follows the power state (desktop adapter)', () => {
  it('reports battery and idle time, and re-times live mode when the power changes', () => {
    const power = new FakePower();
    const seen: LiveConditions[] = [];
    let source: (() => LiveConditions) | null = null;
    const stop = followPower(power, {
      setConditions: (next) => {
        source = next;
        seen.push(next());
      },
    });
    expect(seen).toEqual([{ onBattery: false, idleMs: 0 }]);

    power.onBattery = true;
    power.idleSeconds = 700;
    power.emit('on-battery');
    expect(seen.at(-1)).toEqual({ onBattery: true, idleMs: 700_000 });
    // The source is read again at each check, so idle time grows without events.
    power.idleSeconds = 900;
    expect(source!()).toEqual({ onBattery: true, idleMs: 900_000 });

    stop();
    power.emit('on-ac');
    expect(seen).toHaveLength(2);
    expect(power.listenerCount('on-ac')).toBe(0);
  });

  it('checks at the normal pace when the system cannot tell', () => {
    const power = new FakePower();
    power.isOnBatteryPower = () => {
      throw new Error('not supported');
    };
    let source: (() => LiveConditions) | null = null;
    followPower(power, { setConditions: (next) => (source = next) });
    expect(source!()).toEqual({ onBattery: false, idleMs: 0 });
  });
});

describe('live notices as system notifications (desktop adapter)', () => {
  it('says who paid or was paid, and how much, in one line', () => {
    const base = {
      companyGuid: 'c',
      companyName: 'Shah & Sons',
      voucherGuid: 'v',
      voucherType: 'Receipt',
      voucherNumber: '12',
      date: '2026-12-02',
      party: 'Patil Enterprises',
      amount: 25_000_00,
    };
    expect(liveNoticeText({ ...base, kind: 'receipt-from-overdue-party', overdue: 1_10_000_00 })).toEqual({
      title: 'Shah & Sons',
      body: 'Receipt from Patil Enterprises: ₹25,000.00 (still overdue: ₹1,10,000.00)',
    });
    expect(liveNoticeText({ ...base, kind: 'large-payment', overdue: null }).body).toBe(
      'Payment to Patil Enterprises: ₹25,000.00',
    );
  });
});
