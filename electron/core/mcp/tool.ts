import { z } from 'zod';
import type { ToolAnswer } from './answer';
import type { ToolContext } from './context';
import type { McpReadOperation } from './read-operations';

/** One tool an assistant sees: a read operation of the contract, shaped for a model. */
export interface ToolDefinition<S extends z.ZodObject = z.ZodObject> {
  name: string;
  title: string;
  description: string;
  input: S;
  /** The read operation of the contract that answers it (the fuzzy name look-ups aside). */
  operation: McpReadOperation;
  run(args: z.output<S>, context: ToolContext): Promise<ToolAnswer>;
}

/** Keeps each tool's argument types while collecting them in one list. */
export function defineTool<S extends z.ZodObject>(tool: ToolDefinition<S>): ToolDefinition {
  return tool as unknown as ToolDefinition;
}

/** Arguments most tools share, described once for a model. */
export const arg = {
  company: z.string().max(200).optional().describe('Company name or GUID; may be left out when only one'),
  fy: z.string().max(20).optional().describe('Financial year, e.g. 2025-26'),
  from: z.string().max(20).optional().describe('DD-MM-YYYY or YYYY-MM-DD'),
  to: z.string().max(20).optional().describe('DD-MM-YYYY or YYYY-MM-DD'),
  asOn: z.string().max(20).optional().describe('Date, DD-MM-YYYY or YYYY-MM-DD; default the latest'),
  offset: z.number().int().min(0).max(10_000_000).optional().describe('Skip this many list items'),
};

/** The period arguments (a year or a date range; default the latest year with vouchers). */
export const periodArgs = { fy: arg.fy, from: arg.from, to: arg.to };

/**
 * The most list items a tool formats for one answer: more never fit in its default size (25,000 characters),
 * and formatting only these keeps a long register cheap. The answer still says how many there are.
 */
export const LIST_CAP = 400;
