import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import smtpServer from 'smtp-server';
import type { CollectionParties } from '../../shared/types/collections';
import type { CompanySummary } from '../../shared/types/reports';
import { formatInr } from '../../shared/money';
import { SCREENSHOTS, launchBrowser, startServe, type ServeProcess } from './harness';
import { callInPage } from '../helpers/serve-api';

/**
 * Collections against `serve --demo` in a real Chromium, sending through a real SMTP server the test
 * starts on a loopback port. A local serve without the portal treats the caller as the desktop owner, so
 * the collections operations are open. Serve keeps no mail password (no key store): the server takes
 * mail without a login here, as an office relay would. Screenshots at 1366×768 in English and Marathi.
 */

let serve: ServeProcess;
let browser: Browser;
let page: Page;
let company: CompanySummary;
let mail: InstanceType<typeof smtpServer.SMTPServer>;
let mailPort: number;
const received: { envelope: string[]; mail: ParsedMail }[] = [];

const call = <T>(operation: string, input: Record<string, unknown>): Promise<T> =>
  callInPage<T>(page, operation, input);

async function shot(name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SCREENSHOTS, `collections-${name}.png`) });
}

beforeAll(async () => {
  mail = new smtpServer.SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push({ envelope: session.envelope.rcptTo.map((r) => r.address), mail: parsed });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => mail.listen(0, '127.0.0.1', resolve));
  mailPort = (mail.server.address() as AddressInfo).port;
  [serve, browser] = await Promise.all([startServe({ demo: true }), launchBrowser()]);
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-IN' });
  page = await context.newPage();
  await page.goto(`${serve.url}/#/companies`);
  company = (await call<{ data: CompanySummary[] }>('companies.list', {})).data[0]!;
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  await new Promise<void>((resolve) => (mail ? mail.close(() => resolve()) : resolve()));
});

describe('Collections of the demo company in a browser', () => {
  it('mail settings in Settings: serve mode says why it keeps no password', async () => {
    await page.goto(`${serve.url}/#/settings?c=${company.guid}`);
    const form = page.getByTestId('smtp-settings');
    await form.waitFor();
    await form.locator('input[name="host"]').fill('127.0.0.1');
    await form.locator('select[name="security"]').selectOption('none');
    await form.locator('input[name="port"]').fill(String(mailPort));
    await form.locator('input[name="fromName"]').fill('Demo Traders');
    await form.locator('input[name="fromAddress"]').fill('accounts@demo-traders.example');
    await form.locator('input[name="replyTo"]').fill('dues@demo-traders.example');
    await form.getByRole('button', { name: 'Save mail settings' }).click();
    await form.getByText('Saved.').waitFor();
    // Once settings exist the server has said it keeps no password here, and why.
    expect(await form.getByTestId('password-refused').textContent()).toContain(
      'cannot keep the mail password',
    );
    expect(await form.locator('input[name="password"]').isDisabled()).toBe(true);
    await form.scrollIntoViewIfNeeded();
    await shot('settings-en');
  });

  it('reminds two demo parties chosen by hand: previewed, sent, received, logged', async () => {
    const list = await call<CollectionParties>('collections.parties', { companyGuid: company.guid });
    const two = list.parties
      .filter((p) => p.contact.email !== null && p.overdue > 0 && !p.excluded)
      .slice(0, 2);
    expect(two).toHaveLength(2);
    expect(list.parties.some((p) => p.contact.email === null)).toBe(true);

    await page.goto(`${serve.url}/#/collections?c=${company.guid}`);
    await page.getByTestId('chosen-summary').waitFor();
    await shot('parties-en');
    await page.getByRole('button', { name: 'By hand' }).click();
    await page.getByRole('button', { name: 'Choose none' }).click();
    const search = page.getByRole('searchbox').first();
    for (const p of two) {
      await search.fill(p.name);
      await page.getByRole('checkbox', { name: `Choose ${p.name}` }).check();
    }
    await search.fill('');
    expect(await page.getByTestId('chosen-summary').textContent()).toContain('2 parties chosen');
    await page.getByTestId('preview').click();
    const messages = page.getByTestId('preview-message');
    await messages.first().waitFor();
    expect(await messages.count()).toBe(2);
    for (const p of two) expect(await page.getByText(p.contact.email!.value).count()).toBeGreaterThan(0);
    await shot('preview-en');

    await page.getByTestId('send-now').click();
    const result = page.getByTestId('run-result');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.textContent()).toContain('Finished: 2 sent, 0 failed');
    await shot('sent-en');

    expect(received.map((r) => r.envelope).sort()).toEqual(two.map((p) => [p.contact.email!.value]).sort());
    for (const p of two) {
      const got = received.find((r) => r.envelope[0] === p.contact.email!.value)!;
      expect(got.mail.subject).toMatch(new RegExp(`^Statement of account as on .* – `));
      expect(got.mail.text).toContain(`Dear ${p.name},`);
      expect(got.mail.replyTo?.text).toBe('dues@demo-traders.example');
      expect(got.mail.from?.text).toContain('accounts@demo-traders.example');
      // Serve mode's Chromium made the statement: a real PDF whose text has the party and its total due.
      const pdf = got.mail.attachments[0]!;
      expect(pdf.filename).toMatch(/^Statement-.+-\d\d-\d\d-\d{4}\.pdf$/);
      expect(pdf.contentType).toBe('application/pdf');
      const file = path.join(SCREENSHOTS, `collections-${pdf.filename!}`);
      writeFileSync(file, pdf.content);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain(`Total due: ${formatInr(p.totalDue)}`);
      expect(got.mail.text).toContain('Please find attached');
    }

    // The party's own view: its message in the log, as sent.
    await page.goto(`${serve.url}/#/collections?c=${company.guid}&p=${two[0]!.ledgerGuid}`);
    const log = page.getByTestId('message-log');
    await log.getByText('Sent', { exact: true }).waitFor();
    expect(await log.textContent()).toContain(two[0]!.contact.email!.value);
    await shot('party-en');
  });

  it('in Marathi', async () => {
    await page.goto(`${serve.url}/#/collections?c=${company.guid}`);
    await page.getByTestId('language').selectOption('mr');
    await page.getByRole('heading', { name: 'वसुली' }).waitFor();
    await shot('parties-mr');
    await page.getByTestId('preview').click();
    await page.getByRole('heading', { name: 'आधी पहा: कोणाला काय जाणार' }).waitFor();
    await shot('preview-mr');
    await page.goto(`${serve.url}/#/settings?c=${company.guid}`);
    await page.getByTestId('smtp-settings').scrollIntoViewIfNeeded();
    await shot('settings-mr');
    await page.getByTestId('language').selectOption('en');
  });
});
