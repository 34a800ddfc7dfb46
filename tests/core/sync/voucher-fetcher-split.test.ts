import { createTallyClient } from '../../../electron/core/tally/client';
import { fetchCompanies } from '../../../electron/core/tally/fetch';
import {
  inThreadFetcher,
  workerFetcher,
  type VoucherFetcher,
} from '../../../electron/core/sync/voucher-fetcher';
import { startTallySimulator, type TallySimulator } from '../../../tools/tally-sim/server';
import { generateDemoCompany } from '../../../electron/core/demo/generator';

/**
 * The parse worker hands every other batch back unparsed, for the sync worker to parse itself
 * (voucher-fetcher.ts): whichever thread parses a batch, it must come out the same.
 */
let sim: TallySimulator;
let companyName: string;
const fetchers: VoucherFetcher[] = [];
const tally = (): { host: string; port: number; attempts: number; timeoutMs: number } => ({
  host: '127.0.0.1',
  port: sim.port,
  attempts: 1,
  timeoutMs: 20_000,
});
const MONTHS = ['04', '05', '06', '07'].map((m) => ({ from: `2024-${m}-01`, to: `2024-${m}-28` }));

beforeAll(async () => {
  sim = await startTallySimulator([generateDemoCompany({ vouchers: 1500, seed: 5 })]);
  sim.setPeriod({ from: '2000-01-01', to: '2099-12-31' });
  const [company] = await fetchCompanies(createTallyClient(tally()));
  companyName = company!.name;
});
afterEach(async () => {
  sim.clearFaults();
  for (const f of fetchers.splice(0)) await f.close();
});
afterAll(() => sim.stop());

const worker = (): VoucherFetcher => {
  const f = workerFetcher(tally());
  fetchers.push(f);
  return f;
};

describe('voucher batches parsed on either thread', () => {
  it('come out as parsing every batch on this thread makes them, in the order asked', async () => {
    const here = inThreadFetcher(createTallyClient(tally()));
    const expected = [];
    for (const range of MONTHS) expected.push(await here.fetch(companyName, range, {}));
    const f = worker();
    f.warmUp?.();
    const got = await Promise.all(MONTHS.map((range) => f.fetch(companyName, range, {})));
    expect(got.every((batch) => batch.length > 0)).toBe(true);
    expect(got).toEqual(expected);
  });

  it('ask again for an answer cut mid-way, as the client does for a batch parsed as it arrives', async () => {
    const expected = await inThreadFetcher(createTallyClient(tally())).fetch(companyName, MONTHS[0]!, {});
    // The first batch is the one handed back unparsed; its first answer stops inside a voucher.
    sim.addFault({
      fault: { kind: 'garbage', text: '<ENVELOPE><BODY><DATA><COLLECTION><VOUCHER><GUID>x</GUID>' },
      match: 'TCVouchers',
      times: 1,
    });
    const got = await worker().fetch(companyName, MONTHS[0]!, {});
    expect(got).toEqual(expected);
    expect(sim.requests.filter((r) => r.id === 'TCVouchers').length).toBeGreaterThanOrEqual(3);
  });

  it("pass Tally's errors on for a batch parsed on this thread, not asking again", async () => {
    const asked = (): number => sim.requests.filter((r) => r.id === 'TCVouchers').length;
    const before = asked();
    sim.addFault({ fault: { kind: 'error', message: 'Could not find Report' }, match: 'TCVouchers' });
    await expect(worker().fetch(companyName, MONTHS[0]!, {})).rejects.toMatchObject({
      code: 'TALLY_ERROR',
      message: expect.stringMatching(/Could not find Report/),
    });
    expect(asked() - before).toBe(1);
  });
});
