// @vitest-environment jsdom
import { MENU_SCREENS } from '../../renderer/src/components/keyboard/menu';
import { buildHash, parseHash } from '../../renderer/src/lib/route';
import { ROUTES, SCREENS } from '../../renderer/src/routes';

/** The route table is built from the features' lists: every name routes, loads a screen and round-trips. */
describe('the route table built from the features', () => {
  it('holds every feature screen once, and every menu entry', () => {
    expect(new Set(SCREENS).size).toBe(SCREENS.length);
    for (const screen of MENU_SCREENS) expect(SCREENS).toContain(screen);
    expect(SCREENS).toEqual(
      expect.arrayContaining([
        'companies',
        'dashboard',
        'ledger',
        'trialBalance',
        'outstanding',
        'stockItem',
        'settings',
      ]),
    );
  });

  it.each(SCREENS)('%s: the hash router accepts it and its screen loads', async (screen) => {
    expect(parseHash(buildHash(screen, { c: 'G' })).screen).toBe(screen);
    const component = await ROUTES[screen].load();
    expect(typeof component).toBe('function');
  });

  it('falls back for a screen no feature declares', () => {
    expect(parseHash('#/noSuchScreen?c=G', 'dashboard').screen).toBe('dashboard');
  });
});
