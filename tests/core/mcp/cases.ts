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
  for (const name of await checkNewTools(call, core, context, company)) checked.push(name);
  return checked;
}

/** The desktop-only tools (their operations are closed to portal users; electron/core/portal/access.ts). */
export const DESKTOP_ONLY_TOOLS = ['gstr1_summary', 'gstr3b_summary'];

const yearBefore = { from: '2024-04-01', to: '2025-03-31' };

/**
 * The registers, comparisons, company profile and (for the desktop owner) GST summaries, each compared
 * with its contract operation's output for the same input.
 */
async function checkNewTools(
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
    expect((reply.body.dataAsOf as Obj).tallyVoucherAlterId).toEqual(expect.any(Number));
  };
  {
    const reply = await call('company_profile', {});
    const p = await read('company.profile', { companyGuid });
    const data = dataOf(reply);
    expect(data).toMatchObject({
      name: p.name,
      mailingName: p.mailingName,
      address: p.address,
      state: p.state,
      gstin: p.gstin,
      gstRegistrationType: p.registrationType,
    });
    expect(p.gstin).toEqual(expect.any(String));
    expectEnvelope(reply);
    checked.push('company_profile');
  }
  {
    const reply = await call('register_summary', { voucher_type: 'sales', fy: '2025-26' });
    const reg = (await read('register.summary', { companyGuid, voucherType: 'Sales', ...fy })).data;
    const data = dataOf(reply);
    expect(data.voucherType).toBe('Sales');
    expect(data.vouchers).toBe(reg.vouchers);
    expect(reg.vouchers).toBeGreaterThan(100);
    expect(data.totalCredit).toBe(rupees(reg.totalCredit));
    expect(data.closing).toBe(drCr(reg.closing));
    expect(String(data.closing)).toMatch(/ Cr$/);
    expect(rows(data.months).map((m) => [m.month, m.vouchers, m.credit, m.closing])).toEqual(
      reg.months.map((m) => [m.month, m.vouchers, rupees(m.credit), drCr(m.closing)]),
    );
    expect(reply.body.period).toMatchObject(fy);
    expectEnvelope(reply);
    checked.push('register_summary');
  }
  {
    const reply = await call('register_vouchers', {
      voucher_type: 'Purchase',
      month: 'May 2025',
      limit: 3,
      offset: 4,
    });
    const month = { from: '2025-05-01', to: '2025-05-31' };
    const reg = (
      await read('register.vouchers', { companyGuid, voucherType: 'Purchase', ...month, pageSize: 100 })
    ).data;
    const data = dataOf(reply);
    expect(reg.listedVouchers).toBeGreaterThan(7);
    expect(data.listedVouchers).toBe(reg.listedVouchers);
    expect(data.totalDebit).toBe(rupees(reg.totalDebit));
    const shown = rows(data.vouchers);
    expect(shown.map((v) => [v.guid, v.debit, v.credit, v.particulars])).toEqual(
      reg.vouchers.slice(4, 7).map((v) => [v.guid, rupees(v.debit), rupees(v.credit), v.particulars]),
    );
    expect(reply.body.period).toMatchObject(month);
    expect(reply.body.truncated).toMatchObject({ next: expect.stringContaining('offset=7') });
    // The month's total is the summary's month.
    const summary = (await read('register.summary', { companyGuid, voucherType: 'Purchase', ...fy })).data;
    expect(data.totalDebit).toBe(rupees(summary.months.find((m) => m.month === '2025-05')!.debit));
    checked.push('register_vouchers');
  }
  {
    // One period alone is compared with the same dates a year earlier.
    const reply = await call('compare_trial_balance', { periods: ['2025-26'] });
    const tb = (await read('trialBalance.compare', { companyGuid, columns: [fy, yearBefore] })).data;
    const data = dataOf(reply);
    expect(data.columns).toEqual([
      { column: 1, ...fy },
      { column: 2, ...yearBefore },
    ]);
    expect(data.closingDebit).toEqual(tb.closingDebit.map(rupees));
    const shown = rows(data.rows);
    expect(shown.length).toBe(tb.rows.length);
    shown.forEach((row, i) => {
      expect(row.name).toBe(tb.rows[i]!.name);
      expect(row.closing).toEqual(tb.rows[i]!.closing.map(drCr));
      expect(row.difference).toBe(rupees(tb.rows[i]!.difference!));
    });
    expectEnvelope(reply);
    checked.push('compare_trial_balance');
  }
  {
    // None asked for: the latest year with vouchers against the year before.
    const reply = await call('compare_profit_and_loss', {});
    const pl = (await read('profitLoss.compare', { companyGuid, columns: [fy, yearBefore] })).data;
    const data = dataOf(reply);
    expect(data.netProfit).toEqual(pl.netProfit.map(rupees));
    expect(data.grossProfit).toEqual(pl.grossProfit.map(rupees));
    expect(data.netProfitDifference).toBe(rupees(pl.netProfit[0]! - pl.netProfit[1]!));
    const lines = [...pl.directIncomes, ...pl.directExpenses, ...pl.indirectIncomes, ...pl.indirectExpenses];
    const groupRows = rows(data.rows).filter((r) => r.ledger === undefined);
    expect(groupRows.map((r) => [r.group, r.amounts, r.difference])).toEqual(
      lines.map((l) => [l.groupName, l.amounts.map(rupees), rupees(l.difference!)]),
    );
    expect(rows(data.rows)).toHaveLength(lines.length + lines.reduce((n, l) => n + l.ledgers.length, 0));
    checked.push('compare_profit_and_loss');
  }
  {
    const reply = await call('compare_balance_sheet', { as_on: ['31-03-2026', '2024-25'] });
    const bs = (
      await read('balanceSheet.compare', {
        companyGuid,
        columns: [{ asOn: '2026-03-31' }, { asOn: '2025-03-31' }],
      })
    ).data;
    const data = dataOf(reply);
    expect(data.totalAssets).toEqual(bs.totalAssets.map(rupees));
    expect(data.totalLiabilities).toEqual(bs.totalLiabilities.map(rupees));
    const assets = rows(data.rows).filter((r) => r.side === 'assets' && r.under === undefined);
    expect(assets.map((a) => [a.name, a.amounts, a.difference])).toEqual(
      bs.assets.map((a) => [a.name, a.amounts.map(rupees), rupees(a.difference!)]),
    );
    expect(reply.body.period).toMatchObject({ asOn: '2026-03-31 | 2025-03-31' });
    checked.push('compare_balance_sheet');
  }
  {
    const half = { from: '2025-04-01', to: '2025-09-30' };
    const halfBefore = { from: '2024-04-01', to: '2024-09-30' };
    const reply = await call('compare_group_summary', {
      group: 'sundry debtors',
      periods: [
        { from: '01-04-2025', to: '30-09-2025' },
        { from: '01-04-2024', to: '30-09-2024' },
        '2023-24',
      ],
    });
    const gs = (
      await read('groupSummary.compare', {
        companyGuid,
        groupName: 'Sundry Debtors',
        columns: [half, halfBefore, { from: '2023-04-01', to: '2024-03-31' }],
      })
    ).data;
    const data = dataOf(reply);
    expect(data.group).toBe('Sundry Debtors');
    expect((data.total as Obj).closing).toEqual(gs.total.closing.map(drCr));
    expect(rows(data.rows).map((r) => [r.name, r.closing, r.difference])).toEqual(
      gs.rows.map((r) => [r.name, r.closing.map(drCr), rupees(r.difference!)]),
    );
    checked.push('compare_group_summary');
  }
  if (context.user !== null) return checked;
  {
    const reply = await call('gstr1_summary', { month: '2025-06' });
    const r = await read('gst.gstr1', { companyGuid, month: '2025-06' });
    const data = dataOf(reply);
    expect(data.gstin).toBe(r.gstin);
    expect(String(data.notice)).toContain('before filing');
    expect(JSON.stringify(reply.body)).not.toContain('"gstin":"' + r.gstin + '","fp"');
    const b2b = r.view.sections.find((s) => s.section === 'b2b')!;
    expect(b2b.count).toBeGreaterThan(0);
    expect(rows(data.sections).map((s) => [s.section, s.count, s.taxable, s.igst, s.cgst, s.sgst])).toEqual(
      r.view.sections.map((s) => [
        s.section,
        s.count,
        rupees(s.taxable),
        rupees(s.igst),
        rupees(s.cgst),
        rupees(s.sgst),
      ]),
    );
    expect(data.vouchers).toEqual({
      included: r.counts.included,
      cancelled: r.counts.cancelled,
      leftOutAsUncertain: r.counts.uncertain,
    });
    expect(data.exceptionCount).toBe(r.exceptions.length);
    expect(rows(data.exceptions).map((e) => e.voucherGuid)).toEqual(r.exceptions.map((e) => e.voucherGuid));
    expect(reply.body.period).toMatchObject({
      returnPeriod: '2025-06',
      from: '2025-06-01',
      to: '2025-06-30',
    });
    expectEnvelope(reply);
    checked.push('gstr1_summary');
  }
  {
    const reply = await call('gstr3b_summary', { month: '06-2025' });
    const r = await read('gst.gstr3b', { companyGuid, month: '2025-06' });
    const data = dataOf(reply);
    expect(data.gstin).toBe(r.gstin);
    expect(String(data.notice)).toContain('before filing');
    const tables = rows(data.tables);
    expect(tables.map((t) => [t.taxable, t.igst, t.cgst, t.sgst, t.cess, t.vouchers])).toEqual(
      r.view.figures.map((f) => [
        rupees(f.taxable),
        rupees(f.igst),
        rupees(f.cgst),
        rupees(f.sgst),
        rupees(f.cess),
        f.count,
      ]),
    );
    expect(String(tables[0]!.table)).toMatch(/^3\.1\(a\)/);
    expect(Number(tables[0]!.taxable)).toBeGreaterThan(0);
    expect(data.taxPayable).toEqual({
      igst: rupees(r.view.liability.igst),
      cgst: rupees(r.view.liability.cgst),
      sgst: rupees(r.view.liability.sgst),
      cess: rupees(r.view.liability.cess),
    });
    expect(data.exceptionCount).toBe(r.taxLedgers.vouchers.length);
    expect(rows(data.interStateToUnregistered)).toHaveLength(r.view.interState.length);
    // A quarterly (QRMP) filer's quarter: April–June 2025.
    const quarter = await call('gstr3b_summary', { month: 'Q1 2025-26' });
    const q = await read('gst.gstr3b', { companyGuid, month: '2025-Q1' });
    expect(quarter.body.period).toMatchObject({
      returnPeriod: '2025-Q1',
      from: '2025-04-01',
      to: '2025-06-30',
    });
    expect(rows(dataOf(quarter).tables).map((t) => t.taxable)).toEqual(
      q.view.figures.map((f) => rupees(f.taxable)),
    );
    expect(q.view.figures[0]!.taxable).toBeGreaterThan(r.view.figures[0]!.taxable);
    checked.push('gstr3b_summary');
  }
  return checked;
}

/** Bad input for every tool: a tool error naming what was wrong, never a crash; the server answers on. */
export async function checkBadInput(
  call: CallTool,
  company: { guid: string; name: string },
  options: { desktop: boolean } = { desktop: true },
): Promise<void> {
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
  // The registers, comparisons and profile.
  for (const tool of [
    'company_profile',
    'register_summary',
    'compare_trial_balance',
    'compare_balance_sheet',
  ])
    await refused(tool, { company: 'Nowhere Traders' }, unknownCompany);
  await refused('register_vouchers', { company: 'Nowhere Traders', month: '2025-04' }, unknownCompany);
  const note = await refused(
    'register_summary',
    { voucher_type: 'note' },
    /matches more than one voucher type/,
  );
  expect(note.didYouMean).toEqual(expect.arrayContaining(['Credit Note', 'Debit Note']));
  await refused('register_summary', { voucher_type: 'Receipt' }, /registers are kept for sales, purchase/);
  await refused('register_summary', { fy: '2025-27' }, /not a financial year/);
  await refused('register_vouchers', { month: '2025-13' }, /month: "2025-13" is not a month/);
  await refused('register_vouchers', { month: 'sometime' }, /month: "sometime" is not a month/);
  await refused('register_vouchers', {}, /Invalid arguments for register_vouchers: month/);
  await refused(
    'compare_trial_balance',
    { periods: ['2025'] },
    /periods\[0\]: "2025" is not a financial year/,
  );
  await refused('compare_profit_and_loss', { periods: [{}] }, /periods\[0\]: give from, to or both/);
  await refused(
    'compare_profit_and_loss',
    { periods: ['2025-26', { from: '31-03-2025', to: '01-04-2024' }] },
    /reversed/,
  );
  await refused(
    'compare_trial_balance',
    { periods: ['2025-26', '2024-25', '2023-24', '2022-23', '2021-22'] },
    /Invalid arguments for compare_trial_balance: periods/,
  );
  await refused(
    'compare_balance_sheet',
    { as_on: ['yesterday'] },
    /as_on\[0\]: "yesterday" is not a real date/,
  );
  await refused('compare_group_summary', { group: 'Nonexistent Group Xyz' }, /No group named/);
  // The GST summaries: for the desktop owner a bad month or company is refused; over the portal, the tools.
  if (options.desktop) {
    await refused('gstr1_summary', { company: 'Nowhere Traders', month: '2025-04' }, unknownCompany);
    await refused('gstr1_summary', { month: '13-2025' }, /month: "13-2025" is not a return period/);
    await refused('gstr3b_summary', { month: 'Smarch 2025' }, /not a return period/);
    await refused('gstr3b_summary', { month: '2025-Q5' }, /not a return period/);
    await refused('gstr1_summary', { month: 'Q1 2025-27' }, /names no financial year/);
    await refused('gstr3b_summary', {}, /Invalid arguments for gstr3b_summary: month/);
  } else {
    for (const tool of DESKTOP_ONLY_TOOLS)
      await refused(tool, { month: '2025-04' }, /only available on the TallyConnect desktop/);
  }
  // After all that the server still answers.
  const after = await call('list_companies', {});
  expect(after.isError).toBe(false);
}
