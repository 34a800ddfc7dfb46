import { resolveName, similarity } from '../../../electron/core/mcp/fuzzy';
import { ToolInputError } from '../../../electron/core/mcp/errors';

const names = [
  { guid: 'g1', name: 'Asha Stores' },
  { guid: 'g2', name: 'Asha Traders' },
  { guid: 'g3', name: 'Cash' },
  { guid: 'g4', name: 'HDFC Bank A/c' },
  { guid: 'g5', name: 'Sales @ 18%' },
  { guid: 'g6', name: 'Sales @ 12%' },
  { guid: 'g7', name: 'M/s. Kulkarni & Sons' },
];

function refusal(query: string): ToolInputError {
  try {
    resolveName(query, names, 'ledger');
  } catch (error) {
    if (error instanceof ToolInputError) return error;
    throw error;
  }
  throw new Error(`"${query}" was resolved`);
}

describe('finding a master by name', () => {
  it('takes a GUID, the same name in any case or punctuation, or the only name containing the words', () => {
    expect(resolveName('g4', names, 'ledger')).toMatchObject({
      match: { name: 'HDFC Bank A/c' },
      how: 'guid',
    });
    expect(resolveName('  cash ', names, 'ledger')).toMatchObject({ match: { guid: 'g3' }, how: 'exact' });
    expect(resolveName('ms kulkarni and sons', names, 'ledger').match.guid).toBe('g7');
    expect(resolveName('hdfc', names, 'ledger')).toMatchObject({ match: { guid: 'g4' }, how: 'contains' });
    expect(resolveName('sales 18', names, 'ledger').match.guid).toBe('g5');
  });

  it('accepts a close spelling only when it is clearly the one', () => {
    // Two names equally close: the assistant is asked which.
    expect(refusal('Sales @ 15%').suggestions).toEqual(
      expect.arrayContaining(['Sales @ 18%', 'Sales @ 12%']),
    );
    expect(resolveName('Kulkarni and Son', names, 'ledger').match.guid).toBe('g7');
    expect(resolveName('HDFC Bnak A/c', names, 'ledger')).toMatchObject({
      match: { guid: 'g4' },
      how: 'close',
    });
  });

  it('refuses an ambiguous name with the candidates as data, not as instructions', () => {
    const error = refusal('asha');
    expect(error.message).toContain('matches more than one ledger');
    expect(error.suggestions).toEqual(expect.arrayContaining(['Asha Stores', 'Asha Traders']));
    expect(error.message).not.toContain('Asha Stores');
    expect(refusal('Sales').suggestions).toHaveLength(2);
  });

  it('offers close names for a miss and says so when nothing is close', () => {
    expect(resolveName('Ashaa Trdrs', names, 'ledger').match.name).toBe('Asha Traders');
    expect(refusal('zzzz qqqq').suggestions).toEqual([]);
    expect(refusal('zzzz qqqq').message).toContain('search_names');
    expect(refusal('   ').message).toContain('Name the ledger');
  });

  it('scores the same text 1 and unrelated text low', () => {
    expect(similarity('cash', 'cash')).toBe(1);
    expect(similarity('cash', 'zzzz')).toBeLessThan(0.2);
  });
});
