// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import type { ReactNode } from 'react';
import { BridgeProvider } from '../../../renderer/src/bridge/context';
import { TOKEN_STORAGE_KEY } from '../../../renderer/src/bridge/http-bridge';
import { createI18n } from '../../../renderer/src/i18n';
import { PortalGate } from '../../../renderer/src/screens/portal/PortalGate';
import { PortalSettings } from '../../../renderer/src/screens/portal/PortalSettings';
import type { PortalUser } from '../../../shared/types/portal';
import { company, createFakeBridge, demoHandlers, type FakeHandlers } from '../fake-bridge';

const asha: PortalUser = {
  username: 'asha',
  displayName: 'Asha Patil',
  role: 'staff',
  companies: [company.guid],
  disabled: false,
  createdAt: '2026-01-01T00:00:00.000Z',
};

function mount(ui: ReactNode, handlers: FakeHandlers) {
  const bridge = createFakeBridge({ ...demoHandlers(), ...handlers });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <I18nextProvider i18n={createI18n('en')}>
      <BridgeProvider bridge={bridge}>
        <QueryClientProvider client={client}>{ui}</QueryClientProvider>
      </BridgeProvider>
    </I18nextProvider>,
  );
  return bridge;
}

describe('PortalGate', () => {
  beforeEach(() => localStorage.clear());

  it('shows the app straight away to the desktop owner', async () => {
    mount(<PortalGate>books</PortalGate>, { 'auth.me': () => null });
    expect(await screen.findByText('books')).toBeInTheDocument();
    expect(screen.queryByTestId('portal-user')).toBeNull();
  });

  it('asks for sign-in, stores the token, then shows the app with the user and sign-out', async () => {
    let signedIn = false;
    const bridge = mount(<PortalGate>books</PortalGate>, {
      'auth.me': () => (signedIn ? asha : { code: 'UNAUTHORIZED', message: 'Sign in first' }),
      'auth.signIn': (input) => {
        if (input.password !== 'right-password')
          return { code: 'UNAUTHORIZED', message: 'Wrong username or password' };
        signedIn = true;
        return { token: 'tcp_token', user: asha, expiresInSeconds: 7200 };
      },
      'auth.signOut': () => {
        signedIn = false;
        return { signedOut: true };
      },
    });
    const user = await screen.findByLabelText('Username');
    fireEvent.change(user, { target: { value: 'asha' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password');
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'right-password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('books')).toBeInTheDocument();
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBe('tcp_token');
    expect(screen.getByTestId('portal-user')).toHaveTextContent('Asha Patil');
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByLabelText('Username')).toBeInTheDocument();
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(bridge.calls.some((c) => c.operation === 'auth.signOut')).toBe(true);
  });

  it('says how long to wait after too many attempts', async () => {
    mount(<PortalGate>books</PortalGate>, {
      'auth.me': () => ({ code: 'UNAUTHORIZED', message: 'Sign in first' }),
      'auth.signIn': () => ({
        code: 'RATE_LIMITED',
        message: 'Too many',
        details: { retryAfterSeconds: 840 },
      }),
    });
    fireEvent.change(await screen.findByLabelText('Username'), { target: { value: 'asha' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'whatever' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Try again in 840 seconds');
  });
});

describe('Settings → Office portal', () => {
  it('lists accounts and who is signed in, with the company they look at', async () => {
    mount(<PortalSettings />, {
      'users.list': () => [asha],
      'sessions.active': () => [
        {
          username: 'asha',
          displayName: 'Asha Patil',
          signedInAt: '2026-01-05T09:00:00.000Z',
          lastSeenAt: '2026-01-05T09:30:00.000Z',
          address: '192.168.1.23',
          companyGuid: company.guid,
        },
      ],
    });
    const table = await screen.findByTestId('active-users');
    expect(table).toHaveTextContent('192.168.1.23');
    await waitFor(() => expect(table).toHaveTextContent(company.name));
    expect(screen.getAllByText('Asha Patil').length).toBeGreaterThan(0);
  });

  it('names the missing password before creating an account, then creates it', async () => {
    const saved: unknown[] = [];
    const bridge = mount(<PortalSettings />, {
      'users.list': () => [],
      'sessions.active': () => [],
      'users.save': (input) => {
        saved.push(input);
        return { ...asha, username: input.username, displayName: input.displayName };
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Add account' }));
    const form = await screen.findByRole('form', { name: 'Portal account' });
    fireEvent.change(form.querySelector('input[name="username"]') as HTMLInputElement, {
      target: { value: 'ravi' },
    });
    fireEvent.change(form.querySelector('input[name="displayName"]') as HTMLInputElement, {
      target: { value: 'Ravi' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('password');
    expect(saved).toEqual([]);
    fireEvent.change(form.querySelector('input[name="password"]') as HTMLInputElement, {
      target: { value: 'long-password' },
    });
    fireEvent.click(await screen.findByLabelText(company.name));
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toMatchObject({
      username: 'ravi',
      role: 'staff',
      companies: [company.guid],
      password: 'long-password',
    });
    expect(bridge.calls.filter((c) => c.operation === 'users.list').length).toBeGreaterThan(1);
  });

  it('saves portal mode settings', async () => {
    const bridge = mount(<PortalSettings />, { 'users.list': () => [], 'sessions.active': () => [] });
    const enabled = await screen.findByRole('checkbox', { name: 'Open the portal on the office network' });
    fireEvent.click(enabled);
    fireEvent.change(screen.getByRole('textbox', { name: /Listen on address/ }), {
      target: { value: '0.0.0.0' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save portal settings' }));
    await waitFor(() =>
      expect(bridge.calls.find((c) => c.operation === 'settings.update')?.input).toEqual({
        portal: { enabled: true, bindAddress: '0.0.0.0', port: 4871 },
      }),
    );
  });

  it('says where sessions are kept and why a Redis without a password is not used', async () => {
    const reason = 'the Redis server has no password and the portal listens on the network';
    mount(<PortalSettings />, {
      'users.list': () => [],
      'sessions.active': () => [],
      'portal.status': () => ({ backend: 'memory', liveUpdates: 'local', redisRefused: reason }),
    });
    const state = await screen.findByTestId('portal-state');
    expect(state).toHaveTextContent('Sessions and sign-in limits are kept in: this TallyConnect only');
    expect(state).toHaveTextContent(`The cache server is not used for the portal: ${reason}`);
  });
});

describe('Settings › Office portal › HTTPS certificate', () => {
  const fingerprint =
    'D8:83:32:90:CB:38:0E:5A:86:D7:13:EA:D8:7C:8B:3C:5D:55:60:A7:2B:E4:68:9A:78:06:0F:DA:F3:E7:C6:EB';
  const state = {
    certificate: {
      source: 'generated' as const,
      fingerprint256: fingerprint,
      subject: 'CN=TallyConnect office portal (office-pc)',
      names: ['office-pc', 'localhost', '127.0.0.1'],
      validFrom: '2026-12-06T00:00:00.000Z',
      validTo: '2029-03-11T00:00:00.000Z',
      path: '/data/tls/portal-cert.pem',
    },
    problem: null,
    configured: { pfxPath: '', certPath: '', keyPath: '', hasPassphrase: false },
  };

  it('shows the fingerprint, and says whether the one a browser shows is the same or different', async () => {
    mount(<PortalSettings />, {
      'users.list': () => [],
      'sessions.active': () => [],
      'portal.certificate': () => state,
    });
    const card = await screen.findByTestId('portal-certificate');
    expect(await screen.findByTestId('portal-fingerprint')).toHaveTextContent(fingerprint);
    expect(card).toHaveTextContent('Made by TallyConnect for this PC');
    expect(card).toHaveTextContent('office-pc, localhost, 127.0.0.1');
    const check = screen.getByRole('textbox', { name: /Fingerprint the browser shows/ });
    // As a browser writes it: lower case, spaces.
    fireEvent.change(check, { target: { value: fingerprint.toLowerCase().replace(/:/g, ' ') } });
    expect(screen.getByTestId('fingerprint-verdict')).toHaveTextContent(/^Same fingerprint/);
    // Another certificate (an impostor on the network).
    fireEvent.change(check, { target: { value: `${fingerprint.slice(0, -2)}EC` } });
    expect(screen.getByTestId('fingerprint-verdict')).toHaveTextContent(
      /^Different fingerprint: do not sign in/,
    );
  });

  it('saves the office’s own PFX with its passphrase, and says why a certificate cannot be used', async () => {
    let current: typeof state | { certificate: null; problem: string; configured: typeof state.configured } =
      state;
    const bridge = mount(<PortalSettings />, {
      'users.list': () => [],
      'sessions.active': () => [],
      'portal.certificate': () => current,
    });
    await screen.findByTestId('portal-fingerprint');
    fireEvent.change(screen.getByRole('textbox', { name: 'PFX file' }), {
      target: { value: 'C:\\Office\\books.pfx' },
    });
    fireEvent.change(screen.getByLabelText('PFX passphrase'), { target: { value: 'office-secret' } });
    current = {
      certificate: null,
      problem: 'The office certificate cannot be used: check the file and its passphrase',
      configured: { ...state.configured, pfxPath: 'C:\\Office\\books.pfx', hasPassphrase: true },
    };
    fireEvent.click(screen.getByRole('button', { name: 'Save certificate settings' }));
    await waitFor(() =>
      expect(bridge.calls.find((c) => c.operation === 'settings.update')?.input).toEqual({
        portal: {
          certificate: {
            pfxPath: 'C:\\Office\\books.pfx',
            passphrase: 'office-secret',
            certPath: '',
            keyPath: '',
          },
        },
      }),
    );
    expect(await screen.findByText(/the portal will not start on the network/)).toBeInTheDocument();
  });
});
