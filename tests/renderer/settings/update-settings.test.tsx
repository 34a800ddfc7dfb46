// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { UpdateStatus } from '../../../shared/types/update';
import { renderApp } from '../render-app';

const off: UpdateStatus = {
  phase: 'disabled',
  currentVersion: '0.1.0',
  feedUrl: '',
  feedSource: null,
  disabledReason: 'no-feed',
  available: null,
  progress: null,
  installOnQuit: false,
  lastCheckedAt: null,
  error: null,
};
const on: UpdateStatus = {
  ...off,
  phase: 'up-to-date',
  feedUrl: 'https://updates.example.in/tc/',
  feedSource: 'settings',
  disabledReason: null,
  lastCheckedAt: '2026-12-02T10:00:00.000Z',
};
const ready: UpdateStatus = { ...on, phase: 'ready', available: { version: '0.2.0', releaseDate: null } };

const card = async () => within(await screen.findByTestId('update-settings'));

describe('Settings › Updates', () => {
  it('is off until an address is entered; a bad address is named before saving, a good one is saved', async () => {
    const { bridge } = renderApp('#/settings', {
      handlers: {
        'update.status': () => off,
        'update.configure': (input) => ({
          ...off,
          phase: 'idle',
          disabledReason: null,
          feedUrl: input.feedUrl,
          feedSource: 'settings',
        }),
      },
    });
    const c = await card();
    expect(c.getByTestId('update-phase')).toHaveTextContent('Updates are off.');
    expect(c.getByText(/Enter the update address/)).toBeInTheDocument();
    const address = c.getByRole('textbox', { name: 'Update address' });
    fireEvent.change(address, { target: { value: 'http://updates.example.in/' } });
    fireEvent.click(c.getByRole('button', { name: 'Save address' }));
    expect(await c.findByRole('alert')).toHaveTextContent('Update address: must be an https:// address');
    expect(bridge.calls.some((x) => x.operation === 'update.configure')).toBe(false);
    fireEvent.change(address, { target: { value: 'https://updates.example.in/tc/' } });
    fireEvent.click(c.getByRole('button', { name: 'Save address' }));
    expect(await c.findByText('Update address saved.')).toBeInTheDocument();
    expect(bridge.calls.find((x) => x.operation === 'update.configure')?.input).toEqual({
      feedUrl: 'https://updates.example.in/tc/',
    });
    expect(c.getByTestId('update-phase')).toHaveTextContent('Updates are on; the first check runs shortly.');
  });

  it('checks on request and follows the download live, then asks for consent', async () => {
    const { bridge } = renderApp('#/settings', {
      handlers: {
        'update.status': () => on,
        'update.check': () => ({ ...on, phase: 'checking' }),
        'update.install': (input) => ({ ...ready, installOnQuit: input.when === 'on-quit' }),
      },
    });
    const c = await card();
    expect(c.getByTestId('update-phase')).toHaveTextContent('TallyConnect is up to date.');
    expect(c.getByText(/^Last checked/)).toBeInTheDocument();
    fireEvent.click(c.getByRole('button', { name: 'Check now' }));
    expect(await c.findByText('Checking for updates…')).toBeInTheDocument();
    act(() =>
      bridge.emit('update.status', {
        ...on,
        phase: 'downloading',
        available: { version: '0.2.0', releaseDate: null },
        progress: { percent: 42.7, transferredBytes: 427, totalBytes: 1000, bytesPerSecond: 100 },
      }),
    );
    // React Query notifies on its own tick: wait for the re-render.
    await waitFor(() =>
      expect(c.getByTestId('update-phase')).toHaveTextContent('Downloading version 0.2.0… 42%'),
    );
    expect(c.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '42');
    act(() => bridge.emit('update.status', ready));
    await waitFor(() =>
      expect(c.getByTestId('update-phase')).toHaveTextContent('Version 0.2.0 is downloaded and verified.'),
    );
    fireEvent.click(c.getByRole('button', { name: 'Install when I quit' }));
    expect(await c.findByText('It will be installed when you quit TallyConnect.')).toBeInTheDocument();
    expect(bridge.calls.find((x) => x.operation === 'update.install')?.input).toEqual({ when: 'on-quit' });
    expect(c.getByRole('button', { name: 'Restart and install now' })).toBeEnabled();
  });

  it('shows a failed download in plain words, and an address set by the environment as read-only', async () => {
    renderApp('#/settings', {
      handlers: {
        'update.status': () => ({
          ...on,
          feedSource: 'environment',
          phase: 'error',
          error: 'The downloaded update did not match its published checksum and was discarded.',
        }),
      },
    });
    const c = await card();
    expect(c.getByTestId('update-error')).toHaveTextContent('did not match its published checksum');
    expect(c.getByRole('textbox', { name: 'Update address' })).toBeDisabled();
    expect(c.getByText(/Set by UPDATE_FEED_URL/)).toBeInTheDocument();
    expect(c.queryByRole('button', { name: 'Save address' })).toBeNull();
  });

  it.each([
    ['mr', 'आवृत्ती 0.2.0 डाउनलोड होऊन तपासली गेली आहे.'],
    ['hi', 'संस्करण 0.2.0 डाउनलोड होकर जाँचा जा चुका है.'],
  ] as const)('speaks %s', async (language, text) => {
    renderApp('#/settings', { language, handlers: { 'update.status': () => ready } });
    expect((await card()).getByTestId('update-phase')).toHaveTextContent(text);
  });

  it('is not shown by the browser server, which cannot update the desktop app', async () => {
    renderApp('#/settings', {
      handlers: { 'update.status': () => ({ ...off, disabledReason: 'not-desktop' }) },
    });
    await screen.findByRole('textbox', { name: 'Tally XML port' });
    expect(screen.queryByTestId('update-settings')).toBeNull();
  });
});
