import { APP_TOOL_CONTEXT } from '../tools/app-context';
import { executeTool, listTools } from '../tools/registry';
import type { ToolListing, ToolOutcome } from '../tools/tool-types';

export type { ToolListing, ToolOutcome };

/** The agent's tools as an MCP server's `tools/list` describes them (JSON Schema arguments). */
export function listAgentTools(): { tools: ToolListing[] } {
  return listTools();
}

/**
 * Runs one of the agent's tools against this browser's library. Never throws: bad arguments, an
 * unknown video or a failure come back as `{ ok: false, error }`.
 */
export function runAgentTool(name: string, args?: unknown): Promise<ToolOutcome> {
  return executeTool(name, args, APP_TOOL_CONTEXT);
}
