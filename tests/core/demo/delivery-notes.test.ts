import { openStore } from '../../../electron/core/db/store';
import { generateDemoCompany } from '../../../electron/core/demo/generator';
import { writeDemoCompany } from '../../../electron/core/demo/load';
import { closingStockOf } from '../../../electron/core/inventory/movements';
import { createRenderer } from '../../../tools/tally-sim/render';

/**
 * The demo with delivery notes: every fourth sale goes out on a Delivery Note whose lines its invoice is
 * tracked to. The note moves the stock and the tracked invoice does not, so every item's stock equals that
 * of the same demo without notes (docs/TALLY.md "Which lines move stock").
 */
describe('demo with delivery notes and tracked sales', () => {
  const options = { vouchers: 600, seed: 7 };
  const plain = generateDemoCompany(options);
  const noted = generateDemoCompany({ ...options, deliveryNotes: true });

  it('emits a delivery note before each fourth sale, the sale tracked to it', () => {
    const vouchers = [...noted.vouchers()];
    const notes = vouchers.filter((v) => v.voucherType === 'Delivery Note');
    expect(notes.length).toBeGreaterThan(10);
    for (const note of notes) {
      const sale = vouchers[vouchers.indexOf(note) + 1]!;
      expect(sale).toMatchObject({ voucherType: 'Sales', date: note.date });
      expect(note.inventory?.every((l) => l.trackingNumber === note.voucherNumber)).toBe(true);
      expect(sale.inventory?.map((l) => l.actualQuantity)).toEqual(
        note.inventory?.map((l) => l.actualQuantity),
      );
      expect(sale.inventory?.every((l) => l.trackingNumber === note.voucherNumber)).toBe(true);
    }
    // The other vouchers are the plain demo's.
    expect(vouchers.filter((v) => v.voucherType !== 'Delivery Note').map((v) => v.guid)).toEqual(
      [...plain.vouchers()].map((v) => v.guid),
    );
  });

  it('moves stock once: every item closes as in the demo without notes', () => {
    const a = openStore(':memory:');
    const b = openStore(':memory:');
    try {
      writeDemoCompany(a, plain);
      writeDemoCompany(b, noted);
      const close = (store: typeof a, guid: string) =>
        closingStockOf(store.db, guid, '2026-03-31').map((i) => [i.name, i.closing]);
      expect(close(b, noted.company.guid)).toEqual(close(a, plain.company.guid));
      const tracked = b.db
        .prepare('SELECT count(*) FROM inventory_entries WHERE tracking_number IS NOT NULL')
        .pluck()
        .get() as number;
      expect(tracked).toBeGreaterThan(20);
    } finally {
      a.close();
      b.close();
    }
  });

  it('the simulator writes the tracking number in the batch allocation, "Not Applicable" otherwise', () => {
    const render = createRenderer({ mode: 'export' });
    const vouchers = [...noted.vouchers()];
    const note = vouchers.find((v) => v.voucherType === 'Delivery Note')!;
    const sale = vouchers[vouchers.indexOf(note) + 1]!;
    const plainSale = vouchers.find(
      (v) => v.voucherType === 'Sales' && v.inventory?.[0]?.trackingNumber === undefined,
    )!;
    expect(render.voucher(sale)).toContain(`<TRACKINGNUMBER>${note.voucherNumber}</TRACKINGNUMBER>`);
    expect(render.voucher(plainSale)).toContain('<TRACKINGNUMBER>&#4; Not Applicable</TRACKINGNUMBER>');
  });
});
