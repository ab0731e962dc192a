/** Tool-call shapes shared by the tool registry and `window.bri` (types only). */

/** Why a tool call did not produce a result. */
export type ToolErrorCode =
  | 'unknown_tool'
  | 'invalid_arguments'
  | 'not_found'
  | 'not_ready'
  | 'unavailable'
  | 'failed'
  /** Not run: the agent's cap on tool calls per step or per answer was reached. */
  | 'call_limit';

/** A tool call's outcome: never thrown, so one bad call can't break the agent's loop. */
export type ToolOutcome =
  | {
      ok: true;
      tool: string;
      result: unknown;
      /** Answered from the tool-result cache. */ cached?: boolean;
    }
  | {
      ok: false;
      tool: string;
      error: { code: ToolErrorCode; message: string; issues?: { path: string; message: string }[] };
    };

/** A tool as MCP's `tools/list` describes it: its arguments as JSON Schema. */
export interface ToolListing {
  name: string;
  description: string;
  inputSchema: Record<string, unknown>;
}
