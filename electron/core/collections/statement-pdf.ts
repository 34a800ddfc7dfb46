import { DEFAULT_AGEING_BUCKETS } from '../../../shared/contract/reports';
import type { CompanyProfile, PartyContactDetails } from '../../../shared/types/collections';
import {
  printBalance,
  printMoney,
  statementDocument,
  type StatementCompany,
  type StatementLedger,
  type StatementOfAccount,
  type StatementParty,
} from '../../../shared/print/statement';
import { statementWords, type StatementLanguage } from '../../../shared/print/statement-words';
import { documentHtml, type PdfLabels } from '../print/document-pdf';
import type { PdfRenderer } from '../print/pdf-renderer';
import type { PartyStatement } from './statement';

/** What the statement's PDF needs besides the party's figures (plain data, from the store or the caller). */
export interface StatementPdfInput {
  statement: PartyStatement;
  /** The company's letterhead: name, address lines, GSTIN, state. */
  company: StatementCompany;
  /** The party's address, GSTIN and state (its name is the statement's); none known: name only. */
  party?: Omit<StatementParty, 'name'> | null;
  /** The party's ledger for a period, printed after the bills; null or absent: bills only. */
  ledger?: StatementLedger | null;
  language: StatementLanguage;
  /** Ageing bucket bounds (days overdue); the outstanding report's default when absent. */
  buckets?: readonly number[];
  /** "Printed on 06-12-2026 21:55" under the page number; absent: not printed. */
  printedOn?: string;
}

const PAGE_WORDS: Record<StatementLanguage, (page: number, pages: number) => string> = {
  en: (page, pages) => `Page ${page} of ${pages}`,
  mr: (page, pages) => `पान ${page} (एकूण ${pages})`,
  hi: (page, pages) => `${pages} में से पृष्ठ ${page}`,
};

/**
 * The document's figures from the party's statement (collections/statement.ts): its bills with interest,
 * On Account and total. Interest prints only when some is charged.
 */
export function statementOfAccountFrom(
  input: Omit<StatementPdfInput, 'language' | 'printedOn'>,
): StatementOfAccount {
  const { statement } = input;
  const charged = statement.interest !== 0 || statement.bills.some((b) => b.interest !== 0);
  return {
    company: input.company,
    party: {
      name: statement.partyName,
      address: input.party?.address ?? [],
      gstin: input.party?.gstin ?? null,
      state: input.party?.state ?? null,
    },
    kind: statement.kind,
    asOn: statement.asOn,
    bills: statement.bills.map((b) => ({ ...b })),
    onAccount: statement.onAccount,
    total: statement.totalDue,
    interest: charged ? statement.interest : null,
    buckets: input.buckets ?? DEFAULT_AGEING_BUCKETS,
    ledger: input.ledger ?? null,
  };
}

/** The statement of account as a whole HTML page, laid out in A4 sheets (measured in the renderer's page). */
export function statementHtml(input: StatementPdfInput, renderer: PdfRenderer): Promise<string> {
  const words = statementWords(input.language);
  const labels: PdfLabels = {
    page: PAGE_WORDS[input.language],
    lang: input.language,
    ...(input.printedOn ? { printedOn: input.printedOn } : {}),
  };
  return documentHtml(
    statementDocument(statementOfAccountFrom(input), words),
    renderer,
    labels,
    (kind, paise) => (kind === 'money' ? printMoney(paise) : printBalance(paise, words)),
  );
}

/** The statement of account as PDF bytes, to attach to an e-mail or save for WhatsApp. */
export async function statementPdf(input: StatementPdfInput, renderer: PdfRenderer): Promise<Uint8Array> {
  return renderer.pdf(await statementHtml(input, renderer));
}

/**
 * The letterhead from the company's profile as Tally keeps it (op company.profile): the mailing (formal)
 * name, the name Tally prints on documents and the e-mail's subject carries, then the address with its
 * pincode, GSTIN and state.
 */
export function statementCompanyOf(profile: CompanyProfile): StatementCompany {
  const mailing = profile.mailingName.trim();
  return {
    name: mailing !== '' ? mailing : profile.name,
    address: withPincode(profile.address, profile.pincode),
    gstin: profile.gstin,
    state: profile.state,
  };
}

/** The party's address block from its contact facts (Tally's ledger). */
export function statementPartyOf(contact: PartyContactDetails | null): Omit<StatementParty, 'name'> {
  if (!contact) return { address: [], gstin: null, state: null };
  return {
    address: withPincode(contact.address, contact.pincode),
    gstin: contact.gstin,
    state: contact.state,
  };
}

/** The address lines with the pincode after the last one ("Pune 411030"), unless a line already has it. */
function withPincode(address: readonly string[], pincode: string | null): string[] {
  const lines = address.map((l) => l.trim()).filter((l) => l !== '');
  const pin = pincode?.trim() ?? '';
  if (pin === '' || lines.some((l) => l.includes(pin))) return lines;
  if (lines.length === 0) return [pin];
  return [...lines.slice(0, -1), `${lines.at(-1)!} ${pin}`];
}

/**
 * What the collections area asks for a party's statement PDF (CoreOptions.statementPdf): made by a
 * headless page (the desktop's hidden window, serve's Chromium), or not at all here, with the reason.
 */
export interface StatementPdf {
  /** Why no PDF can be made here (no Chromium, it would not start ...); null when it can. */
  unavailable(): string | null;
  make(input: StatementPdfInput): Promise<Uint8Array>;
}

/**
 * A StatementPdf over a renderer. `problem` says why the renderer cannot work (checked before each
 * document, so a missing browser is a reason in the preview, not a crash in the run).
 */
export function statementPdfWith(
  renderer: PdfRenderer,
  problem: () => string | null = () => null,
): StatementPdf {
  return {
    unavailable: problem,
    async make(input) {
      const why = problem();
      if (why !== null) throw new Error(why);
      return statementPdf(input, renderer);
    },
  };
}
