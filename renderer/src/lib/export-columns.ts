import type { TFunction } from 'i18next';
import type { Paise } from '../../../shared/money';
import type { ExportColumn } from './export';

/** The translation function the builders take (the screen's `t`; tests pass an i18n instance's). */
export type Translate = TFunction;

/** A balance's debit part (positive) or nothing. */
export const debitPart = (balance: Paise): Paise => (balance > 0 ? balance : 0);
/** A balance's credit part (positive) or nothing. */
export const creditPart = (balance: Paise): Paise => (balance < 0 ? -balance : 0);

/**
 * The amount columns of a trial-balance-like table as accountants compute with them: each balance split
 * into Dr and Cr columns (every one adds up), the period's debit and credit, and each balance once more
 * signed (debit positive) so a formula can net it.
 */
export function balanceColumns<Row>(
  t: Translate,
  amounts: (row: Row) => { opening: Paise; debit: Paise; credit: Paise; closing: Paise },
): ExportColumn<Row>[] {
  return [
    { header: t('statements.openingDr'), kind: 'money', value: (r) => debitPart(amounts(r).opening) },
    { header: t('statements.openingCr'), kind: 'money', value: (r) => creditPart(amounts(r).opening) },
    { header: t('trialBalance.debit'), kind: 'money', value: (r) => amounts(r).debit },
    { header: t('trialBalance.credit'), kind: 'money', value: (r) => amounts(r).credit },
    { header: t('statements.closingDr'), kind: 'money', value: (r) => debitPart(amounts(r).closing) },
    { header: t('statements.closingCr'), kind: 'money', value: (r) => creditPart(amounts(r).closing) },
    { header: t('statements.openingSigned'), kind: 'money', value: (r) => amounts(r).opening },
    { header: t('statements.closingSigned'), kind: 'money', value: (r) => amounts(r).closing },
  ];
}
