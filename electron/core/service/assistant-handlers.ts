import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import type { AssistantsInfo } from '../../../shared/types/assistants';
import { writeFileAtomic } from '../config/env-file';
import type { Store } from '../db/store';
import { readAssistantSettings, writeAssistantSettings } from '../mcp/assistant-settings';
import { addToClaudeConfig, configSnippet, type ConfigFiles, type ServerLaunch } from '../mcp/claude-config';
import type { PartialHandlerMap } from './types';

export type AssistantOperation = 'assistants.get' | 'assistants.update' | 'assistants.addToClaude';

/** The real files: read whole, written through a temporary file and a rename. */
export const nodeConfigFiles: ConfigFiles = {
  read: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : null),
  write: (path, text) => writeFileAtomic(path, text),
  copy: (from, to) => copyFileSync(from, to),
};

/**
 * Settings › Assistants (desktop only: the portal guard refuses these to portal users, as every
 * operation it does not list): the switch, the companies assistants may read, Claude Desktop's file.
 */
export function assistantHandlers(deps: {
  dataDir: string;
  store: Store;
  launch: ServerLaunch;
  claudeConfigPath: string;
  files?: ConfigFiles;
  now: () => Date;
}): PartialHandlerMap<AssistantOperation> {
  const files = deps.files ?? nodeConfigFiles;
  const info = (): AssistantsInfo => {
    const settings = readAssistantSettings(deps.dataDir);
    return {
      enabled: settings.enabled,
      companies: settings.companies,
      launch: deps.launch,
      snippet: configSnippet(deps.launch),
      claudeConfigPath: deps.claudeConfigPath,
    };
  };
  return {
    'assistants.get': async () => info(),
    'assistants.update': async (input) => {
      const current = readAssistantSettings(deps.dataDir);
      // Only companies in the store may be chosen (a typo never opens a company that arrives later).
      for (const guid of input.companies ?? []) deps.store.requireCompany(guid);
      writeAssistantSettings(deps.dataDir, {
        enabled: input.enabled ?? current.enabled,
        companies: input.companies ?? current.companies,
      });
      return info();
    },
    'assistants.addToClaude': async () =>
      addToClaudeConfig(deps.claudeConfigPath, deps.launch, files, deps.now()),
  };
}
