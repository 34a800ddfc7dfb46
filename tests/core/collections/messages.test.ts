import { DEFAULT_INTEREST } from '../../../electron/core/collections/interest';
import {
  EMAIL_BILL_LINES,
  statementEmail,
  statementWhatsAppText,
  WHATSAPP_BILL_LINES,
} from '../../../electron/core/collections/messages';
import {
  movementsFromHistory,
  type PartyStatement,
  statementFor,
} from '../../../electron/core/collections/statement';
import { normaliseMobile, whatsAppLinks } from '../../../electron/core/collections/whatsapp';
import type { OutstandingParty } from '../../../shared/types/reports';

// A Sundry Debtor's line of the outstanding report as on 31 May 2025: two overdue bills, one not due,
// and ₹500 received on account.
const party: OutstandingParty = {
  ledgerGuid: 'L-1',
  name: 'Shree Ganesh Traders',
  group: 'Sundry Debtors',
  total: 12_345_678 + 5_000_000 + 1_000_000 - 50_000,
  notDue: 1_000_000,
  onAccount: -50_000,
  buckets: [5_000_000, 12_345_678],
  bills: [
    {
      billName: 'INV/101',
      billDate: '2025-02-01',
      dueDate: '2025-03-03',
      overdueDays: 89,
      ageDays: 89,
      onAccount: false,
      amount: 12_345_678,
    },
    {
      billName: 'INV/140',
      billDate: '2025-04-10',
      dueDate: '2025-05-10',
      overdueDays: 21,
      ageDays: 21,
      onAccount: false,
      amount: 5_000_000,
    },
    {
      billName: 'INV/177',
      billDate: '2025-05-20',
      dueDate: '2025-06-19',
      overdueDays: -19,
      ageDays: null,
      onAccount: false,
      amount: 1_000_000,
    },
    {
      billName: 'On Account',
      billDate: null,
      dueDate: null,
      overdueDays: 0,
      ageDays: null,
      onAccount: true,
      amount: -50_000,
    },
  ],
};

const statement = (interest = true): PartyStatement =>
  statementFor(party, {
    companyName: 'Kulkarni & Sons',
    kind: 'receivable',
    asOn: '2025-05-31',
    interest: interest ? { ...DEFAULT_INTEREST, ratePercent: '18' } : null,
  });

describe("a party's statement from the outstanding report", () => {
  it('carries the totals, the overdue part and interest per bill', () => {
    const s = statement();
    expect(s.totalDue).toBe(18_295_678);
    expect(s.overdue).toBe(17_345_678);
    expect(s.onAccount).toBe(-50_000);
    expect(s.bills.map((b) => b.billName)).toEqual(['INV/101', 'INV/140', 'INV/177']);
    // 1,23,456.78 × 18% × 89/365 = 5418.568…; 50,000 × 18% × 21/365 = 517.80…; not due: 0.
    expect(s.bills.map((b) => b.interest)).toEqual([541_857, 51_781, 0]);
    expect(s.interest).toBe(541_857 + 51_781);
    expect(statement(false).interest).toBe(0);
  });

  it('counts a bill due on the as-on date as overdue, by the one rule of reports/due.ts', () => {
    const dueToday = statementFor(
      { ...party, bills: [{ ...party.bills[2]!, dueDate: '2025-05-31', overdueDays: 0, ageDays: 0 }] },
      { companyName: 'K', kind: 'receivable', asOn: '2025-05-31', interest: null },
    );
    expect(dueToday.overdue).toBe(1_000_000);
  });

  it("turns a payable's bills round for interest and back", () => {
    const payable = statementFor(party, {
      companyName: 'K',
      kind: 'payable',
      asOn: '2025-05-31',
      interest: { ...DEFAULT_INTEREST, ratePercent: '18', balances: 'Credit Balances Only' },
    });
    // Positive on the payables report is a credit: credit balances earn, in the report's sign.
    expect(payable.bills.map((b) => b.interest)).toEqual([541_857, 51_781, 0]);
  });
});

describe("a part-paid bill's interest from its history", () => {
  it('uses the bill history: interest on the full amount until the receipt, on the rest after', () => {
    // The hand-worked part payment of interest.test.ts: 50,000 due 30 Apr 2024, 20,000 received 15 May,
    // as on 31 May at 18% per 365 days: (9000×14 + 5400×17)/365 = 596.71.
    const history = {
      companyGuid: 'C',
      ledgerGuid: 'L-2',
      ledgerName: 'Patil Agencies',
      billName: 'INV/9',
      kind: 'receivable' as const,
      asOn: '2024-05-31',
      billDate: '2024-04-01',
      dueDate: '2024-04-30',
      overdueDays: 31,
      overdue: true,
      opening: 0,
      lines: [
        {
          date: '2024-04-01',
          voucherGuid: 'v1',
          voucherType: 'Sales',
          voucherNumber: '9',
          billType: 'New Ref',
          amount: 5_000_000,
          balance: 5_000_000,
        },
        {
          date: '2024-05-15',
          voucherGuid: 'v2',
          voucherType: 'Receipt',
          voucherNumber: '4',
          billType: 'Agst Ref',
          amount: -2_000_000,
          balance: 3_000_000,
        },
      ],
      pending: 3_000_000,
    };
    const line: OutstandingParty = {
      ledgerGuid: 'L-2',
      name: 'Patil Agencies',
      group: 'Sundry Debtors',
      total: 3_000_000,
      notDue: 0,
      onAccount: 0,
      buckets: [3_000_000],
      bills: [
        {
          billName: 'INV/9',
          billDate: '2024-04-01',
          dueDate: '2024-04-30',
          overdueDays: 31,
          ageDays: 31,
          onAccount: false,
          amount: 3_000_000,
        },
      ],
    };
    const options = {
      companyName: 'K',
      kind: 'receivable' as const,
      asOn: '2024-05-31',
      interest: { ...DEFAULT_INTEREST, ratePercent: '18' },
    };
    expect(movementsFromHistory(history)).toEqual([
      { date: '2024-04-01', amount: 5_000_000 },
      { date: '2024-05-15', amount: -2_000_000 },
    ]);
    const withHistory = statementFor(line, {
      ...options,
      movements: new Map([['INV/9', movementsFromHistory(history)]]),
    });
    expect(withHistory.interest).toBe(59_671);
    // Without the history the 30,000 pending is taken as outstanding all along: 30000 × 18% × 31/365 = 458.63.
    expect(statementFor(line, options).interest).toBe(45_863);
    // A payable's history turns round the same way as its bills.
    expect(movementsFromHistory({ ...history, kind: 'payable', opening: 100 })[0]).toEqual({
      date: '2024-04-01',
      amount: -100,
    });
  });
});

describe('the statement e-mail', () => {
  it('in English: subject, figures the Indian way, overdue bills with DD-MM-YYYY dates', () => {
    const mail = statementEmail(statement(), 'en', { attached: true });
    expect(mail.subject).toBe('Statement of account as on 31-05-2025 – Kulkarni & Sons');
    expect(mail.text).toBe(
      [
        'Dear Shree Ganesh Traders,',
        '',
        'Please find attached your statement of account with Kulkarni & Sons as on 31-05-2025.',
        '',
        'Total due: ₹1,82,956.78',
        'Overdue: ₹1,73,456.78',
        'Interest on overdue bills: ₹5,936.38',
        '',
        'Overdue bills:',
        '- Bill INV/101 dated 01-02-2025, due 03-03-2025: ₹1,23,456.78 (89 days overdue)',
        '- Bill INV/140 dated 10-04-2025, due 10-05-2025: ₹50,000.00 (21 days overdue)',
        '',
        'Kindly arrange the payment at the earliest. If you have already paid, please share the details.',
        '',
        'Regards,',
        'Kulkarni & Sons',
        '',
      ].join('\n'),
    );
  });

  it('in मराठी', () => {
    const mail = statementEmail(statement(), 'mr', { attached: true });
    expect(mail.subject).toBe('31-05-2025 रोजीचा खाते उतारा – Kulkarni & Sons');
    expect(mail.text).toContain('प्रिय Shree Ganesh Traders,');
    expect(mail.text).toContain('Kulkarni & Sons कडील आपला 31-05-2025 रोजीचा खाते उतारा सोबत जोडला आहे.');
    expect(mail.text).toContain(
      'एकूण येणे: ₹1,82,956.78\nमुदत संपलेली रक्कम: ₹1,73,456.78\nथकीत बिलांवरील व्याज: ₹5,936.38',
    );
    expect(mail.text).toContain(
      '- बिल INV/101, दिनांक 01-02-2025, देय दिनांक 03-03-2025: ₹1,23,456.78 (89 दिवस थकीत)',
    );
    expect(mail.text).not.toContain('INV/177');
    expect(mail.text).toMatch(/धन्यवाद,\nKulkarni & Sons\n$/);
  });

  it('in हिन्दी', () => {
    const mail = statementEmail(statement(), 'hi', { attached: true });
    expect(mail.subject).toBe('31-05-2025 तक का खाता विवरण – Kulkarni & Sons');
    expect(mail.text).toContain('Kulkarni & Sons के साथ आपका 31-05-2025 तक का खाता विवरण संलग्न है।');
    expect(mail.text).toContain(
      'कुल बकाया: ₹1,82,956.78\nअतिदेय राशि: ₹1,73,456.78\nअतिदेय बिलों पर ब्याज: ₹5,936.38',
    );
    expect(mail.text).toContain(
      '- बिल INV/140, दिनांक 10-04-2025, नियत तिथि 10-05-2025: ₹50,000.00 (21 दिन से अतिदेय)',
    );
  });

  it('without the statement attached (none could be made) the text does not say it is', () => {
    for (const language of ['en', 'mr', 'hi'] as const) {
      const attached = statementEmail(statement(), language);
      const plain = statementEmail(statement(), language, { attached: false });
      expect(plain.subject).toBe(attached.subject);
      expect(plain.text).not.toMatch(/attached|सोबत|संलग्न/);
      // The figures are the same.
      expect(plain.text.split('\n\n')[2]).toBe(attached.text.split('\n\n')[2]);
    }
    expect(statementEmail(statement(), 'en', { attached: false }).text).toContain(
      'Your account with Kulkarni & Sons as on 31-05-2025 stands as follows.',
    );
  });

  it('leaves out interest and overdue lines a party does not have', () => {
    const mail = statementEmail(statement(false), 'en', { attached: true });
    expect(mail.text).not.toContain('Interest');
    const nothingOverdue = { ...statement(false), overdue: 0, bills: [] };
    const text = statementEmail(nothingOverdue, 'hi', { attached: true }).text;
    expect(text).toContain('कुल बकाया: ₹1,82,956.78');
    expect(text).not.toContain('अतिदेय');
  });

  it('lists so many bills and points to the attachment for the rest', () => {
    const many = statement(false);
    const bill = many.bills[0]!;
    const bills = Array.from({ length: EMAIL_BILL_LINES + 3 }, (_, i) => ({ ...bill, billName: `B${i}` }));
    const text = statementEmail({ ...many, bills }, 'en', { attached: true }).text;
    expect(text).toContain(`- Bill B${EMAIL_BILL_LINES - 1} `);
    expect(text).not.toContain(`- Bill B${EMAIL_BILL_LINES} `);
    expect(text).toContain('… and 3 more in the attached statement.');
  });

  it('without a statement attached says nothing of an attachment, in each language', () => {
    const many = statement(false);
    const bill = many.bills[0]!;
    const bills = Array.from({ length: EMAIL_BILL_LINES + 2 }, (_, i) => ({ ...bill, billName: `B${i}` }));
    const en = statementEmail({ ...many, bills }, 'en', { attached: false }).text;
    expect(en).toContain('Your account with Kulkarni & Sons as on 31-05-2025 stands as follows.');
    expect(en).toContain('… and 2 more overdue bills.');
    expect(en).not.toMatch(/attach/i);
    const mr = statementEmail({ ...many, bills }, 'mr', { attached: false }).text;
    expect(mr).toContain('Kulkarni & Sons कडील आपल्या खात्याचा 31-05-2025 रोजीचा तपशील पुढीलप्रमाणे आहे.');
    expect(mr).toContain('… आणखी 2 थकीत बिले.');
    expect(mr).not.toMatch(/सोबत/);
    const hi = statementEmail({ ...many, bills }, 'hi', { attached: false }).text;
    expect(hi).toContain('Kulkarni & Sons के साथ आपके खाते का 31-05-2025 तक का विवरण इस प्रकार है।');
    expect(hi).toContain('… और 2 अतिदेय बिल।');
    expect(hi).not.toMatch(/संलग्न/);
    // The same party with the statement attached: only the wording about it changes.
    const attached = statementEmail({ ...many, bills }, 'en', { attached: true }).text;
    expect(
      attached
        .replace(
          'Please find attached your statement of account with Kulkarni & Sons as on 31-05-2025.',
          'Your account with Kulkarni & Sons as on 31-05-2025 stands as follows.',
        )
        .replace('… and 2 more in the attached statement.', '… and 2 more overdue bills.'),
    ).toBe(en);
  });
});

describe('the WhatsApp text and link', () => {
  it('has the figures and the oldest overdue bills in each language', () => {
    expect(statementWhatsAppText(statement(), 'en')).toBe(
      [
        'Dear Shree Ganesh Traders, your account with Kulkarni & Sons as on 31-05-2025: total due ₹1,82,956.78, overdue ₹1,73,456.78, interest on overdue bills ₹5,936.38.',
        '',
        'Overdue bills:\n- Bill INV/101 dated 01-02-2025, due 03-03-2025: ₹1,23,456.78 (89 days overdue)\n- Bill INV/140 dated 10-04-2025, due 10-05-2025: ₹50,000.00 (21 days overdue)',
        '',
        'Kindly arrange the payment at the earliest. If you have already paid, please share the details.',
        '',
        '– Kulkarni & Sons',
      ].join('\n'),
    );
    expect(statementWhatsAppText(statement(), 'mr')).toMatch(
      /^प्रिय Shree Ganesh Traders, Kulkarni & Sons कडील आपले 31-05-2025 रोजीचे खाते: एकूण येणे ₹1,82,956.78, मुदत संपलेली रक्कम ₹1,73,456.78, थकीत बिलांवरील व्याज ₹5,936.38\./,
    );
    expect(statementWhatsAppText(statement(false), 'hi')).toMatch(
      /^प्रिय Shree Ganesh Traders, Kulkarni & Sons के साथ आपका 31-05-2025 तक का खाता: कुल बकाया ₹1,82,956.78, अतिदेय राशि ₹1,73,456.78।/,
    );
    const many = statement(false);
    const bills = Array.from({ length: WHATSAPP_BILL_LINES + 2 }, (_, i) => ({
      ...many.bills[0]!,
      billName: `B${i}`,
    }));
    expect(statementWhatsAppText({ ...many, bills }, 'mr')).toContain('… आणखी 2 बिले सोबतच्या उताऱ्यात आहेत.');
  });

  it.each([
    ['98765 43210', '+919876543210'],
    ['098765-43210', '+919876543210'],
    ['+91 98765 43210', '+919876543210'],
    ['0091 (98765) 43210', '+919876543210'],
    ['919876543210', '+919876543210'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('normalises %s to %s', (input, e164) => {
    expect(normaliseMobile(input)).toMatchObject({ ok: true, e164 });
  });

  it.each([
    ['', 'No mobile number'],
    ['98765', 'not a 10-digit Indian mobile number'],
    ['022 2345 6789', 'not a mobile number'],
    ['call me', 'not a phone number'],
  ])('refuses %j: %s', (input, message) => {
    const check = normaliseMobile(input);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toContain(message);
  });

  it('builds wa.me and whatsapp:// links with the text prefilled and encoded', () => {
    const text = statementWhatsAppText(statement(), 'mr');
    const links = whatsAppLinks('98765 43210', text);
    expect(links.web.startsWith('https://wa.me/919876543210?text=')).toBe(true);
    expect(decodeURIComponent(new URL(links.web).searchParams.get('text') ?? '')).toBe(text);
    expect(new URL(links.web).searchParams.get('text')).toBe(text);
    expect(links.app).toBe(`whatsapp://send?phone=919876543210&text=${encodeURIComponent(text)}`);
    expect(() => whatsAppLinks('12345', 'x')).toThrow(/not a 10-digit Indian mobile number/);
  });
});
