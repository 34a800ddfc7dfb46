// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type {
  StockFigure,
  StockItemRegister,
  StockSummary,
  StockSummaryRow,
  VoucherView,
} from '../../../shared/types/reports';
import { company, voucherView } from '../fake-bridge';
import { renderApp } from '../render-app';

const f = (quantity: number | null, rate: number | null, value: number): StockFigure => ({
  quantity,
  rate,
  value,
});
const DAL = {
  opening: f(90_000, 96_67, 8_700_00),
  inwards: f(30_000, 105_00, 3_150_00),
  outwards: f(40_500, 100_11, 4_054_58),
  closing: f(79_500, 98_06, 7_795_42),
};
const RICE = {
  opening: f(6_000, 1_850_00, 11_100_00),
  inwards: f(6_000, 1_900_00, 11_400_00),
  outwards: f(5_000, 1_850_00, 9_250_00),
  closing: f(7_000, 1_892_86, 13_250_00),
};
const row = (
  kind: 'group' | 'item',
  guid: string,
  name: string,
  parent: string | null,
  depth: number,
  unit: string | null,
  figures: typeof DAL,
): StockSummaryRow => ({
  kind,
  guid,
  name,
  parent,
  depth,
  unit,
  decimals: unit === 'Kgs' ? 3 : 0,
  costingMethod: kind === 'item' ? 'Avg. Cost' : null,
  ...figures,
});
const GRAINS = {
  opening: f(null, null, 19_800_00),
  inwards: f(null, null, 14_550_00),
  outwards: f(null, null, 13_304_58),
  closing: f(null, null, 21_045_42),
};

const summary = (from: string, to: string, groupName?: string): StockSummary => ({
  companyGuid: company.guid,
  from,
  to,
  group: groupName ? { name: groupName, parent: null } : null,
  rows: groupName
    ? [
        row('group', 'g-pulses', 'Pulses', 'Grains', 0, 'Kgs', DAL),
        row('item', 'i-dal', 'Toor Dal', 'Pulses', 1, 'Kgs', DAL),
        row('item', 'i-rice', 'Rice Bag', 'Grains', 0, 'Nos', RICE),
      ]
    : [
        row('group', 'g-grains', 'Grains', null, 0, null, GRAINS),
        row('group', 'g-pulses', 'Pulses', 'Grains', 1, 'Kgs', DAL),
        row('item', 'i-dal', 'Toor Dal', 'Pulses', 2, 'Kgs', DAL),
        row('item', 'i-rice', 'Rice Bag', 'Grains', 1, 'Nos', RICE),
      ],
  total: { opening: 19_800_00, inwards: 14_550_00, outwards: 13_304_58, closing: 21_045_42 },
  computed: true,
});

const register = (from: string, to: string): StockItemRegister => ({
  companyGuid: company.guid,
  from,
  to,
  item: {
    guid: 'i-dal',
    name: 'Toor Dal',
    group: 'Pulses',
    unit: 'Kgs',
    decimals: 3,
    costingMethod: 'Avg. Cost',
    method: 'average',
  },
  opening: DAL.opening,
  lines: [
    {
      voucherGuid: 'v-p2',
      date: '2025-05-05',
      voucherType: 'Purchase',
      voucherNumber: 'P/2',
      party: 'Deccan Grains',
      offBooks: null,
      inward: 30_000,
      outward: 0,
      rate: 105_00,
      value: 3_150_00,
      runningQuantity: 120_000,
      godown: 'Main Location, Back Store',
    },
    {
      voucherGuid: 'v-d1',
      date: '2025-06-15',
      voucherType: 'Delivery Note',
      voucherNumber: 'DN/7',
      party: 'Patil Enterprises',
      offBooks: 'inventory',
      inward: 0,
      outward: 40_500,
      rate: 120_00,
      value: 4_860_00,
      runningQuantity: 79_500,
      godown: null,
    },
  ],
  inwards: DAL.inwards,
  outwards: DAL.outwards,
  closing: DAL.closing,
  computed: true,
});

const purchase = (guid: string): VoucherView => ({
  ...voucherView(guid),
  voucherType: 'Purchase',
  baseType: 'Purchase',
  voucherNumber: 'P/2',
  inventory: [
    {
      itemGuid: 'i-dal',
      itemName: 'Toor Dal',
      actualQuantity: 20_000,
      billedQuantity: 20_000,
      unit: 'Kgs',
      decimals: 3,
      rate: 105_00,
      rateUnit: 'Kgs',
      amount: 2_100_00,
      godown: 'Main Location',
    },
    {
      itemGuid: 'i-dal',
      itemName: 'Toor Dal',
      actualQuantity: 10_500,
      billedQuantity: 10_000,
      unit: 'Kgs',
      decimals: 3,
      rate: 105_00,
      rateUnit: 'Kgs',
      amount: 1_050_00,
      godown: 'Back Store',
    },
  ],
});

const handlers = {
  'stockSummary.get': (input: { from: string; to: string; groupName?: string }) => ({
    data: summary(input.from, input.to, input.groupName),
    source: 'database' as const,
    tookMs: 5,
  }),
  'stockItem.movements': (input: { from: string; to: string }) => ({
    data: register(input.from, input.to),
    source: 'database' as const,
    tookMs: 2,
  }),
  'voucher.get': (input: { voucherGuid: string }) => ({
    data: purchase(input.voucherGuid),
    source: 'database' as const,
    tookMs: 1,
  }),
};

describe('Stock summary', () => {
  it('is in the sidebar and shows groups with opening, inwards, outwards and closing, computed by TallyConnect', async () => {
    const { bridge } = renderApp('#/stockSummary?from=2025-05-01&to=2025-06-30', { handlers });
    const table = await screen.findByRole('grid', { name: 'Stock summary' });
    expect(screen.getByRole('heading', { name: 'Stock summary' })).toBeInTheDocument();
    expect(document.querySelector('a[data-screen="stockSummary"]')).toHaveAttribute('aria-current', 'page');
    expect(screen.getByTestId('stock-computed')).toHaveTextContent('Computed by TallyConnect');
    expect(bridge.calls.find((c) => c.operation === 'stockSummary.get')?.input).toEqual({
      companyGuid: 'co-1',
      from: '2025-05-01',
      to: '2025-06-30',
    });
    expect(within(table).getByRole('columnheader', { name: /Opening · Quantity/ })).toBeInTheDocument();
    // Condensed: the groups directly under Primary only.
    const grains = within(table).getByText('Grains').closest('tr')!;
    expect(grains).toHaveTextContent('₹19,800.00');
    expect(grains).toHaveTextContent('₹21,045.42');
    expect(within(table).queryByText('Toor Dal')).toBeNull();
    expect(table.querySelector('tfoot')).toHaveTextContent('₹13,304.58');
    expect(screen.getByRole('group', { name: 'Export' })).toBeInTheDocument();

    // Detailed: every group's items under it, with quantities in their units.
    fireEvent.click(screen.getByTestId('stock-detailed'));
    const dal = (await within(table).findByText('Toor Dal')).closest('tr')!;
    expect(dal).toHaveTextContent('90.000 Kgs');
    // On screen only the closing rate (the export carries every rate): 1366 pixels hold ten columns.
    expect(dal).not.toHaveTextContent('₹96.67');
    expect(dal).toHaveTextContent('₹98.06');
    expect(dal).toHaveTextContent('40.500 Kgs');
    expect(dal).toHaveTextContent('₹4,054.58');
    expect(dal).toHaveTextContent('79.500 Kgs');
    expect(within(table).getByText('Rice Bag').closest('tr')).toHaveTextContent('7 Nos');
    expect(window.location.hash).toContain('d=1');
  });

  it('drills from a group to its summary, from an item to its vouchers, and from a voucher to the voucher view', async () => {
    const { bridge } = renderApp('#/stockSummary?from=2025-05-01&to=2025-06-30', { handlers });
    fireEvent.click(await screen.findByText('Grains'));
    await waitFor(() => expect(window.location.hash).toContain('g=Grains'));
    const table = await screen.findByRole('grid', { name: 'Stock summary: Grains' });
    expect(bridge.calls.filter((c) => c.operation === 'stockSummary.get').at(-1)?.input).toEqual({
      companyGuid: 'co-1',
      from: '2025-05-01',
      to: '2025-06-30',
      groupName: 'Grains',
    });
    expect(screen.getByRole('button', { name: 'Up to Primary' })).toBeInTheDocument();

    fireEvent.click(within(table).getByText('Rice Bag'));
    await waitFor(() => expect(window.location.hash).toContain('#/stockItem?'));
    expect(window.location.hash).toContain('i=i-rice');
    const lines = await screen.findByRole('grid', { name: 'Stock item: Toor Dal' });
    expect(screen.getByTestId('stock-computed')).toBeInTheDocument();
    expect(screen.getByTestId('stock-item-figures')).toHaveTextContent(
      'Closing79.500 Kgs · ₹98.06 · ₹7,795.42',
    );
    expect(lines.querySelector('thead')).toHaveTextContent('Opening balance');
    const p2 = within(lines).getByText('P/2').closest('tr')!;
    expect(p2).toHaveTextContent('30.000 Kgs');
    expect(p2).toHaveTextContent('120.000 Kgs');
    expect(p2).toHaveTextContent('Main Location, Back Store');
    expect(within(lines).getByText('DN/7').closest('tr')).toHaveTextContent('Inventory note · not posted');
    expect(lines.querySelector('tfoot')).toHaveTextContent('₹7,795.42');

    fireEvent.click(p2);
    await waitFor(() => expect(window.location.hash).toContain('#/voucher?'));
    expect(window.location.hash).toContain('v=v-p2');
    const inventory = await screen.findByTestId('voucher-inventory');
    const rows = within(inventory).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Toor Dal');
    expect(rows[1]).toHaveTextContent('20.000 Kgs');
    expect(rows[1]).toHaveTextContent('₹105.00/Kgs');
    expect(rows[1]).toHaveTextContent('₹2,100.00 Dr');
    expect(rows[1]).toHaveTextContent('Main Location');
    // Actual and billed quantities differ.
    expect(rows[2]).toHaveTextContent('10.500 Kgs');
    expect(rows[2]).toHaveTextContent('10.000 Kgs');
  });

  it('speaks Marathi and Hindi', async () => {
    const { unmount } = renderApp('#/stockSummary?from=2025-05-01&to=2025-06-30', {
      handlers,
      language: 'mr',
    });
    expect(await screen.findByRole('heading', { name: 'स्टॉक सारांश' })).toBeInTheDocument();
    expect(await screen.findByTestId('stock-computed')).toHaveTextContent('TallyConnect ने');
    unmount();
    renderApp('#/stockItem?i=i-dal&from=2025-05-01&to=2025-06-30', { handlers, language: 'hi' });
    expect(await screen.findByRole('heading', { name: 'स्टॉक आइटम: Toor Dal' })).toBeInTheDocument();
    expect(await screen.findByTestId('stock-item-figures')).toHaveTextContent('जावक');
  });

  it('asks for an item when none is chosen', async () => {
    renderApp('#/stockItem', { handlers });
    expect(await screen.findByText('Open a stock item from the stock summary.')).toBeInTheDocument();
  });
});
