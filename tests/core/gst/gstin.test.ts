import { checkGstin, gstinCheckChar } from '../../../electron/core/gst/gstin';
import { stateCodeOf, stateName } from '../../../electron/core/gst/states';

describe('GSTIN', () => {
  it('accepts published GSTINs and computes their check character', () => {
    // GSTN's sample GSTIN and a UIN shaped as the portal issues them.
    expect(checkGstin('27AAPFU0939F1ZV')).toEqual({ ok: true, gstin: '27AAPFU0939F1ZV', stateCode: '27' });
    expect(gstinCheckChar('27AAPFU0939F1Z')).toBe('V');
    const uin = `0717UNO00157UN${gstinCheckChar('0717UNO00157UN')}`;
    expect(checkGstin(uin).ok).toBe(true);
  });

  it('reads a GSTIN typed with spaces or in lower case', () => {
    expect(checkGstin(' 27aapfu0939f1zv ')).toMatchObject({ ok: true, gstin: '27AAPFU0939F1ZV' });
  });

  it.each([
    [null, 'missing'],
    ['', 'missing'],
    ['27AAPFU0939F1Z', 'length'],
    ['27AAPFU0939F1Z-', 'characters'],
    ['27AAPF10939F1ZV', 'shape'],
    ['00AAPFU0939F1ZV', 'state'],
    ['27AAPFU0939F1ZW', 'check'],
  ])('names what is wrong with %s (%s)', (text, problem) => {
    const check = checkGstin(text);
    expect(check).toMatchObject({ ok: false, problem });
    if (!check.ok && text) expect(check.message).toContain(text.toUpperCase().replace(/\s/g, ''));
  });
});

describe('GST states', () => {
  it('maps Tally state names and coded places of supply to codes', () => {
    expect(stateCodeOf('Maharashtra')).toBe('27');
    expect(stateCodeOf('Dadra & Nagar Haveli and Daman & Diu')).toBe('26');
    expect(stateCodeOf('Orissa')).toBe('21');
    expect(stateCodeOf('27-Maharashtra')).toBe('27');
    expect(stateCodeOf('Atlantis')).toBeNull();
    expect(stateName('29')).toBe('Karnataka');
  });
});
