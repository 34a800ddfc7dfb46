import type Database from 'better-sqlite3';
import type { IsoDate } from '../../../shared/dates';
import type { ProfitLoss, ProfitLossLine } from '../../../shared/types/reports';
import { movements, net } from './balances';
import type { Masters } from './masters';
import { companyStock, stockValuedByUs, type ClosingStockProvider } from './stock-value';

/**
 * Profit & loss for a period as Tally shows it: the trading account (opening stock, direct expenses and
 * incomes, closing stock) gives the gross profit, the indirect incomes and expenses the net profit;
 * revenue ledgers' movements by primary group, in natural signs. The stock comes from the same provider
 * the balance sheet uses (default: companyStock — the stock items valued when the company keeps them, else
 * the Stock-in-Hand ledgers), so the two always agree.
 */
export function profitLoss(
  db: Database.Database,
  masters: Masters,
  params: { from: IsoDate; to: IsoDate },
  options: { stock?: ClosingStockProvider } = {},
): ProfitLoss {
  // Only the revenue ledgers: their entries through the ledger index, not every entry of a part month.
  const revenue = [...masters.ledgers.values()].filter((l) => l.group.isRevenue).map((l) => l.guid);
  const moves = movements(db, masters.company.id, params.from, params.to, revenue, masters.allInBooks);
  const sections = {
    directIncomes: new Map<string, ProfitLossLine>(),
    directExpenses: new Map<string, ProfitLossLine>(),
    indirectIncomes: new Map<string, ProfitLossLine>(),
    indirectExpenses: new Map<string, ProfitLossLine>(),
  };
  for (const ledger of masters.ledgers.values()) {
    const group = ledger.group;
    if (!group.isRevenue) continue;
    const income = group.nature === 'income';
    // Incomes are credits, expenses debits; both shown positive in their natural direction.
    const amount = income ? -net(moves.get(ledger.guid)) : net(moves.get(ledger.guid));
    if (amount === 0) continue;
    const section = group.affectsGrossProfit
      ? income
        ? sections.directIncomes
        : sections.directExpenses
      : income
        ? sections.indirectIncomes
        : sections.indirectExpenses;
    const line = section.get(group.primaryGroup) ?? { groupName: group.primaryGroup, amount: 0, ledgers: [] };
    line.amount += amount;
    line.ledgers.push({ guid: ledger.guid, name: ledger.name, amount });
    section.set(group.primaryGroup, line);
  }
  const finish = (map: Map<string, ProfitLossLine>): ProfitLossLine[] =>
    [...map.values()]
      .map((l) => ({
        ...l,
        ledgers: l.ledgers.sort((a, b) => b.amount - a.amount || a.name.localeCompare(b.name)),
      }))
      .sort((a, b) => a.groupName.localeCompare(b.groupName));
  const sum = (lines: ProfitLossLine[]): number => lines.reduce((s, l) => s + l.amount, 0);
  const directIncomes = finish(sections.directIncomes);
  const directExpenses = finish(sections.directExpenses);
  const indirectIncomes = finish(sections.indirectIncomes);
  const indirectExpenses = finish(sections.indirectExpenses);
  const stock = (options.stock ?? companyStock)(db, masters, { from: params.from, asOn: params.to });
  // Gross profit = sales − purchases − direct expenses + direct incomes + closing stock − opening stock.
  const grossProfit = sum(directIncomes) - sum(directExpenses) + stock.closing - stock.opening;
  return {
    companyGuid: masters.company.guid,
    from: params.from,
    to: params.to,
    openingStock: stock.opening,
    closingStock: stock.closing,
    stockComputed: stockValuedByUs(stock, 'both'),
    directIncomes,
    directExpenses,
    indirectIncomes,
    indirectExpenses,
    grossProfit,
    netProfit: grossProfit + sum(indirectIncomes) - sum(indirectExpenses),
  };
}
