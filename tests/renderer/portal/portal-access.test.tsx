// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import type { PortalUser } from '../../../shared/types/portal';
import { company } from '../fake-bridge';
import { renderApp } from '../render-app';

const partner: PortalUser = {
  username: 'meera',
  displayName: 'Meera Joshi',
  role: 'owner',
  companies: [],
  disabled: false,
  createdAt: '2026-01-01T00:00:00.000Z',
};

const desktopOnlyOps = ['settings.get', 'cache.status', 'cache.keys', 'users.list', 'sessions.active'];

describe('Desktop-only screens for office-portal users', () => {
  it('hides Cache and Settings from the sidebar and refuses their URLs in plain words', async () => {
    const { bridge } = renderApp(`#/settings?c=${company.guid}`, { handlers: { 'auth.me': () => partner } });
    expect(await screen.findByTestId('desktop-only')).toHaveTextContent(
      /only be used on the office’s TallyConnect computer/,
    );
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: /Dashboard/ })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: /Cache/ })).toBeNull();
    expect(within(nav).queryByRole('link', { name: /Settings/ })).toBeNull();
    expect(nav.querySelector('[data-screen="cache"], [data-screen="settings"]')).toBeNull();

    act(() => {
      window.location.hash = `#/cache?c=${company.guid}`;
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(await screen.findByTestId('desktop-only')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the dashboard' })).toHaveAttribute(
      'href',
      `#/dashboard?c=${company.guid}`,
    );
    // The screens never mounted, so nothing asked the server for what it would refuse.
    expect(bridge.calls.filter((c) => desktopOnlyOps.includes(c.operation))).toEqual([]);
  });

  it('keeps both screens for the desktop owner', async () => {
    renderApp('#/settings', { handlers: { 'auth.me': () => null } });
    expect(await screen.findByRole('textbox', { name: 'Tally XML port' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    // The cache is reached from Settings › Diagnostics (not the accountant's menu).
    expect(screen.getByTestId('open-cache')).toHaveAttribute('href', expect.stringMatching(/^#\/cache/));
    expect(nav.querySelector('[data-screen="settings"]')).not.toBeNull();
    expect(screen.queryByTestId('desktop-only')).toBeNull();
  });
});
