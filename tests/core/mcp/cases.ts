import type { Core } from '../../../electron/core/app';
import { drCr, rupees } from '../../../electron/core/mcp/format';
import type { CallContext } from '../../../electron/core/service/types';
import type { InputOf, OperationName, OutputOf } from '../../../shared/contract';
import { COMPUTED_BY } from '../../../electron/core/mcp/answer';

type Obj = Record<string, unknown>;

export interface ToolReply {
  isError: boolean;
  body: Obj;
}

/** Calls a tool through some MCP client (in memory, stdio, Streamable HTTP) and parses its JSON. */
export type CallTool = (name: string, args: Obj) => Promise<ToolReply>;

export function replyOf(result: Record<string, unknown>): ToolReply {
  const content = result.content as { type: string; text: string }[];
  expect(content).toHaveLength(1);
  expect(content[0]!.type).toBe('text');
  return { isError: result.isError === true, body: JSON.parse(content[0]!.text) as Obj };
}

/** The contract operation's own answer for the same input, straight from the dispatcher. */
export function direct(core: Core, context: CallContext) {
  return async <N extends OperationName>(operation: N, input: InputOf<N>): Promise<OutputOf<N>> => {
    const envelope = await core.dispatch(operation, input, context);
    if (!envelope.ok) throw new Error(`${operation}: ${envelope.error.message}`);
    return envelope.data as OutputOf<N>;
  };
}

const dataOf = (reply: ToolReply): Obj => {
  expect(reply.isError, JSON.stringify(reply.body).slice(0, 300)).toBe(false);
  expect(reply.body.computedBy).toBe(COMPUTED_BY);
  return reply.body.data as Obj;
};
const rows = (value: unknown): Obj[] => value as Obj[];

/**
 * Every tool with good input, its answer compared with the contract operation's output for the same
 * input (figures formatted the one way: rupees, Dr/Cr), and the envelope checked.
 */
export async function checkEveryTool(
  call: CallTool,
  core: Core,
  context: CallContext,
  company: { guid: string; name: string },
): Promise<string[]> {
  const read = direct(core, context);
  const companyGuid = company.guid;
  const fy = { from: '2025-04-01', to: '2026-03-31' };
  const checked: string[] = [];
  const expectEnvelope = (reply: ToolReply) => {
    expect(reply.body.company).toEqual({ name: company.name, guid: company.guid });
    const asOf = reply.body.dataAsOf as Obj;
    expect(asOf.tallyVoucherAlterId).toEqual(expect.any(Number));
    expect(asOf.lastSyncOrImport).toEqual(expect.any(String));
  };

  {
    const reply = await call('list_companies', {});
    const names = rows(dataOf(reply).companies).map((c) => c.guid);
    expect(names).toEqual([companyGuid]);
    checked.push('list_companies');
  }
  {
    const reply = await call('search_names', { company: company.name, kind: 'ledger', text: 'cash' });
    const all = (await read('masters.names', { companyGuid, kind: 'ledger' })).names;
    expect(rows(dataOf(reply).names).map((n) => n.name)).toEqual(
      all.filter((n) => n.name.toLowerCase().includes('cash')).map((n) => n.name),
    );
    expectEnvelope(reply);
    checked.push('search_names');
  }
  {
    const reply = await call('dashboard', { company: companyGuid, fy: '2025-26' });
    const d = (await read('dashboard.get', { companyGuid, fy: '2025-26' })).data;
    const data = dataOf(reply);
    expect(data.sales).toBe(rupees(d.kpis.sales));
    expect(data.netProfit).toBe(rupees(d.kpis.netProfit));
    expect(data.receivables).toBe(rupees(d.kpis.receivables));
    expect(data.cashBalance).toBe(drCr(d.kpis.cashBalance));
    expect(reply.body.period).toMatchObject({ fy: '2025-26', from: d.from, to: d.to, balancesAsOn: d.asOn });
    expectEnvelope(reply);
    checked.push('dashboard');
  }
  {
    const reply = await call('trial_balance', { company: company.name, fy: '2025-26' });
    const tb = (await read('trialBalance.get', { companyGuid, ...fy })).data;
    const data = dataOf(reply);
    expect(data.totalDebit).toBe(rupees(tb.totalDebit));
    expect(data.closingCredit).toBe(rupees(tb.closingCredit));
    const shown = rows(data.rows);
    expect(shown.length).toBeGreaterThan(0);
    shown.forEach((row, i) => {
      expect(row.name).toBe(tb.rows[i]!.name);
      expect(row.closing).toBe(drCr(tb.rows[i]!.closing));
    });
    expect(reply.body.period).toMatchObject(fy);
    expectEnvelope(reply);
    checked.push('trial_balance');
  }
  {
    const reply = await call('profit_and_loss', { from: '01-04-2025', to: '31-03-2026' });
    const pl = (await read('profitLoss.get', { companyGuid, ...fy })).data;
    const data = dataOf(reply);
    expect(data.netProfit).toBe(rupees(pl.netProfit));
    expect(data.grossProfit).toBe(rupees(pl.grossProfit));
    expect(data.closingStock).toBe(rupees(pl.closingStock));
    checked.push('profit_and_loss');
  }
  {
    const reply = await call('balance_sheet', { as_on: '31-03-2026' });
    const bs = (await read('balanceSheet.get', { companyGuid, asOn: '2026-03-31' })).data;
    const data = dataOf(reply);
    expect(data.totalAssets).toBe(rupees(bs.totalAssets));
    expect(data.totalLiabilities).toBe(rupees(bs.totalLiabilities));
    expect(rows(data.assets).map((a) => a.amount)).toEqual(bs.assets.map((a) => rupees(a.amount)));
    expect(reply.body.period).toMatchObject({ asOn: '2026-03-31' });
    checked.push('balance_sheet');
  }
  {
    const reply = await call('group_summary', { group: 'sundry debtors', fy: '2025-26' });
    const gs = (await read('groupSummary.get', { companyGuid, groupName: 'Sundry Debtors', ...fy })).data;
    const data = dataOf(reply);
    expect(data.group).toBe('Sundry Debtors');
    expect((data.total as Obj).closing).toBe(drCr(gs.total.closing));
    expect(rows(data.rows).length).toBe(gs.rows.length);
    checked.push('group_summary');
  }
  const cash = (await read('masters.names', { companyGuid, kind: 'ledger' })).names.find(
    (n) => n.name === 'Cash',
  )!;
  {
    const reply = await call('ledger_statement', { ledger: 'cash', fy: '2025-26', limit: 20, offset: 30 });
    const input = { companyGuid, ledgerGuid: cash.guid, ...fy };
    const st = (await read('ledger.statement', input)).data;
    const data = dataOf(reply);
    expect(data.ledger).toBe('Cash');
    expect(data.opening).toBe(drCr(st.opening));
    expect(data.closing).toBe(drCr(st.closing));
    expect(data.totalDebit).toBe(rupees(st.totalDebit));
    const lines = rows(data.lines);
    expect(lines).toHaveLength(20);
    lines.forEach((line, i) => {
      expect(line.voucherGuid).toBe(st.lines[30 + i]!.voucherGuid);
      expect(line.balance).toBe(drCr(st.lines[30 + i]!.balance));
    });
    expect(reply.body.truncated).toMatchObject({ next: expect.stringContaining('offset=50') });
    checked.push('ledger_statement');
  }
  {
    const reply = await call('ledger_monthly', { ledger: 'Cash', fy: '2025-26' });
    const lm = (await read('ledgerMonthly.get', { companyGuid, ledgerGuid: cash.guid, ...fy })).data;
    const data = dataOf(reply);
    expect(rows(data.months).map((m) => m.closing)).toEqual(lm.months.map((m) => drCr(m.closing)));
    checked.push('ledger_monthly');
  }
  const out = (await read('outstanding.get', { companyGuid, kind: 'receivable', asOn: '2026-03-31' })).data;
  const party = [...out.parties].sort((a, b) => b.total - a.total)[0]!;
  {
    const reply = await call('outstanding', { as_on: '2026-03-31' });
    const data = dataOf(reply);
    expect(data.total).toBe(rupees(out.total));
    expect(data.notDue).toBe(rupees(out.notDue));
    expect(rows(data.parties)[0]).toMatchObject({ party: party.name, total: rupees(party.total) });
    expect(rows(data.parties)).toHaveLength(out.parties.length);
    const one = dataOf(await call('outstanding', { as_on: '2026-03-31', party: party.name }));
    expect(one.total).toBe(rupees(party.total));
    expect(rows(one.bills).map((b) => b.amount)).toEqual(party.bills.map((b) => rupees(b.amount)));
    checked.push('outstanding');
  }
  {
    const bill = party.bills.find((b) => !b.onAccount)!;
    const reply = await call('bill_history', { party: party.name, bill: bill.billName, as_on: '31-03-2026' });
    const h = (
      await read('bill.history', {
        companyGuid,
        ledgerGuid: party.ledgerGuid,
        billName: bill.billName,
        kind: 'receivable',
        asOn: '2026-03-31',
      })
    ).data;
    const data = dataOf(reply);
    expect(data.pending).toBe(rupees(h.pending));
    expect(data.pending).toBe(rupees(bill.amount));
    expect(rows(data.lines)).toHaveLength(h.lines.length);
    checked.push('bill_history');
  }
  let voucherGuid = '';
  {
    const reply = await call('day_book', {
      fy: '2025-26',
      voucher_types: ['sales'],
      min_amount: '50,000',
      sort: 'amount_desc',
      limit: 10,
    });
    const db = (
      await read('dayBook.get', {
        companyGuid,
        ...fy,
        voucherTypes: ['Sales'],
        minAmount: 5_000_000,
        sort: 'amount',
        dir: 'desc',
        pageSize: 10,
      })
    ).data;
    const data = dataOf(reply);
    expect(data.matchingVouchers).toBe(db.matchingVouchers);
    const vouchers = rows(data.vouchers);
    expect(vouchers.map((v) => v.guid)).toEqual(db.vouchers.map((v) => v.guid));
    expect(vouchers.length).toBeGreaterThan(0);
    for (const v of vouchers) {
      expect(v.voucherType).toBe('Sales');
      expect(Number(v.amount)).toBeGreaterThanOrEqual(50_000);
    }
    voucherGuid = String(vouchers[0]!.guid);
    checked.push('day_book');
  }
  {
    const reply = await call('voucher', { guid: voucherGuid });
    const v = (await read('voucher.get', { companyGuid, voucherGuid })).data;
    const data = dataOf(reply);
    expect(data.totalDebit).toBe(rupees(v.totalDebit));
    expect(rows(data.lines).map((l) => l.amount)).toEqual(v.lines.map((l) => drCr(l.amount)));
    expect(rows(data.inventory)).toHaveLength(v.inventory.length);
    checked.push('voucher');
  }
  {
    const reply = await call('stock_summary', { fy: '2025-26' });
    const ss = (await read('stockSummary.get', { companyGuid, ...fy })).data;
    const data = dataOf(reply);
    expect((data.totalValue as Obj).closing).toBe(rupees(ss.total.closing));
    expect(rows(data.rows).length).toBe(ss.rows.length);
    checked.push('stock_summary');
  }
  {
    const items = (await read('masters.names', { companyGuid, kind: 'stockItem' })).names;
    const item = items[0]!;
    const reply = await call('stock_item', { item: item.name.toUpperCase(), fy: '2025-26' });
    const reg = (await read('stockItem.movements', { companyGuid, itemGuid: item.guid, ...fy })).data;
    const data = dataOf(reply);
    expect(data.item).toBe(item.name);
    expect((data.closing as Obj).value).toBe(rupees(reg.closing.value));
    checked.push('stock_item');
  }
  return checked;
}

/** Bad input for every tool: a tool error naming what was wrong, never a crash; the server answers on. */
export async function checkBadInput(call: CallTool, company: { guid: string; name: string }): Promise<void> {
  const refused = async (name: string, args: Obj, pattern: RegExp) => {
    const reply = await call(name, args);
    expect(reply.isError, `${name} ${JSON.stringify(args)}`).toBe(true);
    expect(String(reply.body.error)).toMatch(pattern);
    return reply.body;
  };
  const unknownCompany = /No company named "Nowhere Traders"/;
  for (const tool of [
    'search_names',
    'dashboard',
    'trial_balance',
    'profit_and_loss',
    'balance_sheet',
    'outstanding',
    'day_book',
    'stock_summary',
  ]) {
    await refused(tool, { company: 'Nowhere Traders' }, unknownCompany);
  }
  // The tiny company exists in the store but is not open to assistants: the same refusal.
  await refused('trial_balance', { company: 'tiny-company-0001' }, /No company named/);
  const ambiguous = await refused('ledger_statement', { ledger: 'Sales' }, /matches more than one ledger/);
  expect(ambiguous.didYouMean).toEqual(expect.arrayContaining(['Sales @ 18%']));
  await refused('ledger_monthly', { ledger: 'Sales' }, /more than one ledger/);
  await refused('group_summary', { group: 'Nonexistent Group Xyz' }, /No group named/);
  await refused('stock_item', { item: 'qqqq zzzz' }, /No stock item named/);
  await refused('bill_history', { party: 'Cash', bill: 'NO-SUCH-BILL' }, /NO-SUCH-BILL|bill/i);
  await refused('voucher', { guid: 'no-such-voucher' }, /no-such-voucher/);
  await refused('trial_balance', { from: '31-02-2025' }, /from: "31-02-2025" is not a real date/);
  await refused('balance_sheet', { as_on: 'yesterday' }, /as_on: "yesterday" is not a real date/);
  await refused('dashboard', { fy: '2025' }, /not a financial year/);
  await refused('profit_and_loss', { from: '2026-03-31', to: '2025-04-01' }, /reversed/);
  await refused('trial_balance', { fy: '2025-26', from: '01-04-2025' }, /either fy or from\/to/);
  await refused('day_book', { min_amount: 'lots' }, /min_amount/);
  await refused('day_book', { min_amount: 500, max_amount: 100 }, /min_amount is more than max_amount/);
  await refused('day_book', { limit: 0 }, /Invalid arguments for day_book: limit/);
  await refused('outstanding', { kind: 'both' }, /Invalid arguments for outstanding: kind/);
  await refused('trial_balance', { company: company.name, extra: 1 }, /Invalid arguments/);
  await refused('no_such_tool', {}, /Unknown tool/);
  // After all that the server still answers.
  const after = await call('list_companies', {});
  expect(after.isError).toBe(false);
}
