import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { formatInr } from '../../shared/money';
import type { CollectionParties, CompanyProfile } from '../../shared/types/collections';
import type { CompanySummary, Outstanding, OutstandingParty } from '../../shared/types/reports';
import { callInPage } from '../helpers/serve-api';
import { ROOT, openDemo, screenshot, type ServeProcess } from './harness';
import { pdfPageText, printToPdf } from './print-helpers';

/** The printed statements as PDF and PNG pages, kept to be looked at. */
const PRINTS = path.join(ROOT, 'test-output', 'statement-of-account');

let serve: ServeProcess;
let browser: Browser;
let page: Page;
let company: CompanySummary;
let asOn: string;
let party: OutstandingParty;

const call = <T>(operation: string, input: Record<string, unknown>): Promise<T> =>
  callInPage<T>(page, operation, input);

beforeAll(async () => {
  rmSync(PRINTS, { recursive: true, force: true });
  mkdirSync(PRINTS, { recursive: true });
  ({ serve, browser, page, company } = await openDemo({
    viewport: { width: 1366, height: 768 },
    printable: true,
  }));
  asOn = company.lastVoucherDate!;
  const report = await call<{ data: Outstanding }>('outstanding.get', {
    companyGuid: company.guid,
    kind: 'receivable',
    asOn,
  });
  // The debtor with the most pending bills.
  party = [...report.data.parties].sort((a, b) => b.bills.length - a.bills.length)[0]!;
  expect(party.bills.filter((b) => !b.onAccount).length).toBeGreaterThan(1);
});

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

/** A printed page's text, runs of spaces squeezed to one. */
const pageText = (pdf: string, n: number): string => pdfPageText(pdf, n).replace(/[ \t]+/g, ' ');

describe('statement of account, printed from the outstanding screen', () => {
  it('prints one party’s pending bills, ageing and ledger for the year, page by page', async () => {
    await page.goto(
      `${serve.url}/#/outstanding?c=${company.guid}&k=receivable&on=${asOn}&p=${encodeURIComponent(party.ledgerGuid)}`,
    );
    await page.getByTestId('statement-of-account').click();
    await page.getByTestId('statement-with-ledger').check();
    const view = page.getByTestId('document-view');
    await view.locator('table[aria-label^="Ledger account"]').waitFor();
    await screenshot(page, 'statement-of-account-en', false);

    const { pdf, pages } = await printToPdf(page, PRINTS, 'statement-en', { dpi: 70 });
    const texts = Array.from({ length: pages }, (_, i) => pageText(pdf, i + 1));
    texts.forEach((text, i) => {
      expect(text).toContain(company.name);
      expect(text).toContain(`Page ${i + 1} of ${pages}`);
    });
    // The company's letterhead (company.profile) on every page; the party's address on the first.
    const profile = await call<CompanyProfile>('company.profile', { companyGuid: company.guid });
    expect(profile.gstin).not.toBeNull();
    texts.forEach((text) => {
      expect(text).toContain(profile.address[0]!);
      expect(text).toContain(`GSTIN: ${profile.gstin} · State: ${profile.state}`);
    });
    const contacts = await call<CollectionParties>('collections.parties', {
      companyGuid: company.guid,
      asOn,
    });
    const contact = contacts.parties.find((p) => p.ledgerGuid === party.ledgerGuid)!.contact;
    expect(contact.address.length).toBeGreaterThan(0);
    const first = texts[0]!;
    for (const line of contact.address) expect(first).toContain(line);
    if (contact.gstin) expect(first).toContain(`GSTIN: ${contact.gstin}`);
    expect(first).toContain(`Statement of account - ${party.name}`);
    expect(first).toContain('Pending bills');
    // Every pending bill with its amount, and the party's total as on the date.
    for (const bill of party.bills.filter((b) => !b.onAccount))
      expect(texts.join('\n')).toMatch(
        new RegExp(
          `${bill.billName.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} .*${formatInr(bill.amount, { symbol: false })}`,
        ),
      );
    expect(first).toContain(`Total due: ${formatInr(party.total)}`);
    expect(texts.join('\n')).toContain('Ageing of pending bills');
    // The ledger closes on the party's balance (a Sundry Debtor's outstanding is its ledger balance).
    const ledger = await call<{ data: { closing: number } }>('ledger.statement', {
      companyGuid: company.guid,
      ledgerGuid: party.ledgerGuid,
      from:
        `${asOn.slice(0, 4)}-04-01` <= asOn
          ? `${asOn.slice(0, 4)}-04-01`
          : `${Number(asOn.slice(0, 4)) - 1}-04-01`,
      to: asOn,
    });
    expect(texts.at(-1)).toContain(
      `Closing balance ${formatInr(Math.abs(ledger.data.closing), { symbol: false })} ${ledger.data.closing >= 0 ? 'Dr' : 'Cr'}`,
    );
    // A ledger running over pages carries its totals forward.
    for (let i = 0; i < pages - 1; i += 1) {
      const carried = /Carried forward ([\d,.]+ [\d,.]+ [\d,.]+ (?:Dr|Cr))/.exec(texts[i]!)?.[1];
      if (carried) expect(texts[i + 1]).toContain(`Brought forward ${carried}`);
    }
  });

  it('shows and prints the statement in मराठी', async () => {
    await page.getByTestId('language').selectOption('mr');
    const view = page.getByTestId('document-view');
    await view.getByText('खाते उतारा', { exact: false }).first().waitFor();
    await screenshot(page, 'statement-of-account-mr', false);
    const { pdf } = await printToPdf(page, PRINTS, 'statement-mr', { dpi: 70, pages: 1 });
    const text = pageText(pdf, 1).replace(/\s+/g, '');
    for (const word of ['खातेउतारा', 'बाकीबिले', 'एकूणयेणे', 'पान1']) expect(text).toContain(word);
    expect(text).toContain(formatInr(party.total));
    await page.getByTestId('language').selectOption('en');
  });
});
