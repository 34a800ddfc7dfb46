import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../config/env-file';

/** Whether assistants may read the books over MCP, and which companies (GUIDs): none by default. */
export interface AssistantSettings {
  enabled: boolean;
  companies: string[];
}

export const ASSISTANTS_FILE = 'assistants.json';
export const DEFAULT_ASSISTANT_SETTINGS: AssistantSettings = { enabled: false, companies: [] };

const fileSchema = z.object({
  enabled: z.boolean(),
  companies: z.array(z.string().min(1).max(200)).max(1000),
});

/**
 * The Assistants setting from `${dataDir}/assistants.json`. A missing or unreadable file is the default
 * (off, no company): a damaged file never opens the books to an assistant.
 */
export function readAssistantSettings(dataDir: string): AssistantSettings & { problem?: string } {
  const path = join(dataDir, ASSISTANTS_FILE);
  if (!existsSync(path)) return { ...DEFAULT_ASSISTANT_SETTINGS };
  try {
    const parsed = fileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (parsed.success)
      return { enabled: parsed.data.enabled, companies: [...new Set(parsed.data.companies)] };
    return { ...DEFAULT_ASSISTANT_SETTINGS, problem: `${path} is not a valid Assistants setting` };
  } catch (error) {
    return {
      ...DEFAULT_ASSISTANT_SETTINGS,
      problem: `${path} could not be read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

export function writeAssistantSettings(dataDir: string, settings: AssistantSettings): AssistantSettings {
  const clean = { enabled: settings.enabled, companies: [...new Set(settings.companies)] };
  writeFileAtomic(join(dataDir, ASSISTANTS_FILE), `${JSON.stringify(clean, null, 2)}\n`);
  return clean;
}
