/** Settings › Assistants: whether AI assistants may read the books (MCP), and how to connect one. */
export interface AssistantsInfo {
  enabled: boolean;
  /** GUIDs of the companies assistants may read; none by default. */
  companies: string[];
  /** How an MCP client starts the server on this PC. */
  launch: { command: string; args: string[] };
  /** The configuration to paste into Claude Desktop or another MCP client. */
  snippet: string;
  /** Claude Desktop's configuration file on this PC. */
  claudeConfigPath: string;
}

export interface ClaudeConfigResult {
  path: string;
  /** The copy of the previous file; null when there was none. */
  backup: string | null;
  /** True when an earlier TallyConnect entry was replaced. */
  replaced: boolean;
}
