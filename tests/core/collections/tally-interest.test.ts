import { DEFAULT_INTEREST } from '../../../electron/core/collections/interest';
import { effectiveInterest, interestFromLedger } from '../../../electron/core/collections/tally-interest';
import { createTallyParser } from '../../../electron/core/tally/parser';
import type { XNode } from '../../../electron/core/tally/node';

// A party ledger shaped like Tally's own export (the INTERESTCOLLECTION.LIST block as in a public
// Tally export: INTERESTSTYLE "365-Day Year", INTERESTFROMTYPE "Past Due Date", INTERESTRATE " 24").
function ledgerXml(fields: string, slabs: string[]): string {
  return `<ENVELOPE><BODY><IMPORTDATA><REQUESTDATA><TALLYMESSAGE>
  <LEDGER NAME="Mehta Traders">
    <PARENT>Sundry Debtors</PARENT>
    <ISBILLWISEON>Yes</ISBILLWISEON>
    ${fields}
    ${slabs.map((s) => `<INTERESTCOLLECTION.LIST>${s}</INTERESTCOLLECTION.LIST>`).join('\n')}
  </LEDGER></TALLYMESSAGE></REQUESTDATA></IMPORTDATA></BODY></ENVELOPE>`;
}

function parseLedger(xml: string): XNode {
  const nodes: XNode[] = [];
  const parser = createTallyParser({
    source: 'test',
    capture: new Set(['LEDGER']),
    onObject: (n) => nodes.push(n),
  });
  parser.write(xml);
  parser.close();
  return nodes[0]!;
}

const EXPORTED_SLAB = `<INTERESTFROMDATE/><INTERESTTODATE/><INTERESTSTYLE>365-Day Year</INTERESTSTYLE>
  <INTERESTBALANCETYPE/><INTERESTAPPLON/><INTERESTFROMTYPE>Past Due Date</INTERESTFROMTYPE><ROUNDTYPE/>
  <INTERESTRATE> 24</INTERESTRATE><INTERESTAPPLFROM>0</INTERESTAPPLFROM><ROUNDLIMIT>0</ROUNDLIMIT>`;

describe("a ledger's interest parameters from Tally", () => {
  it('reads the exported slab: 24% per 365-day year from the due date, no rounding', () => {
    const ledger = parseLedger(
      ledgerXml('<ISINTERESTON>Yes</ISINTERESTON><INTERESTONBILLWISE>Yes</INTERESTONBILLWISE>', [
        EXPORTED_SLAB,
      ]),
    );
    expect(interestFromLedger(ledger)).toEqual({
      kind: 'parameters',
      billWise: true,
      parameters: { ...DEFAULT_INTEREST, ratePercent: '24', from: 'due', source: 'tally' },
    });
  });

  it('reads every field: 30-day month, grace, balance type, rounding to ₹10, days included', () => {
    const slab = `<INTERESTSTYLE>30-Day Month</INTERESTSTYLE><INTERESTBALANCETYPE>Debit Balances Only</INTERESTBALANCETYPE>
      <INTERESTAPPLON>Past Due Date</INTERESTAPPLON><INTERESTFROMTYPE>Past Due Date</INTERESTFROMTYPE>
      <ROUNDTYPE>Upward Rounding</ROUNDTYPE><INTERESTRATE> 1.5</INTERESTRATE><INTERESTAPPLFROM>15</INTERESTAPPLFROM>
      <ROUNDLIMIT> 10</ROUNDLIMIT>`;
    const ledger = parseLedger(
      ledgerXml(
        `<ISINTERESTON>Yes</ISINTERESTON><INTERESTONBILLWISE>No</INTERESTONBILLWISE>
         <INTERESTINCLDAYOFADDITION>Yes</INTERESTINCLDAYOFADDITION><INTERESTINCLDAYOFDEDUCTION>No</INTERESTINCLDAYOFDEDUCTION>`,
        [slab],
      ),
    );
    const result = interestFromLedger(ledger);
    expect(result).toMatchObject({
      kind: 'parameters',
      billWise: false,
      parameters: {
        ratePercent: '1.5',
        style: '30-Day Month',
        balances: 'Debit Balances Only',
        from: 'due',
        graceDays: 15,
        rounding: 'Upward Rounding',
        roundingLimit: 1_000,
        includeDayOfAddition: true,
        includeDayOfDeduction: false,
      },
    });
  });

  it('"Always" (no past-due setting) runs from the bill date', () => {
    const slab = `<INTERESTSTYLE>Calendar Year</INTERESTSTYLE><INTERESTAPPLON>Always</INTERESTAPPLON>
      <INTERESTFROMTYPE>From Appl Date</INTERESTFROMTYPE><INTERESTRATE>12</INTERESTRATE>`;
    const ledger = parseLedger(ledgerXml('<ISINTERESTON>Yes</ISINTERESTON>', [slab]));
    expect(interestFromLedger(ledger)).toMatchObject({
      parameters: { from: 'bill', style: 'Calendar Year' },
    });
  });

  it('interest off in Tally, or set in a way we do not compute, says so', () => {
    expect(
      interestFromLedger(parseLedger(ledgerXml('<ISINTERESTON>No</ISINTERESTON>', [EXPORTED_SLAB]))),
    ).toEqual({
      kind: 'off',
    });
    expect(
      interestFromLedger(
        parseLedger(ledgerXml('<ISINTERESTON>Yes</ISINTERESTON>', [EXPORTED_SLAB, EXPORTED_SLAB])),
      ),
    ).toEqual({
      kind: 'unsupported',
      reason: "Tally's advanced parameters with 2 slabs are not computed yet",
    });
    const weekly = EXPORTED_SLAB.replace('365-Day Year', 'Weekly');
    expect(interestFromLedger(parseLedger(ledgerXml('<ISINTERESTON>Yes</ISINTERESTON>', [weekly])))).toEqual({
      kind: 'unsupported',
      reason: 'interest style "Weekly" is not one we know',
    });
  });

  it("Tally's parameters win; else TallyConnect's, with a note when Tally's could not be used", () => {
    const own = { ...DEFAULT_INTEREST, ratePercent: '18' };
    const tally = interestFromLedger(
      parseLedger(ledgerXml('<ISINTERESTON>Yes</ISINTERESTON>', [EXPORTED_SLAB])),
    );
    expect(effectiveInterest(tally, own).parameters?.ratePercent).toBe('24');
    expect(effectiveInterest({ kind: 'off' }, own)).toEqual({ parameters: own, note: null });
    expect(effectiveInterest({ kind: 'unsupported', reason: 'x' }, own).note).toBe(
      "Tally's interest settings not used: x",
    );
    expect(effectiveInterest(undefined, null)).toEqual({ parameters: null, note: null });
  });
});
