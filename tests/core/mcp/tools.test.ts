import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { encode } from 'gpt-tokenizer';
import { OPERATION_NAMES } from '../../../shared/contract';
import { PORTAL_ACCESS } from '../../../electron/core/portal/access';
import { ToolContext } from '../../../electron/core/mcp/context';
import { MCP_READ_OPERATIONS } from '../../../electron/core/mcp/read-operations';
import { createMcpServer, MCP_INSTRUCTIONS } from '../../../electron/core/mcp/server';
import { MCP_TOOLS } from '../../../electron/core/mcp/tools';
import type { CallContext } from '../../../electron/core/service/types';
import type { PortalUser } from '../../../shared/types/portal';
import { checkBadInput, checkEveryTool, DESKTOP_ONLY_TOOLS, replyOf, type CallTool } from './cases';
import { openBooks, OWNER } from './books';

let books: Awaited<ReturnType<typeof openBooks>>;
beforeAll(async () => {
  books = await openBooks('tc-mcp-tools-');
});
afterAll(async () => {
  await books.cleanup();
});

type Dispatch = (
  operation: string,
  input: unknown,
  context: CallContext,
) => ReturnType<typeof books.core.dispatch>;

/** An MCP client of the SDK connected in memory to a server over the test core. */
async function connect(
  options: { dispatch?: Dispatch; allowed?: string[] | null; maxChars?: number; call?: CallContext } = {},
) {
  const server = createMcpServer({
    dispatch: options.dispatch ?? books.core.dispatch,
    call: options.call ?? OWNER,
    allowedCompanies: options.allowed === undefined ? [books.demoGuid] : options.allowed,
    now: () => new Date('2026-05-10T06:00:00Z'),
    version: 'test',
    ...(options.maxChars ? { maxChars: options.maxChars } : {}),
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'tallyconnect-test', version: '1' });
  await client.connect(clientSide);
  const call: CallTool = async (name, args) => replyOf(await client.callTool({ name, arguments: args }));
  return { client, call, close: () => client.close() };
}

describe('the MCP tools, through the SDK client', () => {
  it('answers every tool as the contract operation does, for the same input', async () => {
    const { call, close } = await connect();
    const checked = await checkEveryTool(call, books.core, OWNER, {
      guid: books.demoGuid,
      name: books.demoName,
    });
    expect(checked.sort()).toEqual(MCP_TOOLS.map((t) => t.name).sort());
    await close();
  });

  it('refuses bad input with a helpful tool error, never a crash', async () => {
    const { call, close } = await connect();
    await checkBadInput(call, { guid: books.demoGuid, name: books.demoName });
    await close();
  });

  it('reads no company until one is allowed (none by default)', async () => {
    const { call, close } = await connect({ allowed: [] });
    const listed = await call('list_companies', {});
    expect((listed.body.data as { companies: unknown[] }).companies).toEqual([]);
    const refused = await call('trial_balance', {});
    expect(refused.isError).toBe(true);
    expect(String(refused.body.error)).toContain('Settings › Assistants');
    await close();
  });

  it('asks which company when several are open and none is named', async () => {
    const { call, close } = await connect({ allowed: [books.demoGuid, 'tiny-company-0001'] });
    const refused = await call('dashboard', {});
    expect(refused.isError).toBe(true);
    expect(String(refused.body.error)).toContain('Several companies');
    expect(refused.body.didYouMean).toEqual(expect.arrayContaining([books.demoName]));
    const named = await call('dashboard', { company: books.demoName.toLowerCase(), fy: '2025-26' });
    expect(named.isError).toBe(false);
    await close();
  });

  it('cuts a long list to the size asked for and says how to get the rest', async () => {
    const { call, close } = await connect({ maxChars: 4000 });
    const first = await call('trial_balance', { fy: '2025-26' });
    const text = JSON.stringify(first.body);
    expect(text.length).toBeLessThanOrEqual(4000);
    const truncated = first.body.truncated as { shown: string; next: string };
    const shown = (first.body.data as { rows: { name: string }[] }).rows;
    expect(truncated.next).toBe(`call again with the same arguments and offset=${shown.length}`);
    const rest = await call('trial_balance', { fy: '2025-26', offset: shown.length });
    const next = (rest.body.data as { rows: { name: string }[] }).rows;
    const all = await books.core.dispatch(
      'trialBalance.get',
      { companyGuid: books.demoGuid, from: '2025-04-01', to: '2026-03-31' },
      OWNER,
    );
    expect(all.ok && [...shown, ...next].map((r) => r.name)).toEqual(
      all.ok && all.data.data.rows.slice(0, shown.length + next.length).map((r) => r.name),
    );
    // A comparison's rows (the P&L's groups and ledgers as one list) are cut and continued the same way.
    const cut = await call('compare_profit_and_loss', { periods: ['2025-26', '2024-25'] });
    expect(JSON.stringify(cut.body).length).toBeLessThanOrEqual(4000);
    const cutRows = (cut.body.data as { rows: { group: string; ledger?: string }[] }).rows;
    expect((cut.body.truncated as { next: string }).next).toBe(
      `call again with the same arguments and offset=${cutRows.length}`,
    );
    const more = await call('compare_profit_and_loss', {
      periods: ['2025-26', '2024-25'],
      offset: cutRows.length,
    });
    const moreRows = (more.body.data as { rows: { group: string; ledger?: string }[] }).rows;
    const pl = await books.core.dispatch(
      'profitLoss.compare',
      {
        companyGuid: books.demoGuid,
        columns: [
          { from: '2025-04-01', to: '2026-03-31' },
          { from: '2024-04-01', to: '2025-03-31' },
        ],
      },
      OWNER,
    );
    const flat = pl.ok
      ? [
          ...pl.data.data.directIncomes,
          ...pl.data.data.directExpenses,
          ...pl.data.data.indirectIncomes,
          ...pl.data.data.indirectExpenses,
        ].flatMap((l) => [l.groupName, ...l.ledgers.map((x) => x.name)])
      : [];
    expect([...cutRows, ...moreRows].map((r) => r.ledger ?? r.group)).toEqual(
      flat.slice(0, cutRows.length + moreRows.length),
    );
    // The default budget: 25,000 characters.
    const { call: plain, close: closePlain } = await connect();
    const book = await plain('day_book', { fy: '2025-26', limit: 500 });
    expect(JSON.stringify(book.body).length).toBeLessThanOrEqual(25_000);
    expect(book.body.truncated).toMatchObject({ next: expect.stringMatching(/offset=\d+/) });
    await closePlain();
    await close();
  });
});

/** Operations the assistants read that the portal keeps to the desktop (electron/core/portal/access.ts). */
const DESKTOP_ONLY: readonly string[] = ['gst.gstr1', 'gst.gstr3b'];

describe('read-only by construction', () => {
  const WRITES = [
    'sync.start',
    'sync.cancel',
    'import.files',
    'demo.load',
    'company.setBooksFrom',
    'company.delete',
    'settings.update',
    'users.save',
    'users.delete',
    'cache.clearCompany',
    'auth.signIn',
    'auth.signOut',
  ];

  it('maps every tool to a read operation, and lists them with readOnlyHint and no open world', async () => {
    for (const tool of MCP_TOOLS) expect(MCP_READ_OPERATIONS).toContain(tool.operation);
    for (const read of MCP_READ_OPERATIONS) {
      expect(OPERATION_NAMES).toContain(read);
      expect(WRITES).not.toContain(read);
      // Reads of the books are what a portal user may call too, or desktop-only (the GST returns, which
      // the portal does not open): nothing partner-only, nothing for collections, nothing public.
      if (DESKTOP_ONLY.includes(read)) expect(PORTAL_ACCESS[read]).toBeUndefined();
      else expect(PORTAL_ACCESS[read]).toBe('user');
    }
    expect(
      MCP_TOOLS.filter((t) => DESKTOP_ONLY.includes(t.operation))
        .map((t) => t.name)
        .sort(),
    ).toEqual([...DESKTOP_ONLY_TOOLS].sort());
    const { client, close } = await connect();
    const { tools } = await client.listTools();
    expect(tools).toHaveLength(MCP_TOOLS.length);
    for (const tool of tools) {
      expect(tool.annotations).toMatchObject({
        readOnlyHint: true,
        openWorldHint: false,
        destructiveHint: false,
      });
    }
    await close();
  });

  it('reaches no operation but reads, whatever the tools are asked', async () => {
    const seen = new Set<string>();
    const spy: Dispatch = (operation, input, context) => {
      seen.add(operation);
      return books.core.dispatch(operation, input, context);
    };
    const { call, close } = await connect({ dispatch: spy });
    await checkEveryTool(call, books.core, OWNER, { guid: books.demoGuid, name: books.demoName });
    await checkBadInput(call, { guid: books.demoGuid, name: books.demoName });
    expect(seen.size).toBeGreaterThan(10);
    for (const operation of seen) expect(MCP_READ_OPERATIONS as readonly string[]).toContain(operation);
    await close();
  });

  it('keeps desktop-only reads (the GST returns) to the desktop owner: a portal user is neither offered nor answered them', async () => {
    const seen: string[] = [];
    const spy: Dispatch = (operation, input, context) => {
      seen.push(operation);
      return books.core.dispatch(operation, input, context);
    };
    const owner = await connect();
    const ownerTools = (await owner.client.listTools()).tools.map((t) => t.name);
    expect(ownerTools).toEqual(expect.arrayContaining(DESKTOP_ONLY_TOOLS));
    await owner.close();
    const userOf = (role: PortalUser['role']): PortalUser => ({
      username: `asha-${role}`,
      displayName: 'Asha',
      role,
      companies: [books.demoGuid],
      disabled: false,
      createdAt: '2026-01-01T00:00:00Z',
    });
    for (const role of ['staff', 'owner'] as const) {
      const user = userOf(role);
      const portal = await connect({ dispatch: spy, call: { caller: 'http', user } });
      const tools = (await portal.client.listTools()).tools.map((t) => t.name);
      expect(tools).toEqual(ownerTools.filter((name) => !DESKTOP_ONLY_TOOLS.includes(name)));
      for (const name of DESKTOP_ONLY_TOOLS) {
        const refused = await portal.call(name, { month: '2025-06' });
        expect(refused.isError).toBe(true);
        expect(String(refused.body.error)).toContain('only available on the TallyConnect desktop');
      }
      // The rest answer as they do for the owner.
      expect((await portal.call('register_summary', { fy: '2025-26' })).isError).toBe(false);
      await portal.close();
    }
    expect(seen.filter((op) => op.startsWith('gst.'))).toEqual([]);
    // Were a tool to reach it anyway, the dispatcher's portal guard refuses the operation itself.
    const staff: CallContext = { caller: 'http', user: userOf('staff') };
    const direct = await books.core.dispatch(
      'gst.gstr1',
      { companyGuid: books.demoGuid, month: '2025-06' },
      staff,
    );
    expect(direct.ok || direct.error.code).toBe('FORBIDDEN');
  });

  it('refuses a write at the one door to the core, before it is dispatched', async () => {
    const seen: string[] = [];
    const context = new ToolContext({
      dispatch: async (operation) => {
        seen.push(operation);
        return { ok: true, data: null };
      },
      call: OWNER,
      allowedCompanies: null,
    });
    for (const write of WRITES) {
      await expect(context.read(write as 'companies.list', {})).rejects.toThrow(/only reads/);
    }
    expect(seen).toEqual([]);
  });

  it('writes no text from the books into its own instructions or tool descriptions', async () => {
    const { client, close } = await connect();
    const listing = JSON.stringify((await client.listTools()).tools);
    expect(client.getInstructions()).toBe(MCP_INSTRUCTIONS);
    const ledgers = await books.core.dispatch(
      'masters.names',
      { companyGuid: books.demoGuid, kind: 'ledger' },
      OWNER,
    );
    const parties = ledgers.ok ? ledgers.data.names.filter((n) => n.parent === 'Sundry Debtors') : [];
    expect(parties.length).toBeGreaterThan(0);
    for (const word of [books.demoName, ...parties.map((p) => p.name)]) {
      expect(listing).not.toContain(word);
      expect(MCP_INSTRUCTIONS).not.toContain(word);
    }
    await close();
  });
});

describe('the tool list fits a model', () => {
  it('is at most 12,000 tokens (names, descriptions, schemas; o200k tokenizer)', async () => {
    const { client, close } = await connect();
    const { tools } = await client.listTools();
    const tokens = encode(JSON.stringify(tools)).length;
    console.info(`MCP tool list: ${tools.length} tools, ${tokens} tokens`);
    expect(tokens).toBeGreaterThan(1000);
    expect(tokens).toBeLessThanOrEqual(12_000);
    await close();
  });
});
