import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../electron/core/app';
import type { CallContext } from '../../../electron/core/service/types';
import type { PortalUser } from '../../../shared/types/portal';
import { DEFAULT_REMINDER_SETTINGS } from '../../../electron/core/collections/settings-store';
import { TINY_GUID } from '../db/fixtures';
import { ASHA, testSecretBox, writeWithDebtors } from '../collections/books';

/**
 * The collections operations through the one dispatcher, with the portal's access rules: the desktop
 * owner and partners always, staff only for their companies and only when the owner allowed staff in the
 * company's reminder settings; the mail settings partners only.
 */

const desktop: CallContext = { caller: 'test', user: null };
const user = (role: PortalUser['role'], companies: string[] = [TINY_GUID]): CallContext => ({
  caller: 'http',
  user: {
    username: role,
    displayName: role,
    role,
    companies,
    disabled: false,
    createdAt: '2025-01-01T00:00:00Z',
  },
});
const partner = user('owner', []);
const staff = user('staff');
const otherStaff = user('staff', ['another-company']);

const SMTP = {
  companyGuid: TINY_GUID,
  host: 'smtp.gmail.com',
  port: 587,
  security: 'starttls' as const,
  user: 'accounts@tiny.example',
  fromName: 'Tiny Traders',
  fromAddress: 'accounts@tiny.example',
  replyTo: null,
};

describe('collections operations', () => {
  let dataDir: string;
  let core: Core;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tc-coll-svc-'));
    core = await createCore({ dataDir, mode: 'test', secretBox: testSecretBox() });
    writeWithDebtors(core.store, 2);
  });
  afterAll(async () => {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('company.profile: the address and GSTIN for anyone who may see the company', async () => {
    const answer = await core.dispatch('company.profile', { companyGuid: TINY_GUID }, staff);
    expect(answer).toMatchObject({ ok: true, data: { gstin: '27AAACT1234A1Z5', state: 'Maharashtra' } });
    expect(await core.dispatch('company.profile', { companyGuid: TINY_GUID }, otherStaff)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('parties with contacts, overdue and interest; an override and an exclusion; the preview lists who gets what', async () => {
    const list = await core.dispatch(
      'collections.parties',
      { companyGuid: TINY_GUID, asOn: '2025-06-30' },
      desktop,
    );
    if (!list.ok) throw new Error(list.error.message);
    expect(list.data.parties.map((p) => p.name)).toEqual(['Debtor 1', 'Debtor 2', 'Asha Stores']);
    expect(list.data.parties[0]).toMatchObject({ overdue: 9_000_00, interest: 0, lastReminderAt: null });
    expect(
      await core.dispatch(
        'collections.party.update',
        { companyGuid: TINY_GUID, ledgerGuid: 'L-D2', email: null, mobile: '98220 55555' },
        desktop,
      ),
    ).toEqual({ ok: true, data: { ok: true } });
    // Debtor 2 has its Tally e-mail; a bad one is refused naming it.
    expect(
      await core.dispatch(
        'collections.party.update',
        { companyGuid: TINY_GUID, ledgerGuid: 'L-D2', email: 'nope' },
        desktop,
      ),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '"nope" is not an e-mail address' } });
    await core.dispatch(
      'collections.party.update',
      { companyGuid: TINY_GUID, ledgerGuid: ASHA, excluded: true },
      desktop,
    );
    const preview = await core.dispatch(
      'collections.preview',
      { companyGuid: TINY_GUID, selection: { kind: 'overdue-above', amount: 0 }, asOn: '2025-06-30' },
      partner,
    );
    if (!preview.ok) throw new Error(preview.error.message);
    expect(
      preview.data.messages.map((m) => [m.partyName, m.to, m.attachesStatement, m.attachmentName]),
    ).toEqual([
      ['Debtor 1', ['d1@party.test'], false, null],
      ['Debtor 2', ['d2@party.test'], false, null],
    ]);
    expect(preview.data.excluded).toEqual([{ ledgerGuid: ASHA, partyName: 'Asha Stores' }]);
    await core.dispatch(
      'collections.party.update',
      { companyGuid: TINY_GUID, ledgerGuid: ASHA, excluded: false },
      desktop,
    );
  });

  it('interest set in TallyConnect shows in the list (18% a year from the due date)', async () => {
    const set = await core.dispatch(
      'collections.settings.set',
      {
        companyGuid: TINY_GUID,
        settings: {
          ...DEFAULT_REMINDER_SETTINGS,
          interest: { ratePercent: '18', style: '365-Day Year', from: 'due', graceDays: 0, aboveAmount: 0 },
        },
      },
      desktop,
    );
    expect(set.ok).toBe(true);
    const list = await core.dispatch(
      'collections.parties',
      { companyGuid: TINY_GUID, asOn: '2025-06-30' },
      desktop,
    );
    if (!list.ok) throw new Error(list.error.message);
    // Debtor 1: ₹9,000 due 31-03-2025, 91 days to 30-06-2025: 9,000 × 18% × 91/365 = ₹403.89.
    expect(list.data.parties[0]).toMatchObject({ name: 'Debtor 1', interest: 403_89 });
    await core.dispatch(
      'collections.settings.set',
      { companyGuid: TINY_GUID, settings: DEFAULT_REMINDER_SETTINGS },
      desktop,
    );
  });

  it('staff are refused unless the owner allows them; never the mail settings; never another company', async () => {
    const parties = { companyGuid: TINY_GUID };
    expect(await core.dispatch('collections.parties', parties, staff)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/owner's permission/) },
    });
    expect((await core.dispatch('collections.parties', parties, partner)).ok).toBe(true);
    // Staff cannot give themselves the permission.
    expect(
      await core.dispatch(
        'collections.settings.set',
        { companyGuid: TINY_GUID, settings: { ...DEFAULT_REMINDER_SETTINGS, staffAllowed: true } },
        staff,
      ),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await core.dispatch(
      'collections.settings.set',
      { companyGuid: TINY_GUID, settings: { ...DEFAULT_REMINDER_SETTINGS, staffAllowed: true } },
      partner,
    );
    expect((await core.dispatch('collections.parties', parties, staff)).ok).toBe(true);
    expect((await core.dispatch('collections.log', { ...parties, ledgerGuid: ASHA }, staff)).ok).toBe(true);
    expect(await core.dispatch('collections.smtp.get', parties, staff)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await core.dispatch('collections.parties', parties, otherStaff)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await core.dispatch(
      'collections.settings.set',
      { companyGuid: TINY_GUID, settings: DEFAULT_REMINDER_SETTINGS },
      desktop,
    );
    expect((await core.dispatch('collections.parties', parties, staff)).ok).toBe(false);
  });

  it('mail settings: the password is write-only; a run without a mail server is refused before anything is recorded', async () => {
    const started = await core.dispatch(
      'collections.run.start',
      { companyGuid: TINY_GUID, selection: { kind: 'parties', ledgerGuids: ['L-D1'] } },
      desktop,
    );
    expect(started).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: /No mail server/ } });
    expect(await core.dispatch('collections.runs', { companyGuid: TINY_GUID }, desktop)).toEqual({
      ok: true,
      data: [],
    });
    const set = await core.dispatch('collections.smtp.set', { ...SMTP, password: 'app password' }, partner);
    expect(set).toMatchObject({ ok: true, data: { passwordStored: true, host: 'smtp.gmail.com' } });
    expect(JSON.stringify(set)).not.toContain('app password');
    expect(await core.dispatch('collections.smtp.get', { companyGuid: TINY_GUID }, desktop)).toMatchObject({
      ok: true,
      data: { passwordStored: true, canStorePassword: true },
    });
    expect(await core.dispatch('collections.smtp.set', { ...SMTP, port: 0 }, desktop)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(
      await core.dispatch(
        'collections.run.cancel',
        { companyGuid: TINY_GUID, runId: 'no-such-run' },
        desktop,
      ),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('serve mode keeps no mail password', () => {
  it('refuses a password and says why; the settings show it cannot store one', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tc-coll-serve-'));
    const core = await createCore({ dataDir, mode: 'test' });
    try {
      writeWithDebtors(core.store, 1);
      expect(
        await core.dispatch('collections.smtp.set', { ...SMTP, password: 'secret' }, desktop),
      ).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: expect.stringMatching(/cannot keep the mail password/) },
      });
      expect(await core.dispatch('collections.smtp.set', SMTP, desktop)).toMatchObject({
        ok: true,
        data: { passwordStored: false, canStorePassword: false, passwordStorageNote: expect.any(String) },
      });
    } finally {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
