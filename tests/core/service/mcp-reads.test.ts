import { openBooks, OWNER } from '../mcp/books';

let books: Awaited<ReturnType<typeof openBooks>>;
beforeAll(async () => {
  books = await openBooks('tc-mcp-reads-');
});
afterAll(async () => {
  await books.cleanup();
});

describe('reads the assistants need', () => {
  it('lists every master of a kind by name with its GUID and parent (masters.names)', async () => {
    const { core, demoGuid } = books;
    const ledgers = await core.dispatch('masters.names', { companyGuid: demoGuid, kind: 'ledger' }, OWNER);
    const searched = await core.dispatch(
      'ledgers.search',
      { companyGuid: demoGuid, query: '', limit: 500 },
      OWNER,
    );
    expect(ledgers.ok && searched.ok).toBe(true);
    if (!ledgers.ok || !searched.ok) return;
    expect(ledgers.data.names.map((n) => n.guid).sort()).toEqual(searched.data.map((l) => l.guid).sort());
    const cash = ledgers.data.names.find((n) => n.name === 'Cash');
    expect(cash?.parent).toBe('Cash-in-Hand');
    for (const kind of ['group', 'stockItem', 'stockGroup', 'voucherType'] as const) {
      const list = await core.dispatch('masters.names', { companyGuid: demoGuid, kind }, OWNER);
      expect(list.ok && list.data.names.length).toBeGreaterThan(0);
    }
    const unknown = await core.dispatch('masters.names', { companyGuid: 'nope', kind: 'ledger' }, OWNER);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('filters the day book by an amount range (the sum of each voucher’s debits, inclusive)', async () => {
    const { core, demoGuid } = books;
    const period = { companyGuid: demoGuid, from: '2025-04-01', to: '2026-03-31', pageSize: 5000 };
    const all = await core.dispatch('dayBook.get', period, OWNER);
    const ranged = await core.dispatch(
      'dayBook.get',
      { ...period, minAmount: 2_000_000, maxAmount: 8_000_000 },
      OWNER,
    );
    expect(all.ok && ranged.ok).toBe(true);
    if (!all.ok || !ranged.ok) return;
    const expected = all.data.data.vouchers.filter((v) => v.amount >= 2_000_000 && v.amount <= 8_000_000);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.data.data.vouchers.length);
    expect(ranged.data.data.matchingVouchers).toBe(expected.length);
    expect(ranged.data.data.vouchers.map((v) => v.guid)).toEqual(expected.map((v) => v.guid));
    // A range is part of the cache key: the plain day book is not answered for it, nor it for the plain one.
    const again = await core.dispatch('dayBook.get', period, OWNER);
    expect(again.ok && again.data.data.matchingVouchers).toBe(all.data.data.matchingVouchers);
  });
});
