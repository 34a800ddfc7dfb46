import { createTypeAttributeStripper } from '../../../electron/core/tally/type-attributes';

describe("Tally's TYPE attributes, dropped before parsing", () => {
  it('go from start tags that carry nothing else; other attributes stay', () => {
    const strip = createTypeAttributeStripper();
    expect(
      strip.push(
        '<VOUCHER REMOTEID="g-1" VCHTYPE="Sales" ACTION="Create"><DATE TYPE="Date">20250401</DATE>' +
          '<AMOUNT TYPE="Amount">-10.00</AMOUNT><BILLTYPE TYPE="String" X="1">New Ref</BILLTYPE>' +
          '<ALLLEDGERENTRIES.LIST><DUEDATE TYPE="Due Date">1-Apr</DUEDATE><EMPTY TYPE="String"/></ALLLEDGERENTRIES.LIST></VOUCHER>',
      ),
    ).toBe(
      '<VOUCHER REMOTEID="g-1" VCHTYPE="Sales" ACTION="Create"><DATE>20250401</DATE>' +
        '<AMOUNT>-10.00</AMOUNT><BILLTYPE TYPE="String" X="1">New Ref</BILLTYPE>' +
        '<ALLLEDGERENTRIES.LIST><DUEDATE>1-Apr</DUEDATE><EMPTY TYPE="String"/></ALLLEDGERENTRIES.LIST></VOUCHER>',
    );
  });

  it('stay in text, where no raw "<" can open a tag', () => {
    const strip = createTypeAttributeStripper();
    expect(strip.push('<NARRATION TYPE="String">Set TYPE="A"> &lt;B TYPE="C"&gt;</NARRATION>')).toBe(
      '<NARRATION>Set TYPE="A"> &lt;B TYPE="C"&gt;</NARRATION>',
    );
  });

  it('stay from the chunk where a CDATA section opens, even one split between chunks', () => {
    const whole = createTypeAttributeStripper();
    const cdata = '<A TYPE="String"><![CDATA[<B TYPE="String">]]></A>';
    expect(whole.push(cdata)).toBe(cdata);
    expect(whole.push('<C TYPE="String">x</C>')).toBe('<C TYPE="String">x</C>');

    const split = createTypeAttributeStripper();
    expect(split.push('<A TYPE="String">x</A><D><![CD')).toBe('<A>x</A><D><![CD');
    expect(split.push('ATA[<B TYPE="String">]]></D>')).toBe('ATA[<B TYPE="String">]]></D>');
    expect(split.push('<C TYPE="String">x</C>')).toBe('<C TYPE="String">x</C>');

    const tiny = createTypeAttributeStripper();
    for (const piece of ['<![', 'C', 'DA', 'TA', '[']) tiny.push(piece);
    expect(tiny.push('<B TYPE="String">')).toBe('<B TYPE="String">');
  });

  it('stay on a start tag split between chunks', () => {
    const strip = createTypeAttributeStripper();
    expect(strip.push('<A><AMOUNT TY')).toBe('<A><AMOUNT TY');
    expect(strip.push('PE="Amount">1</AMOUNT><B TYPE="Number">2</B></A>')).toBe(
      'PE="Amount">1</AMOUNT><B>2</B></A>',
    );
  });
});
