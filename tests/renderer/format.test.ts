import { createI18n } from '../../renderer/src/i18n';
import { drCr, duration } from '../../renderer/src/lib/format';

describe('duration', () => {
  it('shows seconds under a minute', () => {
    expect(duration(0)).toBe('0 s');
    expect(duration(45)).toBe('45 s');
    expect(duration(59.4)).toBe('59 s');
  });

  it('leaves out zero seconds', () => {
    expect(duration(60)).toBe('1 min');
    expect(duration(600)).toBe('10 min');
    expect(duration(59 * 60)).toBe('59 min');
  });

  it('keeps the seconds when there are some', () => {
    expect(duration(80)).toBe('1 min 20 s');
    expect(duration(10 * 60 + 5)).toBe('10 min 5 s');
  });

  it('counts long ones in hours and minutes, leaving out zero minutes', () => {
    expect(duration(3600)).toBe('1 h');
    expect(duration(90 * 60)).toBe('1 h 30 min');
    expect(duration(2 * 3600 + 59)).toBe('2 h');
    expect(duration(24 * 3600)).toBe('24 h');
  });

  it('rounds and never goes below zero', () => {
    expect(duration(599.6)).toBe('10 min');
    expect(duration(-5)).toBe('0 s');
  });
});

describe('the side of a balance follows the screen language', () => {
  afterEach(() => {
    createI18n('en');
  });

  it('says Dr / Cr in English and नावे / जमा in Marathi, नामे / जमा in Hindi, as the column headings do', () => {
    const i18n = createI18n('en');
    expect(drCr(1_200_00)).toBe('₹1,200.00 Dr');
    expect(drCr(-1_200_00)).toBe('₹1,200.00 Cr');
    void i18n.changeLanguage('mr');
    expect(drCr(1_200_00)).toBe('₹1,200.00 नावे');
    expect(drCr(-1_200_00)).toBe('₹1,200.00 जमा');
    expect(i18n.t('trialBalance.debit')).toBe('नावे');
    void i18n.changeLanguage('hi');
    expect(drCr(1_200_00)).toBe('₹1,200.00 नामे');
    expect(drCr(0)).toBe('₹0.00');
  });
});
