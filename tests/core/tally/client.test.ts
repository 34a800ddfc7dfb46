import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../../../shared/errors';
import { createTallyClient, type RequestSink } from '../../../electron/core/tally/client';
import { fetchCompanies, fetchMasters } from '../../../electron/core/tally/fetch';
import type { XNode } from '../../../electron/core/tally/node';
import { startTallySimulator, type TallySimulator } from '../../../tools/tally-sim/server';
import { smallCompanySource } from '../../fixtures/tally/small-company';

let sim: TallySimulator;
beforeEach(async () => {
  sim = await startTallySimulator([smallCompanySource()]);
});
afterEach(async () => {
  await sim.stop();
});

const sleeps: number[] = [];
const client = (over: { attempts?: number; timeoutMs?: number; port?: number } = {}) =>
  createTallyClient({
    host: '127.0.0.1',
    port: over.port ?? sim.port,
    attempts: over.attempts ?? 3,
    backoffMs: 100,
    timeoutMs: over.timeoutMs ?? 10_000,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
beforeEach(() => {
  sleeps.length = 0;
});

describe('Tally client', () => {
  it('sends UTF-16LE with the company name escaped, and reads the UTF-16LE answer', async () => {
    const masters = await fetchMasters(client(), 'Small & Co');
    expect(masters.ledgers.map((l) => l.name)).toContain('गणेश ट्रेडर्स');
    // The simulator decoded "Small &amp; Co" back to the name: the escape was right.
    expect(sim.requests.at(-1)).toMatchObject({ id: 'TCStockItems', company: 'Small & Co' });
  });

  it('retries transient failures with doubling backoff, forgetting the objects of a failed attempt', async () => {
    sim.addFault({ match: 'TCCompanies', times: 1, fault: { kind: 'http500' } });
    sim.addFault({ match: 'TCCompanies', times: 1, fault: { kind: 'drop', afterBytes: 200 } });
    const companies = await fetchCompanies(client());
    expect(companies).toHaveLength(1);
    expect(sleeps).toEqual([100, 200]);
  });

  it('gives up after the last attempt with a plain message', async () => {
    sim.addFault({ match: 'TCCompanies', fault: { kind: 'drop', afterBytes: 10 } });
    await expect(fetchCompanies(client({ attempts: 2 }))).rejects.toMatchObject({
      code: 'TALLY_UNREACHABLE',
      message: expect.stringMatching(/(cut|failed).*\(tried 2 times\)\. Is Tally still running\?$/),
    });
  });

  it('times out a request that never finishes', async () => {
    sim.addFault({ match: 'TCGroups', fault: { kind: 'slow', delayMs: 2_000 } });
    await expect(fetchMasters(client({ attempts: 1, timeoutMs: 200 }), 'Small & Co')).rejects.toThrow(
      /did not finish answering the groups within 0 seconds|did not finish answering the groups/,
    );
  });

  it('words an empty answer as the company not being open, and passes LINEERROR text on', async () => {
    await expect(fetchMasters(client(), 'Not Open Ltd')).rejects.toMatchObject({
      code: 'TALLY_ERROR',
      message: expect.stringContaining('the company "Not Open Ltd" is not open in Tally'),
    });
    sim.addFault({
      match: 'TCGroups',
      times: 1,
      fault: { kind: 'error', message: "Could not set 'SVCurrentCompany'" },
    });
    await expect(fetchMasters(client(), 'Small & Co')).rejects.toThrow(
      "Tally answered: Could not set 'SVCurrentCompany'",
    );
  });

  it('says Tally is not running when the port is closed, without retrying', async () => {
    const probe = http.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const error = await fetchCompanies(client({ port })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('TALLY_UNREACHABLE');
    expect((error as AppError).message).toMatch(
      /^Tally is not running, or its XML port is off \(F1 > Settings > Connectivity\)/,
    );
    expect(sleeps).toEqual([]);
  });

  it('can be cancelled mid-request', async () => {
    sim.addFault({ match: 'TCCompanies', fault: { kind: 'slow', delayMs: 5_000 } });
    const controller = new AbortController();
    const objects: XNode[] = [];
    const sink: RequestSink = {
      capture: new Set(['COMPANY']),
      onObject: (n) => objects.push(n),
      reset: () => undefined,
    };
    const pending = client().request('<ENVELOPE><HEADER><ID>TCCompanies</ID></HEADER></ENVELOPE>', sink, {
      what: 'companies',
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
