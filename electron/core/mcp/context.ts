import type { InputOf, OutputOf } from '../../../shared/contract';
import { todayInIndia, type IsoDate } from '../../../shared/dates';
import type { Envelope } from '../../../shared/errors';
import type { MasterKind, MasterName } from '../../../shared/types/masters';
import type { CompanySummary } from '../../../shared/types/reports';
import type { CallContext } from '../../../shared/types/handlers';
import { ToolInputError } from './errors';
import { resolveName, type Resolved } from './fuzzy';
import { isMcpReadOperation, type McpReadOperation } from './read-operations';

export type DispatchFn = (
  operation: string,
  rawInput: unknown,
  context: CallContext,
) => Promise<Envelope<unknown>>;

export interface McpOptions {
  /** The core's dispatcher: every figure comes through the contract, as the screens get it. */
  dispatch: DispatchFn;
  /** Who asks: the desktop owner (stdio, user null) or a signed-in portal user (HTTP). */
  call: CallContext;
  /**
   * GUIDs of the companies assistants may read; null for every company the caller may see (a portal
   * user's own). The desktop passes its Assistants setting, empty (none) by default.
   */
  allowedCompanies: readonly string[] | null;
  now?: () => Date;
  /** Longest answer in characters before a list is cut (default 25,000). */
  maxChars?: number;
}

/** A refusal from the core that is about the caller's input, answered to the assistant as such. */
export class CoreRefusal extends Error {
  override readonly name = 'CoreRefusal';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const USER_ERRORS = new Set(['VALIDATION', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHORIZED', 'RATE_LIMITED']);

/** What every tool gets: read-only contract calls, company and name resolution, the clock. */
export class ToolContext {
  private readonly names = new Map<string, MasterName[]>();

  constructor(readonly options: McpOptions) {}

  get maxChars(): number {
    return this.options.maxChars ?? 25_000;
  }

  today(): IsoDate {
    return todayInIndia((this.options.now ?? (() => new Date()))());
  }

  /** Calls one read operation of the contract; anything else is refused before it reaches the core. */
  async read<N extends McpReadOperation>(operation: N, input: InputOf<N>): Promise<OutputOf<N>> {
    if (!isMcpReadOperation(operation)) {
      throw new Error(`The assistants' server only reads; "${String(operation)}" is not a read operation`);
    }
    const envelope = await this.options.dispatch(operation, input, this.options.call);
    if (envelope.ok) return envelope.data as OutputOf<N>;
    const { code, message } = envelope.error;
    if (USER_ERRORS.has(code)) throw new CoreRefusal(code, message);
    throw new Error(message);
  }

  /** The companies this assistant may read (the caller's, within the Assistants setting). */
  async companies(): Promise<CompanySummary[]> {
    const served = await this.read('companies.list', {});
    const allowed = this.options.allowedCompanies;
    if (allowed === null) return served.data;
    const set = new Set(allowed);
    return served.data.filter((c) => set.has(c.guid));
  }

  /** One company by name or GUID; the only readable company when none is named. */
  async company(nameOrGuid: string | undefined): Promise<CompanySummary> {
    const list = await this.companies();
    if (list.length === 0) {
      throw new ToolInputError(
        this.options.allowedCompanies !== null && this.options.allowedCompanies.length === 0
          ? 'No company is open to assistants. In TallyConnect, Settings › Assistants, choose the companies assistants may read (or start the server with --company).'
          : 'No company is available to read.',
      );
    }
    if (nameOrGuid === undefined || nameOrGuid.trim() === '') {
      if (list.length === 1) return list[0]!;
      throw new ToolInputError(
        'Several companies are available: name one (see didYouMean, or call list_companies).',
        list.map((c) => c.name),
      );
    }
    return resolveName(nameOrGuid, list, 'company').match;
  }

  /** Every master of a kind, memoised per company data version (it changes on every sync). */
  async masters(company: CompanySummary, kind: MasterKind): Promise<MasterName[]> {
    const key = `${company.guid}\u0000${company.dataVersion}\u0000${kind}`;
    const known = this.names.get(key);
    if (known) return known;
    const { names } = await this.read('masters.names', { companyGuid: company.guid, kind });
    if (this.names.size > 64) this.names.clear();
    this.names.set(key, names);
    return names;
  }

  async resolve(company: CompanySummary, kind: MasterKind, query: string): Promise<Resolved<MasterName>> {
    return resolveName(query, await this.masters(company, kind), KIND_WORDS[kind]);
  }
}

const KIND_WORDS: Record<MasterKind, string> = {
  ledger: 'ledger',
  group: 'group',
  stockItem: 'stock item',
  stockGroup: 'stock group',
  voucherType: 'voucher type',
};
