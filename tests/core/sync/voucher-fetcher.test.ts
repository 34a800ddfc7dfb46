import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../../../shared/errors';
import { createTallyClient } from '../../../electron/core/tally/client';
import { fetchCompanies } from '../../../electron/core/tally/fetch';
import {
  inThreadFetcher,
  workerFetcher,
  type VoucherFetcher,
} from '../../../electron/core/sync/voucher-fetcher';
import { startTallySimulator, type TallySimulator } from '../../../tools/tally-sim/server';
import { generateDemoCompany } from '../../../electron/core/demo/generator';

let sim: TallySimulator;
let companyName: string;
const fetchers: VoucherFetcher[] = [];
const tally = (): { host: string; port: number; attempts: number; timeoutMs: number } => ({
  host: '127.0.0.1',
  port: sim.port,
  attempts: 1,
  timeoutMs: 20_000,
});
const RANGE = { from: '2000-01-01', to: '2099-12-31' };
const MONTHS = ['04', '05', '06', '07'].map((m) => ({ from: `2024-${m}-01`, to: `2024-${m}-28` }));

beforeAll(async () => {
  sim = await startTallySimulator([generateDemoCompany({ vouchers: 1500, seed: 5 })]);
  // Tally answers for its current period: the sync sets it to the whole books (tally-period.ts); these
  // tests fetch directly, so the period is set here as the sync would.
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

async function failure(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('voucher fetcher in a parse worker', () => {
  it('returns exactly what parsing on this thread returns', async () => {
    const inThread = await inThreadFetcher(createTallyClient(tally())).fetch(companyName, RANGE, {});
    const fromWorker = await worker().fetch(companyName, RANGE, {});
    // 1,500 generated + the 20 orders, memoranda, post-dated, cancelled ... the simulator adds.
    expect(fromWorker.length).toBe(1520);
    expect(fromWorker).toEqual(inThread);
  });

  it('serves several requests in flight, each answered with its own batch', async () => {
    const f = worker();
    const [april, may] = await Promise.all([
      f.fetch(companyName, { from: '2024-04-01', to: '2024-04-30' }, {}),
      f.fetch(companyName, { from: '2024-05-01', to: '2024-05-31' }, {}),
    ]);
    expect(april.length).toBeGreaterThan(0);
    expect(may.length).toBeGreaterThan(0);
    expect(april.every((v) => v.record.date.startsWith('2024-04'))).toBe(true);
    expect(may.every((v) => v.record.date.startsWith('2024-05'))).toBe(true);
  });

  it('reads one answer at a time, so the first batch is not held back by the second', async () => {
    // A pass-through in front of the simulator counting the requests open at once.
    let open = 0;
    let most = 0;
    const proxy: Server = createServer((incoming, outgoing) => {
      open++;
      most = Math.max(most, open);
      const forward = request(
        {
          host: '127.0.0.1',
          port: sim.port,
          method: incoming.method,
          path: incoming.url,
          headers: incoming.headers,
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
          answer.on('end', () => open--);
        },
      );
      incoming.pipe(forward);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const f = workerFetcher({ ...tally(), port: (proxy.address() as AddressInfo).port });
      fetchers.push(f);
      const months = ['04', '05', '06', '07'].map((m) =>
        f.fetch(companyName, { from: `2024-${m}-01`, to: `2024-${m}-28` }, {}),
      );
      const batches = await Promise.all(months);
      expect(batches.every((b) => b.length > 0)).toBe(true);
      expect(most).toBe(1);
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it("passes Tally's errors on with their code and words", async () => {
    sim.addFault({ fault: { kind: 'error', message: 'Could not find Report' }, match: 'TCVouchers' });
    const error = await failure(worker().fetch(companyName, RANGE, {}));
    expect(error.code).toBe('TALLY_ERROR');
    expect(error.message).toMatch(/Could not find Report/);
  });

  it('names a malformed answer as the in-thread parser does', async () => {
    sim.addFault({
      fault: { kind: 'garbage', text: '<ENVELOPE><VOUCHER><GUID>x</VOUCHER>' },
      match: 'TCVouchers',
    });
    const error = await failure(worker().fetch(companyName, RANGE, {}));
    expect(error.code).toBe('IMPORT_INVALID');
  });

  it('cancels a request in the worker when the signal aborts', async () => {
    sim.addFault({ fault: { kind: 'slow', delayMs: 5_000 }, match: 'TCVouchers' });
    const controller = new AbortController();
    const pending = worker().fetch(companyName, RANGE, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const error = await failure(pending);
    expect(error.code).toBe('CANCELLED');
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('rejects requests still waiting when it is closed', async () => {
    sim.addFault({ fault: { kind: 'slow', delayMs: 5_000 }, match: 'TCVouchers' });
    const f = workerFetcher(tally());
    const outcome = failure(f.fetch(companyName, RANGE, {}));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await f.close();
    expect((await outcome).code).toBe('CANCELLED');
  });
});

/**
 * The parse worker hands every other batch back unparsed, for the sync worker to parse itself
 * (voucher-fetcher.ts): whichever thread parses a batch, it must come out the same.
 */
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
