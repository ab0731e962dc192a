/**
 * WebMCP as Chromium offers it (`--enable-features=WebMCP`): `document.modelContext`, where a
 * page registers tools for the agents the person runs in this browser. Typed here by what BRI
 * uses; absent (undefined) in a browser without it.
 */

/** MCP content an agent reads: text, or an image (base64). */
export type McpContent =
  { type: 'text'; text: string } | { type: 'image'; data: string; mimeType: string };

/** A tool call's result, as MCP's `tools/call` returns it. */
export interface McpResult {
  content: McpContent[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

/** What the browser hands each call besides its input: `signal` aborts when the agent cancels. */
export interface ModelContextClient {
  signal?: AbortSignal;
}

export interface ModelContextTool {
  name: string;
  description: string;
  inputSchema: Record<string, unknown>;
  annotations?: { readOnlyHint?: boolean; untrustedContentHint?: boolean };
  execute: (input: unknown, client?: ModelContextClient) => Promise<McpResult>;
}

export interface ModelContext {
  /** Resolves once registered; the tool is unregistered when `signal` aborts. */
  registerTool(tool: ModelContextTool, options?: { signal?: AbortSignal }): Promise<void>;
}

/** This browser's model context, or null where it offers none (the feature is off or missing). */
export function modelContextOf(doc: Document = document): ModelContext | null {
  const context = (doc as Document & { modelContext?: unknown }).modelContext;
  return context && typeof (context as ModelContext).registerTool === 'function'
    ? (context as ModelContext)
    : null;
}
