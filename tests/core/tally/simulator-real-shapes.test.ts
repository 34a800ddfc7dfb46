import http from 'node:http';
import type { LedgerRecord, VoucherRecord } from '../../../electron/core/db/records';
import { generateDemoCompany } from '../../../electron/core/demo/generator';
import { renderAllMastersExport, renderDayBookExport } from '../../../tools/tally-sim/export-files';
import { CMPINFO } from '../../../tools/tally-sim/render';
import { startTallySimulator, type TallySimulator } from '../../../tools/tally-sim/server';
import {
  DEFAULT_EARLIER_PROFIT,
  NO_REAL_SHAPES,
  nonPostingKind,
  nonPostingVouchers,
  PROFIT_AND_LOSS,
  PURCHASE_SUB_GROUP,
  SALES_SUB_GROUP,
  type SimOptions,
} from '../../../tools/tally-sim/shapes';
import type { SimSource } from '../../../tools/tally-sim/source';
import { cashSale, SMALL_GUID, smallCompanySource } from '../../fixtures/tally/small-company';

/**
 * The simulator speaks real Tally by default (docs: "What real Tally answers and exports contain"), and
 * each shape can be switched off on its own. Requests are written here by hand, as TallyConnect words
 * them, so these tests depend on the simulator only.
 */

const TODAY = Date.parse('2025-05-20T08:00:00Z');
const now = (): number => TODAY;

let sim: TallySimulator | null = null;
afterEach(async () => {
  await sim?.stop();
  sim = null;
});

async function start(sources: SimSource[], options: SimOptions = {}): Promise<TallySimulator> {
  sim = await startTallySimulator(sources, { now, ...options });
  return sim;
}

interface Req {
  company?: string;
  from?: string;
  to?: string;
  alteredAfter?: number;
  /** TallyConnect's older voucher requests: NOT $IsCancelled AND NOT $IsOptional. */
  activeOnly?: boolean;
}

function request(id: string, r: Req = {}): string {
  const formulae =
    (r.activeOnly
      ? '<SYSTEM TYPE="Formulae" NAME="TCActive">NOT $IsCancelled AND NOT $IsOptional</SYSTEM>'
      : '') +
    (r.alteredAfter !== undefined
      ? `<SYSTEM TYPE="Formulae" NAME="TCAltered">$AlterID &gt; ${r.alteredAfter}</SYSTEM>`
      : '');
  return (
    '<ENVELOPE><HEADER><VERSION>1</VERSION><TALLYREQUEST>Export</TALLYREQUEST><TYPE>Collection</TYPE>' +
    `<ID>${id}</ID></HEADER><BODY><DESC><STATICVARIABLES><SVEXPORTFORMAT>$$SysName:XML</SVEXPORTFORMAT>` +
    (r.company !== undefined
      ? `<SVCURRENTCOMPANY>${r.company.replace(/&/g, '&amp;')}</SVCURRENTCOMPANY>`
      : '') +
    (r.from ? `<SVFROMDATE>${r.from}</SVFROMDATE>` : '') +
    (r.to ? `<SVTODATE>${r.to}</SVTODATE>` : '') +
    `</STATICVARIABLES><TDL><TDLMESSAGE><COLLECTION NAME="${id}"><TYPE>Voucher</TYPE></COLLECTION>${formulae}` +
    '</TDLMESSAGE></TDL></DESC></BODY></ENVELOPE>'
  );
}

function post(s: TallySimulator, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: s.port, method: 'POST', path: '/' }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve(Buffer.concat(parts).toString('utf16le')));
    });
    req.on('error', reject);
    req.end(Buffer.from(body, 'utf16le'));
  });
}

const SMALL = 'Small & Co';
const ask = (s: TallySimulator, id: string, r: Req = {}): Promise<string> =>
  post(s, request(id, { company: SMALL, ...r }));
const WHOLE_YEAR = { from: '1-Apr-2025', to: '31-Mar-2026' };

/** Objects of one kind in an answer (under DATA: CMPINFO's counters share their names), each as its text. */
const objects = (xml: string, tag: string): string[] => {
  const data = xml.includes('<DATA>') ? xml.slice(xml.indexOf('<DATA>')) : xml;
  return data.match(new RegExp(`<${tag}[ >][\\s\\S]*?</${tag}>`, 'g')) ?? [];
};
const field = (xml: string, tag: string): string | undefined =>
  new RegExp(`<${tag}(?: TYPE="[^"]*")?>([^<]*)</${tag}>`).exec(xml)?.[1];

const sumOpenings = (ledgers: readonly LedgerRecord[]): number =>
  ledgers.reduce((s, l) => s + l.openingBalance, 0);
const lineTotal = (v: VoucherRecord): number => v.entries.reduce((s, e) => s + e.amount, 0);

describe('real Tally shapes in the simulator, each on by default and off on its own', () => {
  it('cmpinfo: every Collection answer carries the CMPINFO counters before DATA', async () => {
    const on = await start([smallCompanySource()]);
    for (const id of ['TCCompanies', 'TCGroups', 'TCLedgers', 'TCVouchers', 'TCVoucherDates']) {
      const text = await ask(on, id, WHOLE_YEAR);
      expect(text, id).toContain(`<BODY>${CMPINFO}<DATA><COLLECTION>`);
    }
    expect(CMPINFO).toContain('<COMPANY>0</COMPANY><GROUP>0</GROUP><LEDGER>0</LEDGER>');
    expect(CMPINFO).toContain('<CRATEGORY>0</CRATEGORY><VOUCHER>0</VOUCHER></CMPINFO></DESC>');
    await on.stop();

    const off = await start([smallCompanySource()], { realShapes: { cmpinfo: false } });
    const text = await ask(off, 'TCLedgers');
    expect(text).toContain('<BODY><DESC></DESC><DATA><COLLECTION>');
    expect(text).not.toContain('CMPINFO');
    // The other shapes stay on.
    expect(text).toContain('<NAME TYPE="String">');
  });

  it('typeAttributes: values in answers carry TYPE attributes; exports never do', async () => {
    const on = await start([smallCompanySource()]);
    const companies = await ask(on, 'TCCompanies');
    expect(companies).toContain('<NAME TYPE="String">Small &amp; Co</NAME>');
    expect(companies).toContain('<BOOKSFROM TYPE="Date">20250401</BOOKSFROM>');
    expect(companies).toMatch(/<ALTVCHID TYPE="Number"> \d+<\/ALTVCHID>/);
    const vouchers = await ask(on, 'TCVouchers', { from: '1-Apr-2025', to: '1-Apr-2025' });
    expect(vouchers).toContain('<DATE TYPE="Date">20250401</DATE>');
    expect(vouchers).toContain('<ALTERID TYPE="Number"> 11</ALTERID>');
    expect(vouchers).toContain('<AMOUNT TYPE="Amount">-10000.00</AMOUNT>');
    expect(vouchers).toContain(`<GUID TYPE="String">${SMALL_GUID}-00000065</GUID>`);
    const groups = await ask(on, 'TCGroups');
    expect(groups).toContain('<PARENT TYPE="String">Current Assets</PARENT>');
    expect(renderAllMastersExport(smallCompanySource(), { now })).not.toMatch(/<[A-Z]+ TYPE="/);
    expect(renderDayBookExport(smallCompanySource(), { now })).not.toMatch(/<[A-Z]+ TYPE="/);
    await on.stop();

    const off = await start([smallCompanySource()], { realShapes: { typeAttributes: false } });
    const plain = await ask(off, 'TCVouchers', WHOLE_YEAR);
    expect(plain).toContain('<ALTERID> 11</ALTERID>');
    // Only Tally's own NAME.LIST keeps its attribute.
    expect(plain.replaceAll('<NAME.LIST TYPE="String">', '')).not.toContain(' TYPE="');
    expect(await ask(off, 'TCCompanies')).toContain('<BOOKSFROM>20250401</BOOKSFROM>');
  });

  it('primaryParent: "&#4; Primary" in answers, <PARENT/> in exports', async () => {
    const on = await start([smallCompanySource()]);
    const groups = objects(await ask(on, 'TCGroups'), 'GROUP');
    const current = groups.find((g) => g.includes('NAME="Current Assets"'))!;
    expect(current).toContain('<PARENT TYPE="String">&#4; Primary</PARENT>');
    const masters = renderAllMastersExport(smallCompanySource(), { now });
    expect(objects(masters, 'GROUP').find((g) => g.includes('NAME="Current Assets"'))).toContain('<PARENT/>');
    await on.stop();

    const off = await start([smallCompanySource()], { realShapes: { primaryParent: false } });
    const plain = objects(await ask(off, 'TCGroups'), 'GROUP');
    expect(plain.find((g) => g.includes('NAME="Current Assets"'))).toContain(
      '<PARENT TYPE="String"></PARENT>',
    );
    expect(plain.join('')).not.toContain('Primary</PARENT>');
  });

  it('profitAndLossLedger: the reserved ledger, under no group, its opening credit balanced by a cash debit', async () => {
    const source = smallCompanySource();
    const on = await start([source]);
    const c = on.company();
    const ledgers = objects(await ask(on, 'TCLedgers'), 'LEDGER');
    const pl = ledgers.find((l) => l.includes(`NAME="Profit &amp; Loss A/c"`))!;
    expect(pl).toContain('<LEDGER NAME="Profit &amp; Loss A/c" RESERVEDNAME="Profit &amp; Loss A/c">');
    expect(pl).toContain(`<GUID TYPE="String">${SMALL_GUID}-7f000001</GUID>`);
    expect(pl).toContain('<PARENT TYPE="String">&#4; Primary</PARENT>');
    // A profit is a credit: Tally writes it positive.
    expect(pl).toContain('<OPENINGBALANCE TYPE="Amount">485000.00</OPENINGBALANCE>');
    const cash = ledgers.find((l) => l.includes('NAME="Cash"'))!;
    expect(cash).toContain('<OPENINGBALANCE TYPE="Amount">-490000.00</OPENINGBALANCE>');
    expect(c.profitAndLoss).toEqual({
      guid: `${SMALL_GUID}-7f000001`,
      openingBalance: -DEFAULT_EARLIER_PROFIT,
      compensatedBy: 'Cash',
    });
    expect(c.ledgers.find((l) => l.name === PROFIT_AND_LOSS)).toMatchObject({
      parent: null,
      reservedName: PROFIT_AND_LOSS,
    });
    // The openings add up as they did.
    expect(sumOpenings(c.ledgers)).toBe(sumOpenings(source.ledgers));
    const masters = renderAllMastersExport(source, { now });
    const exported = objects(masters, 'LEDGER').find((l) =>
      l.includes('RESERVEDNAME="Profit &amp; Loss A/c"'),
    )!;
    expect(exported).toContain('<PARENT/>');
    expect(exported).toContain('<OPENINGBALANCE>485000.00</OPENINGBALANCE>');
    await on.stop();

    const chosen = await start([smallCompanySource()], { earlierProfit: 1_234_50 });
    const text = await ask(chosen, 'TCLedgers');
    expect(text).toMatch(/Profit &amp; Loss A\/c".*?<OPENINGBALANCE TYPE="Amount">1234\.50</s);
    expect(sumOpenings(chosen.company().ledgers)).toBe(sumOpenings(source.ledgers));
    await chosen.stop();

    const off = await start([smallCompanySource()], { realShapes: { profitAndLossLedger: false } });
    const plain = await ask(off, 'TCLedgers');
    expect(plain).not.toContain('Profit &amp; Loss');
    expect(plain).toMatch(/NAME="Cash".*?<OPENINGBALANCE TYPE="Amount">-5000\.00</s);
  });

  it('the demo company: P&L A/c compensated by its first bank, sub-groups with misleading flags', async () => {
    const demo = generateDemoCompany({ vouchers: 400, seed: 7, years: 1 });
    const on = await start([demo]);
    const c = on.company();
    expect(c.profitAndLoss).toMatchObject({ compensatedBy: 'HDFC Bank Current A/c' });
    expect(sumOpenings(c.ledgers)).toBe(sumOpenings(demo.ledgers));
    // The items' opening stock is an opening balance too: the demo's capital takes it.
    expect(sumOpenings(c.ledgers) + c.stockItems.reduce((s, i) => s + i.openingValue, 0)).toBe(0);
    expect(c.subGroups).toEqual([
      expect.objectContaining({
        name: PURCHASE_SUB_GROUP,
        parent: 'Purchase Accounts',
        ledgersMoved: ['Purchase @ 5%'],
      }),
      expect.objectContaining({
        name: SALES_SUB_GROUP,
        parent: 'Sales Accounts',
        ledgersMoved: ['Sales @ 5%'],
      }),
    ]);
    const name = demo.company.name;
    const groups = objects(await post(on, request('TCGroups', { company: name })), 'GROUP');
    const purchase = groups.find((g) => g.includes(`NAME="${PURCHASE_SUB_GROUP}"`))!;
    expect(purchase).toContain('<PARENT TYPE="String">Purchase Accounts</PARENT>');
    expect(field(purchase, 'ISREVENUE')).toBe('No');
    expect(field(purchase, 'AFFECTSGROSSPROFIT')).toBe('No');
    expect(field(purchase, 'ISDEEMEDPOSITIVE')).toBe('No');
    const sales = groups.find((g) => g.includes(`NAME="${SALES_SUB_GROUP}"`))!;
    expect(field(sales, 'AFFECTSGROSSPROFIT')).toBe('No');
    // The records keep the truth: a sub-group has its primary group's nature.
    expect(c.groups.find((g) => g.name === PURCHASE_SUB_GROUP)).toMatchObject({
      nature: 'expense',
      isRevenue: true,
      affectsGrossProfit: true,
    });
    const ledgers = objects(await post(on, request('TCLedgers', { company: name })), 'LEDGER');
    expect(ledgers.find((l) => l.includes('NAME="Purchase @ 5%"'))).toContain(
      `<PARENT TYPE="String">${PURCHASE_SUB_GROUP}</PARENT>`,
    );
    // Vouchers use the moved ledgers.
    const used = new Set([...c.all()].flatMap((v) => v.entries.map((e) => e.ledgerName)));
    expect(used.has('Purchase @ 5%') && used.has('Sales @ 5%')).toBe(true);
    // The export file writes the same flags.
    const masters = renderAllMastersExport(demo, { now });
    expect(objects(masters, 'GROUP').find((g) => g.includes(`NAME="${PURCHASE_SUB_GROUP}"`))).toContain(
      '<ISREVENUE>No</ISREVENUE><AFFECTSGROSSPROFIT>No</AFFECTSGROSSPROFIT><ISDEEMEDPOSITIVE>No</ISDEEMEDPOSITIVE>',
    );
    await on.stop();

    const off = await start([demo], { realShapes: { misleadingSubGroupFlags: false } });
    const plain = await post(off, request('TCGroups', { company: name }));
    expect(plain).not.toContain(PURCHASE_SUB_GROUP);
    expect(plain).not.toContain(SALES_SUB_GROUP);
    expect(off.company().ledgers.find((l) => l.name === 'Purchase @ 5%')?.parent).toBe('Purchase Accounts');
  });

  it('groupsTwice: primary groups written twice with the same GUID, in answers and exports', async () => {
    const demo = generateDemoCompany({ vouchers: 50, seed: 1, years: 1 });
    const on = await start([demo]);
    const name = demo.company.name;
    const guids = (xml: string): Map<string, number> => {
      const counts = new Map<string, number>();
      for (const g of objects(xml, 'GROUP')) {
        const guid = field(g, 'GUID')!;
        counts.set(guid, (counts.get(guid) ?? 0) + 1);
      }
      return counts;
    };
    const answer = guids(await post(on, request('TCGroups', { company: name })));
    const twice = [...answer.values()].filter((n) => n === 2).length;
    expect(twice).toBe(demo.groups.filter((g) => g.parent === null).length);
    expect([...answer.values()].every((n) => n <= 2)).toBe(true);
    expect([...guids(renderAllMastersExport(demo, { now })).values()].filter((n) => n === 2)).toHaveLength(
      twice,
    );
    await on.stop();

    const off = await start([demo], { realShapes: { groupsTwice: false } });
    const once = guids(await post(off, request('TCGroups', { company: name })));
    expect([...once.values()].every((n) => n === 1)).toBe(true);
    expect(guids(renderAllMastersExport(demo, { now, realShapes: { groupsTwice: false } })).size).toBe(
      once.size,
    );
  });

  it('countRows: per-date counts as <OBJECT> rows dated 1-Apr-25, or the old <VOUCHER> rows', async () => {
    const on = await start([smallCompanySource()], { realShapes: { nonPostingVouchers: false } });
    const rows = await ask(on, 'TCVoucherDates', WHOLE_YEAR);
    expect(rows).toContain(
      '<OBJECT><DATE TYPE="Date">1-Apr-25</DATE><COUNT TYPE="Number"> 2</COUNT></OBJECT>',
    );
    expect(rows).toContain(
      '<OBJECT><DATE TYPE="Date">15-May-25</DATE><COUNT TYPE="Number"> 1</COUNT></OBJECT>',
    );
    expect(objects(rows, 'VOUCHER')).toEqual([]);
    expect(objects(rows, 'OBJECT')).toHaveLength(5);
    await on.stop();

    const off = await start([smallCompanySource()], {
      realShapes: { nonPostingVouchers: false, countRows: false },
    });
    const old = await ask(off, 'TCVoucherDates', WHOLE_YEAR);
    expect(old).toContain(
      '<VOUCHER><DATE TYPE="Date">20250401</DATE><COUNT TYPE="Number"> 2</COUNT></VOUCHER>',
    );
    expect(old).not.toContain('<OBJECT>');
    expect(objects(old, 'VOUCHER')).toHaveLength(5);
  });

  it('nonPostingVouchers: orders, notes, memoranda, reversing journals, post-dated, cancelled, optional', async () => {
    const source = smallCompanySource();
    const on = await start([source]);
    const c = on.company();
    const extras = nonPostingVouchers(source, { now });
    expect(extras).toEqual(c.extraVouchers());
    // Deterministic.
    expect(nonPostingVouchers(smallCompanySource(), { now })).toEqual(extras);
    const kinds = new Set(extras.map((v) => nonPostingKind(v)));
    expect([...kinds].sort()).toEqual(
      [
        'Sales Order',
        'Purchase Order',
        'Delivery Note',
        'Receipt Note',
        'Rejections In',
        'Memorandum',
        'Reversing Journal',
        'post-dated',
        'cancelled',
        'optional',
      ].sort(),
    );
    const books = [...source.vouchers()];
    const maxBooks = Math.max(...books.map((v) => v.alterId), c.masterAlterId);
    const ledgerNames = new Set(c.ledgers.map((l) => l.name));
    const types = new Map(c.voucherTypes.map((t) => [t.name, t]));
    for (const v of extras) {
      expect(lineTotal(v), v.voucherNumber).toBe(0);
      expect(v.entries.length).toBeGreaterThanOrEqual(2);
      for (const e of v.entries) expect(ledgerNames.has(e.ledgerName), e.ledgerName).toBe(true);
      expect(v.alterId).toBeGreaterThan(maxBooks);
      expect(v.guid).toMatch(new RegExp(`^${SMALL_GUID}-7e[0-9a-f]{6}$`));
      expect(types.get(v.voucherType), v.voucherType).toBeDefined();
      if (nonPostingKind(v) === 'post-dated') expect(v.date > '2025-05-20').toBe(true);
    }
    expect(new Set(extras.map((v) => v.guid)).size).toBe(extras.length);
    expect(c.voucherAlterId).toBe(Math.max(...extras.map((v) => v.alterId)));
    // Each order and note type is a master with its base type as RESERVEDNAME and PARENT.
    const typeAnswer = objects(await ask(on, 'TCVoucherTypes'), 'VOUCHERTYPE');
    for (const base of [
      'Sales Order',
      'Purchase Order',
      'Delivery Note',
      'Receipt Note',
      'Rejections In',
      'Memorandum',
      'Reversing Journal',
    ]) {
      const t = typeAnswer.find((x) => x.includes(`NAME="${base}"`))!;
      expect(t, base).toContain(`RESERVEDNAME="${base}"`);
      expect(field(t, 'PARENT')).toBe(base);
    }

    // All of them are served (TallyConnect's requests fetch every voucher that is not deleted).
    const served = objects(await ask(on, 'TCVouchers', { from: '1-Apr-2025', to: '31-Mar-2027' }), 'VOUCHER');
    expect(served).toHaveLength(books.length + extras.length);
    expect(served.every((v) => /<ISPOSTDATED TYPE="Logical">(Yes|No)<\/ISPOSTDATED>/.test(v))).toBe(true);
    expect(served.filter((v) => v.includes('<ISPOSTDATED TYPE="Logical">Yes'))).toHaveLength(2);
    expect(served.filter((v) => v.includes('<ISCANCELLED TYPE="Logical">Yes'))).toHaveLength(2);
    expect(served.filter((v) => v.includes('<ISOPTIONAL TYPE="Logical">Yes'))).toHaveLength(2);
    expect(served.some((v) => v.includes('VCHTYPE="Sales Order"'))).toBe(true);

    // The books are exactly the source's: what is served, less the extras, balances as before.
    const extraGuids = new Set(extras.map((v) => v.guid));
    const posting = [...c.all()].filter((v) => !extraGuids.has(v.guid));
    expect(posting).toEqual(books);
    await on.stop();

    const off = await start([smallCompanySource()], { realShapes: { nonPostingVouchers: false } });
    expect(off.company().extraVouchers()).toEqual([]);
    expect(nonPostingVouchers(source, { realShapes: { nonPostingVouchers: false } })).toEqual([]);
    expect(await ask(off, 'TCCompanies')).toContain('<ALTVCHID TYPE="Number"> 16</ALTVCHID>');
    const plain = objects(await ask(off, 'TCVouchers', WHOLE_YEAR), 'VOUCHER');
    expect(plain).toHaveLength(6);
    expect(plain.every((v) => v.includes('<ISPOSTDATED TYPE="Logical">No</ISPOSTDATED>'))).toBe(true);
  });

  it('honours the request: old ones (NOT $IsCancelled AND NOT $IsOptional) leave those out, new ones do not', async () => {
    const s = await start([smallCompanySource()]);
    const c = s.company();
    const total = (xml: string): number =>
      objects(xml, 'OBJECT').reduce((n, row) => n + Number(field(row, 'COUNT')), 0);
    const range = { from: '1-Apr-2025', to: '31-Mar-2027' };
    const all = [...c.all()];
    const inactive = all.filter((v) => v.isCancelled || v.isOptional).length;
    expect(inactive).toBe(4);
    expect(total(await ask(s, 'TCVoucherDates', range))).toBe(all.length);
    expect(total(await ask(s, 'TCVoucherDates', { ...range, activeOnly: true }))).toBe(all.length - inactive);
    expect(objects(await ask(s, 'TCVoucherIndex', range), 'VOUCHER')).toHaveLength(all.length);
    expect(objects(await ask(s, 'TCVoucherIndex', { ...range, activeOnly: true }), 'VOUCHER')).toHaveLength(
      all.length - inactive,
    );
    expect(objects(await ask(s, 'TCVouchers', { ...range, activeOnly: true }), 'VOUCHER')).toHaveLength(
      all.length - inactive,
    );

    // Cancelling a voucher keeps it in the new counts, takes it out of the old; deleting takes it out of both.
    const first = all[0]!;
    c.alterVoucher(first.guid, (v) => ({ ...v, isCancelled: true }));
    expect(total(await ask(s, 'TCVoucherDates', range))).toBe(all.length);
    expect(total(await ask(s, 'TCVoucherDates', { ...range, activeOnly: true }))).toBe(
      all.length - inactive - 1,
    );
    const r2 = all.find((v) => v.voucherNumber === 'R2')!;
    c.deleteVoucher(r2.guid);
    const served = objects(await ask(s, 'TCVouchers', range), 'VOUCHER');
    expect(served).toHaveLength(all.length - 1);
    expect(served.join('')).not.toContain(r2.guid);
    expect(total(await ask(s, 'TCVoucherDates', range))).toBe(all.length - 1);
  });

  it('keeps the control API working beside the extra vouchers', async () => {
    const s = await start([smallCompanySource()]);
    const c = s.company();
    const before = c.voucherAlterId;
    // Automatic numbering counts the books only: the cancelled Sales invoices keep their own numbers.
    const added = c.addVoucher(cashSale('0000ffff', '2025-04-15', 500_00));
    expect(added.voucherNumber).toBe('3');
    expect(added.alterId).toBe(before + 1);
    const extra = c.extraVouchers().find((v) => nonPostingKind(v) === 'Sales Order')!;
    const altered = c.alterVoucher(extra.guid, (v) => ({ ...v, narration: 'changed' }));
    expect(altered.alterId).toBe(before + 2);
    const changed = await ask(s, 'TCVouchers', {
      from: '1-Apr-2025',
      to: '31-Mar-2027',
      alteredAfter: before,
    });
    expect(objects(changed, 'VOUCHER')).toHaveLength(2);
    expect(changed).toContain('<NARRATION TYPE="String">changed</NARRATION>');
    c.deleteVoucher(extra.guid);
    expect(c.find(extra.guid)).toBeNull();
    c.renameLedger('Sales', 'Sales (Local)');
    const renamed = [...c.all()].filter((v) => v.entries.some((e) => e.ledgerName === 'Sales (Local)'));
    expect(renamed.some((v) => c.isExtra(v.guid))).toBe(true);
  });

  it('export files: COMPANY object, SVCURRENTCOMPANY, P&L A/c, groups twice, ISPOSTDATED on every voucher', () => {
    const source = smallCompanySource();
    const masters = renderAllMastersExport(source, { now });
    expect(masters).toContain('<SVCURRENTCOMPANY>Small &amp; Co</SVCURRENTCOMPANY>');
    expect(masters).toContain(
      `<COMPANY NAME="Small &amp; Co" RESERVEDNAME=""><NAME>Small &amp; Co</NAME><GUID>${SMALL_GUID}</GUID>` +
        '<STARTINGFROM>20250401</STARTINGFROM><BOOKSFROM>20250401</BOOKSFROM></COMPANY>',
    );
    expect(masters).toMatch(/<TALLYMESSAGE[^>]*>\r\n<COMPANY /);
    expect(masters).toContain('<LEDGER NAME="Profit &amp; Loss A/c" RESERVEDNAME="Profit &amp; Loss A/c">');
    const dayBook = renderDayBookExport(source, { now });
    expect(dayBook).toContain('<SVCURRENTCOMPANY>Small &amp; Co</SVCURRENTCOMPANY>');
    const vouchers = objects(dayBook, 'VOUCHER');
    expect(vouchers).toHaveLength(6 + nonPostingVouchers(source, { now }).length);
    expect(vouchers.every((v) => /<ISPOSTDATED>(Yes|No)<\/ISPOSTDATED>/.test(v))).toBe(true);

    const plain = renderAllMastersExport(source, { now, realShapes: NO_REAL_SHAPES });
    expect(plain).not.toContain('Profit &amp; Loss');
    expect(plain).toContain('<PARENT></PARENT>');
    expect(objects(renderDayBookExport(source, { realShapes: NO_REAL_SHAPES }), 'VOUCHER')).toHaveLength(6);
  });
});
