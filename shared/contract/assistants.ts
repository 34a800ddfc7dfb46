import { z } from 'zod';
import { operation } from './define';
import { empty } from './schemas';
import type { AssistantsInfo, ClaudeConfigResult } from '../types/assistants';

export const assistantOperations = {
  'assistants.get': operation<AssistantsInfo>()({
    input: empty,
    description:
      'Whether AI assistants may read the books over MCP, which companies, and the configuration for Claude Desktop and other MCP clients. Desktop only.',
    errors: ['FORBIDDEN'],
  }),
  'assistants.update': operation<AssistantsInfo>()({
    input: z
      .object({
        enabled: z.boolean().optional(),
        companies: z.array(z.string().trim().min(1).max(200)).max(1000).optional(),
      })
      .strict(),
    description: 'Switches assistants on or off and chooses the companies they may read. Desktop only.',
    errors: ['FORBIDDEN', 'NOT_FOUND', 'CONFIG'],
  }),
  'assistants.addToClaude': operation<ClaudeConfigResult>()({
    input: empty,
    description:
      "Adds TallyConnect to Claude Desktop's configuration file, keeping its other servers; the previous file is copied first. Desktop only.",
    errors: ['FORBIDDEN', 'CONFIG'],
  }),
};
