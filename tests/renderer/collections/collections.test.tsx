// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type {
  CollectionParty,
  CollectionParties,
  MessageLogEntry,
  ReminderRunInfo,
  ReminderSettings,
  RunPreview,
  SmtpSettingsView,
} from '../../../shared/types/collections';
import { renderApp } from '../render-app';
import { company } from '../fake-bridge';

const contact = (over: Partial<CollectionParty['contact']> = {}): CollectionParty['contact'] => ({
  mailingName: null,
  address: [],
  state: null,
  pincode: null,
  country: null,
  gstin: null,
  contactPerson: null,
  phone: null,
  email: null,
  emailCc: null,
  mobile: null,
  tallyEmail: null,
  tallyMobile: null,
  ...over,
});

const party = (
  guid: string,
  name: string,
  overdue: number,
  c: CollectionParty['contact'],
): CollectionParty => ({
  ledgerGuid: guid,
  name,
  group: 'Sundry Debtors',
  contact: c,
  excluded: false,
  language: 'en',
  totalDue: overdue + 10_000_00,
  overdue,
  interest: 0,
  interestNote: null,
  overdueBills: 1,
  lastReminderAt: null,
});

const PATIL = party(
  'l-patil',
  'Patil Enterprises',
  2_50_000_00,
  contact({
    email: { value: 'accounts@patil.example', source: 'tally' },
    tallyEmail: 'accounts@patil.example',
    mobile: { value: '+91 98220 12345', source: 'tally' },
    tallyMobile: '+91 98220 12345',
  }),
);
const KULKARNI = party(
  'l-kulkarni',
  'Kulkarni & Sons',
  80_000_00,
  contact({
    email: { value: 'dues@kulkarni.example', source: 'tallyconnect' },
    tallyEmail: 'old@kulkarni.example',
  }),
);
const DESHMUKH = party('l-deshmukh', 'Deshmukh Stores', 5_000_00, contact());

const parties = (list: CollectionParty[] = [PATIL, KULKARNI, DESHMUKH]): CollectionParties => ({
  companyGuid: company.guid,
  asOn: '2026-12-01',
  parties: list,
});

const settings: ReminderSettings = {
  schedule: { kind: 'off' },
  messagesPerMinute: 20,
  minDaysBetween: 7,
  minOverdue: 0,
  staffAllowed: false,
  interest: null,
  attachExcel: false,
};

const preview: RunPreview = {
  companyGuid: company.guid,
  asOn: '2026-12-01',
  statementProblem: null,
  messages: [
    {
      ledgerGuid: 'l-patil',
      partyName: 'Patil Enterprises',
      to: ['accounts@patil.example'],
      cc: [],
      subject: 'Statement of account as on 01-12-2026 – Sharma Traders Pvt Ltd',
      text: 'Dear Patil Enterprises,\n\nTotal due: ₹2,60,000.00\n',
      language: 'en',
      totalDue: 2_60_000_00,
      overdue: 2_50_000_00,
      interest: 0,
      attachesStatement: true,
      attachmentName: 'Statement-Patil Enterprises-01-12-2026.pdf',
      attachments: ['Statement-Patil Enterprises-01-12-2026.pdf'],
    },
    {
      ledgerGuid: 'l-kulkarni',
      partyName: 'Kulkarni & Sons',
      to: ['dues@kulkarni.example'],
      cc: [],
      subject: 'Statement of account as on 01-12-2026 – Sharma Traders Pvt Ltd',
      text: 'Dear Kulkarni & Sons,\n',
      language: 'mr',
      totalDue: 90_000_00,
      overdue: 80_000_00,
      interest: 0,
      attachesStatement: true,
      attachmentName: 'Statement-Kulkarni & Sons-01-12-2026.pdf',
      attachments: ['Statement-Kulkarni & Sons-01-12-2026.pdf'],
    },
  ],
  withoutEmail: [
    {
      ledgerGuid: 'l-deshmukh',
      partyName: 'Deshmukh Stores',
      problem: 'No e-mail',
      mobile: null,
      whatsApp: null,
    },
  ],
  recentlySent: [],
  excluded: [],
};

const runInfo = (over: Partial<ReminderRunInfo> = {}): ReminderRunInfo => ({
  runId: 'run-1',
  companyGuid: company.guid,
  trigger: 'manual',
  status: 'running',
  startedAt: '2026-12-01T05:00:00.000Z',
  finishedAt: null,
  total: 2,
  sent: 0,
  failed: 0,
  skipped: 0,
  uncertain: [],
  error: null,
  ...over,
});

describe('Collections › parties', () => {
  it('lists contacts with TallyConnect’s own marked and missing ones said; edits and clears an override in place', async () => {
    const { bridge } = renderApp(`#/collections?c=${company.guid}`, {
      handlers: {
        'collections.parties': () => parties(),
        'collections.runs': () => [],
        'collections.party.update': () => ({ ok: true }),
      },
    });
    const table = await screen
      .findByRole('grid', { name: 'Parties with dues' })
      .catch(() => screen.findByRole('table', { name: 'Parties with dues' }));
    const rows = within(table).getAllByRole('row');
    const patil = rows.find((r) => r.textContent?.includes('Patil Enterprises'));
    const kulkarni = rows.find((r) => r.textContent?.includes('Kulkarni & Sons'));
    const deshmukh = rows.find((r) => r.textContent?.includes('Deshmukh Stores'));
    if (!patil || !kulkarni || !deshmukh) throw new Error('a party is missing from the list');
    expect(within(kulkarni).getByText('TallyConnect')).toHaveAttribute(
      'title',
      'Set in TallyConnect (Tally has old@kulkarni.example)',
    );
    expect(within(patil).queryByText('TallyConnect')).toBeNull();
    expect(within(deshmukh).getByText('No e-mail')).toBeInTheDocument();
    expect(within(deshmukh).getByText('No mobile')).toBeInTheDocument();
    expect(screen.getByTestId('chosen-summary')).toHaveTextContent('3 parties chosen');
    expect(screen.getByTestId('chosen-summary')).toHaveTextContent(
      '1 party has neither an e-mail nor a mobile.',
    );

    // A new address for Patil, typed in place: a bad one is refused in words, Enter saves a good one.
    fireEvent.click(within(patil).getByRole('button', { name: 'Edit E-mail' }));
    const input = within(patil).getByRole('textbox', { name: 'E-mail' });
    fireEvent.change(input, { target: { value: 'not an address' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(await within(patil).findByRole('alert')).toHaveTextContent('Type e-mail addresses like');
    expect(bridge.calls.some((c) => c.operation === 'collections.party.update')).toBe(false);
    fireEvent.change(input, { target: { value: 'dues@patil.example, md@patil.example' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() =>
      expect(
        bridge.calls.filter((c) => c.operation === 'collections.party.update').map((c) => c.input),
      ).toEqual([
        { companyGuid: company.guid, ledgerGuid: 'l-patil', email: 'dues@patil.example, md@patil.example' },
      ]),
    );
    // The screen stays where it was (Enter saved; it did not open the party).
    expect(screen.getByRole('heading', { name: 'Collections' })).toBeInTheDocument();

    // Kulkarni's own address cleared: Tally's applies again.
    fireEvent.click(within(kulkarni).getByRole('button', { name: 'Edit E-mail' }));
    fireEvent.click(within(kulkarni).getByRole('button', { name: 'Use Tally’s' }));
    await waitFor(() =>
      expect(bridge.calls.filter((c) => c.operation === 'collections.party.update').at(-1)?.input).toEqual({
        companyGuid: company.guid,
        ledgerGuid: 'l-kulkarni',
        email: null,
      }),
    );
  });

  it('chooses by overdue amount, then by hand from the ticks, and previews that choice', async () => {
    const { bridge } = renderApp(`#/collections?c=${company.guid}`, {
      handlers: {
        'collections.parties': () => parties(),
        'collections.runs': () => [],
        'collections.preview': () => preview,
        'collections.settings.get': () => settings,
      },
    });
    const amount = await screen.findByTestId('overdue-above');
    fireEvent.change(amount, { target: { value: '50000' } });
    expect(screen.getByTestId('chosen-summary')).toHaveTextContent('2 parties chosen');
    fireEvent.change(amount, { target: { value: 'abc' } });
    expect(screen.getByRole('alert')).toHaveTextContent('Type an amount in rupees');
    expect(screen.getByTestId('preview')).toBeDisabled();
    fireEvent.change(amount, { target: { value: '50000' } });
    // Unticking one turns the choice into a choice by hand, from the parties it covered.
    fireEvent.click(screen.getByRole('checkbox', { name: 'Choose Kulkarni & Sons' }));
    expect(screen.getByRole('button', { name: 'By hand' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('chosen-summary')).toHaveTextContent('1 party chosen');
    fireEvent.click(screen.getByTestId('preview'));
    await screen.findByRole('heading', { name: 'Preview: what goes to whom' });
    expect(bridge.calls.find((c) => c.operation === 'collections.preview')?.input).toEqual({
      companyGuid: company.guid,
      selection: { kind: 'parties', ledgerGuids: ['l-patil'] },
    });
  });
});

describe('Collections › preview and send', () => {
  it('says why the statement PDF cannot be made here, and lists the Excel copy beside it when asked for', async () => {
    const reason = 'Chromium was not found at /usr/bin/chromium';
    renderApp(
      `#/collections?c=${company.guid}&v=preview&s=${encodeURIComponent(JSON.stringify({ kind: 'overdue-above', amount: 0 }))}`,
      {
        handlers: {
          'collections.preview': () => ({
            ...preview,
            statementProblem: reason,
            messages: preview.messages.map((m) => ({
              ...m,
              attachesStatement: false,
              attachmentName: null,
              attachments: m.language === 'en' ? ['Statement-Patil Enterprises-01-12-2026.xlsx'] : [],
            })),
          }),
          'collections.settings.get': () => settings,
        },
      },
    );
    expect(await screen.findByTestId('statement-problem')).toHaveTextContent(
      `The statement PDF cannot be made here, so the e-mails go without it: ${reason}`,
    );
    const messages = await screen.findAllByTestId('preview-message');
    expect(within(messages[0]!).getByText('Statement-Patil Enterprises-01-12-2026.xlsx')).toBeInTheDocument();
    expect(within(messages[1]!).getByText(/No attachment/)).toBeInTheDocument();
  });

  it('shows what goes to whom, sends with progress, cancels, and gives each party’s result', async () => {
    const { bridge } = renderApp(
      `#/collections?c=${company.guid}&v=preview&s=${encodeURIComponent(JSON.stringify({ kind: 'overdue-above', amount: 0 }))}`,
      {
        handlers: {
          'collections.preview': () => preview,
          'collections.settings.get': () => settings,
          'collections.run.start': () => runInfo(),
          'collections.run.cancel': () => ({ cancelled: true }),
        },
      },
    );
    const messages = await screen.findAllByTestId('preview-message');
    expect(messages).toHaveLength(2);
    const first = within(messages[0]!);
    expect(first.getByText('accounts@patil.example')).toBeInTheDocument();
    expect(first.getByText('Statement-Patil Enterprises-01-12-2026.pdf')).toBeInTheDocument();
    expect(first.getByText(/Dear Patil Enterprises,/)).toBeInTheDocument();
    expect(within(messages[1]!).getByText(/मराठी/)).toBeInTheDocument();
    const skipped = screen.getByTestId('skipped');
    expect(within(skipped).getByText('Deshmukh Stores')).toBeInTheDocument();
    expect(within(skipped).getByText('No e-mail')).toBeInTheDocument();

    fireEvent.click(screen.getByTestId('send-now'));
    await waitFor(() =>
      expect(bridge.calls.find((c) => c.operation === 'collections.run.start')?.input).toEqual({
        companyGuid: company.guid,
        selection: { kind: 'overdue-above', amount: 0 },
        asOn: '2026-12-01',
      }),
    );
    const progress = await screen.findByTestId('run-progress');
    const emit = (event: Parameters<typeof bridge.emit<'collections.progress'>>[1]['event']) =>
      act(() => bridge.emit('collections.progress', { companyGuid: company.guid, runId: 'run-1', event }));
    emit({ type: 'started', total: 2 });
    emit({ type: 'sending', ledgerGuid: 'l-patil', partyName: 'Patil Enterprises', index: 0, total: 2 });
    expect(progress).toHaveTextContent('Sending to Patil Enterprises…');
    expect(within(progress).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0');
    emit({
      type: 'failed',
      ledgerGuid: 'l-patil',
      partyName: 'Patil Enterprises',
      reason: 'recipient-refused',
      message: '550 5.1.1 accounts@patil.example: mailbox unavailable',
    });
    expect(within(progress).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50');
    // Another run's events are not this one's.
    act(() =>
      bridge.emit('collections.progress', {
        companyGuid: company.guid,
        runId: 'run-other',
        event: { type: 'sent', ledgerGuid: 'l-kulkarni', partyName: 'Kulkarni & Sons' },
      }),
    );
    expect(within(progress).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50');

    fireEvent.click(screen.getByTestId('cancel-run'));
    await waitFor(() =>
      expect(bridge.calls.find((c) => c.operation === 'collections.run.cancel')?.input).toEqual({
        companyGuid: company.guid,
        runId: 'run-1',
      }),
    );
    expect(progress).toHaveTextContent('Stopping before the next party…');
    emit({ type: 'cancelled', run: runInfo({ status: 'cancelled', failed: 1 }) });

    expect(await screen.findByTestId('run-result')).toHaveTextContent(
      'Cancelled: 0 sent, 1 failed. The rest were not sent.',
    );
    const [patil, kulkarni] = screen.getAllByTestId('preview-message');
    expect(within(patil!).getByText('Failed')).toBeInTheDocument();
    expect(patil).toHaveTextContent('The mail server refused the address');
    expect(patil).toHaveTextContent('Server: 550 5.1.1 accounts@patil.example: mailbox unavailable');
    expect(within(kulkarni!).getByText('Waiting')).toBeInTheDocument();
    expect(screen.queryByTestId('cancel-run')).toBeNull();
  });

  it('says so, with the way to Settings, when no mail server is set up', async () => {
    renderApp(
      `#/collections?c=${company.guid}&v=preview&s=${encodeURIComponent(JSON.stringify({ kind: 'overdue-above', amount: 0 }))}`,
      {
        handlers: {
          'collections.preview': () => preview,
          'collections.settings.get': () => settings,
          'collections.run.start': () => ({
            code: 'VALIDATION',
            message: 'No mail server is set up for this company (Collections › Mail settings)',
            details: { field: 'smtp' },
          }),
        },
      },
    );
    await screen.findAllByTestId('preview-message');
    fireEvent.click(screen.getByTestId('send-now'));
    expect(
      await screen.findByText(/No mail server is set up for this company\. Set it in Settings/),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open Settings' })).toHaveAttribute(
      'href',
      `#/settings?c=${company.guid}`,
    );
    expect(screen.getByTestId('send-now')).toBeEnabled();
  });
});

describe('Collections › a party', () => {
  const log: MessageLogEntry[] = [
    {
      id: 2,
      runId: 'run-2',
      ledgerGuid: 'l-patil',
      partyName: 'Patil Enterprises',
      channel: 'email',
      state: 'failed',
      startedAt: '2026-11-20T05:00:00.000Z',
      at: '2026-11-20T05:00:02.000Z',
      to: ['accounts@patil.example'],
      cc: [],
      subject: 'Statement of account as on 20-11-2026 – Sharma Traders Pvt Ltd',
      attachments: [
        {
          filename: 'Statement Patil Enterprises 2026-11-20.pdf',
          bytes: 20480,
          contentType: 'application/pdf',
        },
      ],
      amounts: {
        asOn: '2026-11-20',
        totalDue: 2_60_000_00,
        overdue: 2_50_000_00,
        interest: 1_234_00,
        bills: [],
      },
      messageId: null,
      serverResponse: '535 5.7.8 Authentication failed',
      reason: 'auth',
      error: 'Invalid login: 535 5.7.8 Authentication failed',
    },
  ];

  it('shows its messages, and opens WhatsApp with the text shown first, noting it in the log', async () => {
    const opened: string[] = [];
    const open = vi.spyOn(window, 'open').mockImplementation((url) => {
      opened.push(String(url));
      return null;
    });
    try {
      const { bridge } = renderApp(`#/collections?c=${company.guid}&p=l-patil`, {
        handlers: {
          'collections.parties': () => parties(),
          'collections.log': () => log,
          'collections.whatsapp': (input) => ({
            ledgerGuid: 'l-patil',
            partyName: 'Patil Enterprises',
            mobile: '+919822012345',
            language: 'en',
            text: 'Dear Patil Enterprises, your account…',
            links: {
              web: 'https://wa.me/919822012345?text=Dear',
              app: 'whatsapp://send?phone=919822012345&text=Dear',
            },
            logged: input.log,
          }),
        },
      });
      const messages = await screen.findByTestId('message-log');
      await within(messages).findByText('Failed');
      expect(messages).toHaveTextContent('The mail server refused the user name or password');
      expect(messages).toHaveTextContent('Statement Patil Enterprises 2026-11-20.pdf (20 KB)');
      expect(messages).toHaveTextContent('interest ₹1,234.00');

      fireEvent.click(screen.getByTestId('whatsapp'));
      const dialog = await screen.findByTestId('whatsapp-dialog');
      expect(await within(dialog).findByTestId('whatsapp-text')).toHaveTextContent('Dear Patil Enterprises');
      expect(bridge.calls.filter((c) => c.operation === 'collections.whatsapp').map((c) => c.input)).toEqual([
        { companyGuid: company.guid, ledgerGuid: 'l-patil', log: false, asOn: '2026-12-01' },
      ]);
      fireEvent.click(within(dialog).getByRole('button', { name: 'Open WhatsApp Web' }));
      expect(opened).toEqual(['https://wa.me/919822012345?text=Dear']);
      expect(await within(dialog).findByRole('status')).toHaveTextContent('noted it in the party’s messages');
      expect(bridge.calls.filter((c) => c.operation === 'collections.whatsapp').at(-1)?.input).toMatchObject({
        log: true,
      });
    } finally {
      open.mockRestore();
    }
  });
});

describe('Settings › Collections', () => {
  const smtp: SmtpSettingsView = {
    host: 'smtp.gmail.com',
    port: 587,
    security: 'starttls',
    user: 'accounts@sharma.example',
    fromName: 'Sharma Traders',
    fromAddress: 'accounts@sharma.example',
    replyTo: null,
    passwordStored: true,
    canStorePassword: true,
    passwordStorageNote: null,
  };

  it('saves reminder settings checked in words, and never shows the password back', async () => {
    const { bridge } = renderApp(`#/settings?c=${company.guid}`, {
      handlers: {
        'collections.settings.get': () => settings,
        'collections.settings.set': (input) => ({ attachExcel: false, ...input.settings }),
        'collections.smtp.get': () => smtp,
        'collections.smtp.set': () => smtp,
        'collections.smtp.test': () => ({
          ok: false,
          reason: 'auth',
          message: '535 5.7.8 Username and Password not accepted',
        }),
      },
    });
    const reminders = within(await screen.findByTestId('collections-settings'));
    fireEvent.change(reminders.getByRole('combobox', { name: 'Send reminders' }), {
      target: { value: 'weekly' },
    });
    fireEvent.change(reminders.getByRole('textbox', { name: 'At (HH:MM)' }), { target: { value: '25:00' } });
    fireEvent.click(reminders.getByRole('button', { name: 'Save reminder settings' }));
    expect(reminders.getByRole('alert')).toHaveTextContent('Type the time like 10:30');
    fireEvent.change(reminders.getByRole('textbox', { name: 'At (HH:MM)' }), { target: { value: '09:30' } });
    fireEvent.change(reminders.getByRole('combobox', { name: 'On' }), { target: { value: '5' } });
    fireEvent.click(reminders.getByRole('checkbox', { name: /Attach an Excel copy/ }));
    fireEvent.click(reminders.getByRole('button', { name: 'Save reminder settings' }));
    await waitFor(() =>
      expect(bridge.calls.find((c) => c.operation === 'collections.settings.set')?.input).toEqual({
        companyGuid: company.guid,
        settings: { ...settings, schedule: { kind: 'weekly', weekday: 5, time: '09:30' }, attachExcel: true },
      }),
    );

    const mail = within(screen.getByTestId('smtp-settings'));
    const password = mail.getByLabelText(/^Password/);
    expect(password).toHaveValue('');
    expect(password).toHaveAttribute('type', 'password');
    expect(mail.getByText(/A password is stored \(encrypted\)/)).toBeInTheDocument();
    // Saved without typing one: the stored password is kept (not sent at all).
    fireEvent.click(mail.getByRole('button', { name: 'Save mail settings' }));
    await waitFor(() => expect(bridge.calls.some((c) => c.operation === 'collections.smtp.set')).toBe(true));
    expect(bridge.calls.find((c) => c.operation === 'collections.smtp.set')?.input).not.toHaveProperty(
      'password',
    );
    fireEvent.change(password, { target: { value: 'abcd efgh ijkl mnop' } });
    fireEvent.click(mail.getByRole('button', { name: 'Save mail settings' }));
    await waitFor(() =>
      expect(bridge.calls.filter((c) => c.operation === 'collections.smtp.set').at(-1)?.input).toMatchObject({
        password: 'abcd efgh ijkl mnop',
      }),
    );
    await waitFor(() => expect(password).toHaveValue(''));
    fireEvent.click(mail.getByTestId('smtp-test'));
    expect(await mail.findByTestId('smtp-test-result')).toHaveTextContent(
      'The test message was not sent: The mail server refused the user name or password',
    );
    expect(mail.getByTestId('smtp-test-result')).toHaveTextContent(
      '535 5.7.8 Username and Password not accepted',
    );
  });

  it('in serve mode, where no password can be kept, says why in the server’s words', async () => {
    const why =
      'This TallyConnect cannot keep the mail password safely (no system key store is available outside the desktop app).';
    renderApp(`#/settings?c=${company.guid}`, {
      handlers: {
        'collections.settings.get': () => settings,
        'collections.smtp.get': () => ({
          ...smtp,
          passwordStored: false,
          canStorePassword: false,
          passwordStorageNote: why,
        }),
      },
    });
    const mail = within(await screen.findByTestId('smtp-settings'));
    expect(mail.getByTestId('password-refused')).toHaveTextContent(
      `This TallyConnect cannot keep a mail password: ${why}`,
    );
    expect(mail.getByLabelText(/^Password/)).toBeDisabled();
  });
});
