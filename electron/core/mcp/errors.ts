/**
 * A tool's refusal that the assistant should read and act on (an unknown company, an ambiguous ledger,
 * a bad date): answered as a tool error with this message, never as a protocol failure.
 */
export class ToolInputError extends Error {
  override readonly name = 'ToolInputError';
  constructor(
    message: string,
    /** Names the assistant may retry with ("did you mean"). */
    readonly suggestions: readonly string[] = [],
  ) {
    super(message);
  }
}
