import {
  averageCostClosing,
  closingStock,
  fifoClosing,
  mulDivRound,
  valuationMethodOf,
  type ItemMovement,
} from '../../../electron/core/inventory/valuation';

/**
 * Worked by hand. The item opens with 10 Nos at ₹100 (₹1,000), then:
 *   5 Apr  in  20 Nos for ₹2,400 (₹120 each)
 *  10 Apr  out 15 Nos (sold for ₹2,700: a selling price, not a cost, so ignored)
 *  20 Apr  in   5 Nos for ₹650 (₹130 each)
 *   1 May  out 12 Nos
 * Quantities in thousandths (1 Nos = 1000), money in paise.
 */
const opening = { quantity: 10_000, value: 1_000_00 };
const movements: ItemMovement[] = [
  { date: '2025-04-05', quantity: 20_000, amount: 2_400_00 },
  { date: '2025-04-10', quantity: -15_000, amount: -2_700_00 },
  { date: '2025-04-20', quantity: 5_000, amount: 650_00 },
  { date: '2025-05-01', quantity: -12_000, amount: -2_300_00 },
];

describe('average cost (Tally’s default)', () => {
  it('values the closing quantity at the average cost of the opening and every inward up to the date', () => {
    // Before any movement: the opening, 10 × ₹100.
    expect(averageCostClosing(opening, movements, '2025-04-01')).toEqual({
      quantity: 10_000,
      value: 1_000_00,
    });
    // 15 Apr: 10 + 20 − 15 = 15 Nos; inwards 30 Nos for ₹3,400 → 15 × 3,400 / 30 = ₹1,700.00.
    expect(averageCostClosing(opening, movements, '2025-04-15')).toEqual({
      quantity: 15_000,
      value: 1_700_00,
    });
    // 30 Apr: 20 Nos; inwards 35 Nos for ₹4,050 → 20 × 4,050 / 35 = ₹2,314.2857… → ₹2,314.29.
    expect(averageCostClosing(opening, movements, '2025-04-30')).toEqual({
      quantity: 20_000,
      value: 2_314_29,
    });
    // 31 May: 8 Nos → 8 × 4,050 / 35 = ₹925.714… → ₹925.71.
    expect(averageCostClosing(opening, movements, '2025-05-31')).toEqual({ quantity: 8_000, value: 925_71 });
  });

  it('takes decimal quantities exactly (thousandths)', () => {
    // 10.500 Kgs in for ₹525.00, 2.250 Kgs out: 8.250 Kgs × ₹50 = ₹412.50.
    const kgs: ItemMovement[] = [
      { date: '2025-04-02', quantity: 10_500, amount: 525_00 },
      { date: '2025-04-03', quantity: -2_250, amount: -300_00 },
    ];
    expect(averageCostClosing({ quantity: 0, value: 0 }, kgs, '2025-04-30')).toEqual({
      quantity: 8_250,
      value: 412_50,
    });
  });

  it('values negative stock at the average rate, and nothing when nothing came in', () => {
    const oversold: ItemMovement[] = [
      { date: '2025-04-02', quantity: 2_000, amount: 300_00 },
      { date: '2025-04-03', quantity: -5_000, amount: -900_00 },
    ];
    // −3 Nos at ₹150 = −₹450.
    expect(averageCostClosing({ quantity: 0, value: 0 }, oversold, '2025-04-30')).toEqual({
      quantity: -3_000,
      value: -450_00,
    });
    expect(
      averageCostClosing(
        { quantity: 0, value: 0 },
        [{ date: '2025-04-02', quantity: -1_000, amount: -5_00 }],
        '2025-04-30',
      ),
    ).toEqual({ quantity: -1_000, value: 0 });
  });
});

describe('FIFO', () => {
  it('values the closing quantity at the most recent inward lots', () => {
    expect(fifoClosing(opening, movements, '2025-04-01')).toEqual({ quantity: 10_000, value: 1_000_00 });
    // 15 Apr: 15 Nos are 15 of the 20 bought on 5 Apr at ₹120 = ₹1,800.
    expect(fifoClosing(opening, movements, '2025-04-15')).toEqual({ quantity: 15_000, value: 1_800_00 });
    // 30 Apr: 20 Nos = the 5 of 20 Apr (₹650) + 15 of 5 Apr (15/20 × ₹2,400 = ₹1,800) = ₹2,450.
    expect(fifoClosing(opening, movements, '2025-04-30')).toEqual({ quantity: 20_000, value: 2_450_00 });
    // 31 May: 8 Nos = 5 of 20 Apr (₹650) + 3 of 5 Apr (3/20 × ₹2,400 = ₹360) = ₹1,010.
    expect(fifoClosing(opening, movements, '2025-05-31')).toEqual({ quantity: 8_000, value: 1_010_00 });
  });

  it('rounds only the partly taken lot, half away from zero, to the paisa', () => {
    // A lot of 3 Kgs for ₹100: 1 Kg left = ₹33.333… → ₹33.33; 2 Kgs = ₹66.666… → ₹66.67.
    const lot: ItemMovement = { date: '2025-04-02', quantity: 3_000, amount: 100_00 };
    const out = (q: number): ItemMovement => ({ date: '2025-04-03', quantity: -q, amount: 0 });
    const none = { quantity: 0, value: 0 };
    expect(fifoClosing(none, [lot, out(2_000)], '2025-04-30').value).toBe(33_33);
    expect(fifoClosing(none, [lot, out(1_000)], '2025-04-30').value).toBe(66_67);
    // 2 Nos for 5 paise, 1 left: 2.5 paise → 3.
    const tiny: ItemMovement[] = [
      { date: '2025-04-02', quantity: 2_000, amount: 5 },
      { date: '2025-04-03', quantity: -1_000, amount: -10 },
    ];
    expect(fifoClosing(none, tiny, '2025-04-30').value).toBe(3);
  });

  it('values negative stock at the newest lot’s rate', () => {
    const oversold: ItemMovement[] = [
      { date: '2025-04-02', quantity: 2_000, amount: 300_00 },
      { date: '2025-04-03', quantity: -5_000, amount: -900_00 },
    ];
    expect(fifoClosing({ quantity: 0, value: 0 }, oversold, '2025-04-30')).toEqual({
      quantity: -3_000,
      value: -450_00,
    });
  });
});

describe('helpers', () => {
  it('maps Tally’s costing methods and dispatches on them', () => {
    expect(valuationMethodOf('Avg. Cost')).toBe('average');
    expect(valuationMethodOf(null)).toBe('average');
    expect(valuationMethodOf('FIFO')).toBe('fifo');
    expect(valuationMethodOf('FIFO Perpetual')).toBe('fifo');
    expect(valuationMethodOf('LIFO Perpetual')).toBeNull();
    expect(valuationMethodOf('Std. Cost')).toBeNull();
    expect(closingStock('fifo', opening, movements, '2025-04-30').value).toBe(2_450_00);
    expect(closingStock('average', opening, movements, '2025-04-30').value).toBe(2_314_29);
  });

  it('multiplies and divides exactly beyond 2^53 and rounds half away from zero', () => {
    // 9,000,000,000 thousandths × ₹90,00,00,000 would overflow a double's exact range.
    expect(mulDivRound(9_000_000_000, 9_000_000_000_00, 9_000_000_000)).toBe(9_000_000_000_00);
    expect(mulDivRound(5, 1, 2)).toBe(3);
    expect(mulDivRound(-5, 1, 2)).toBe(-3);
    expect(mulDivRound(4, 1, 3)).toBe(1);
  });
});
