import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { contract, OPERATION_NAMES } from '../../../shared/contract';
import { GSTR2B_BODY_LIMIT } from '../../../shared/contract/gst';
import type { PortalUser } from '../../../shared/types/portal';
import { createEventBus } from '../../../electron/core/events/bus';
import { createDispatcher } from '../../../electron/core/service/dispatch';
import type { CallContext, HandlerMap } from '../../../electron/core/service/types';
import { bodyLimitOf } from '../../../electron/serve/api';
import { createServeServer, DEFAULT_BODY_LIMIT, type ServeServer } from '../../../electron/serve/server';

/**
 * Per-operation body limits (issue 26): a real GSTR-2B (5,000 invoices, 2–3 MB) goes to gst.gstr2bReco
 * over HTTP; every other operation keeps the 1 MB default. The server runs with its defaults.
 */
let dir: string;
let app: ServeServer;
let base: string;
const TOKEN = 'test-launch-token_body-limit-0123456789abcdefgh';
const received: { operation: string; bytes: number }[] = [];

function handlers(): HandlerMap {
  const map: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of OPERATION_NAMES)
    map[name] = async (input) => {
      received.push({ operation: name, bytes: JSON.stringify(input).length });
      return { ok: true };
    };
  return map as unknown as HandlerMap;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tc-body-'));
  app = createServeServer({
    core: { dispatch: createDispatcher(handlers()), events: createEventBus() },
    staticDir: null,
    uploadDir: path.join(dir, 'uploads'),
    launchToken: TOKEN,
  });
  base = (await app.listen(0)).url;
});

afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (op: string, body: string) =>
  fetch(`${base}/api/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tallyconnect-token': TOKEN },
    body,
  });

/** A GSTR-2B of `invoices` invoices from one supplier, as the portal writes them. */
function gstr2b(invoices: number): Record<string, unknown> {
  const inv = Array.from({ length: invoices }, (_, i) => ({
    inum: `INV/${String(i).padStart(6, '0')}`,
    dt: '15-04-2025',
    val: 11800.5,
    pos: '27',
    rev: 'N',
    itcavl: 'Y',
    typ: 'R',
    srctyp: 'e-Invoice',
    irn: 'f'.repeat(64),
    irngendate: '15-04-2025',
    items: [{ num: 1, rt: 18, txval: 10000.5, igst: 0, cgst: 900, sgst: 900, cess: 0 }],
  }));
  return {
    companyGuid: 'c1',
    month: '2025-04',
    gstr2b: {
      data: {
        gstin: '27AAJFS4821K1Z5',
        rtnprd: '042025',
        docdata: { b2b: [{ ctin: '29AABCU9603R1ZM', trdnm: 'Supplier', inv }] },
      },
    },
  };
}

describe('request body limits per operation', () => {
  it('declares 20 MB for gst.gstr2bReco in its contract spec and nothing for other operations', () => {
    expect(GSTR2B_BODY_LIMIT).toBe(20 * 1024 * 1024);
    expect(contract['gst.gstr2bReco'].bodyLimitBytes).toBe(GSTR2B_BODY_LIMIT);
    const others = OPERATION_NAMES.filter(
      (n) => n !== 'gst.gstr2bReco' && contract[n].bodyLimitBytes !== undefined,
    );
    expect(others).toEqual([]);
    expect(DEFAULT_BODY_LIMIT).toBe(1024 * 1024);
  });

  it('accepts a 3 MB GSTR-2B for gst.gstr2bReco', async () => {
    const body = JSON.stringify(gstr2b(11_000));
    expect(body.length).toBeGreaterThan(3 * 1024 * 1024);
    expect(body.length).toBeLessThan(4 * 1024 * 1024);
    const res = await post('gst.gstr2bReco', body);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, data: { ok: true } });
    expect(received.at(-1)?.operation).toBe('gst.gstr2bReco');
  });

  it('refuses a 25 MB body for gst.gstr2bReco with PAYLOAD_TOO_LARGE naming the operation and its 20 MB limit', async () => {
    const before = received.length;
    const body = JSON.stringify(gstr2b(90_000));
    expect(body.length).toBeGreaterThan(25 * 1024 * 1024);
    const res = await post('gst.gstr2bReco', body);
    expect(res.status).toBe(413);
    const answer = (await res.json()) as { ok: false; error: { code: string; message: string } };
    expect(answer.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(answer.error.message).toBe('Request body for gst.gstr2bReco is larger than its limit of 20 MB');
    expect(received.length).toBe(before); // the handler never ran
  });

  it('keeps every other operation at 1 MB', async () => {
    const before = received.length;
    const big = JSON.stringify({ companyGuid: 'c1', query: 'x'.repeat(1024 * 1024 + 10) });
    const res = await post('ledgers.search', big);
    expect(res.status).toBe(413);
    const answer = (await res.json()) as { error: { code: string; message: string } };
    expect(answer.error.message).toBe('Request body for ledgers.search is larger than its limit of 1 MB');
    // The 3 MB that gst.gstr2bReco takes is refused by gst.gstr1 (same shape, another operation).
    const r1 = await post('gst.gstr1', JSON.stringify(gstr2b(11_000)));
    expect(r1.status).toBe(413);
    expect(received.length).toBe(before);
    // Just under the default still passes (JSON with trailing white space).
    const small = await post('companies.list', `{}${' '.repeat(1024 * 1024 - 10)}`);
    expect(small.status).toBe(200);
  });

  it('gives the larger limit only to a caller who may call the operation', () => {
    const owner: CallContext = { caller: 'http', user: null };
    const staff: PortalUser = {
      username: 'asha',
      displayName: 'Asha',
      role: 'staff',
      companies: ['c1'],
      disabled: false,
      createdAt: '2026-01-01T00:00:00Z',
    };
    const portal: CallContext = { caller: 'http', user: staff };
    expect(bodyLimitOf('gst.gstr2bReco', owner, DEFAULT_BODY_LIMIT)).toBe(GSTR2B_BODY_LIMIT);
    // gst.gstr2bReco is desktop-only: a portal user's body is read no further than the default.
    expect(bodyLimitOf('gst.gstr2bReco', portal, DEFAULT_BODY_LIMIT)).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitOf('ledgers.search', owner, DEFAULT_BODY_LIMIT)).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitOf('nope.never', owner, 2000)).toBe(2000);
  });
});
