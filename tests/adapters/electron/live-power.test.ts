import { EventEmitter } from 'node:events';
import type { LiveConditions } from '../../../electron/core/live/policy';
import { followPower } from '../../../electron/main/live-power';

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
