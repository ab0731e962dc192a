import type { Page } from '@playwright/test';
import { CHROMIUM_ARGS } from './chromium';
import type { AgentMoment } from '../../../src/webmcp/agent-moments';
import type { McpResult } from '../../../src/webmcp/model-context';

/** Chromium with WebMCP on (../shared/TOOLCHAIN.md): pages may offer tools to agents. */
export const WEBMCP_ARGS = [...CHROMIUM_ARGS, '--enable-features=WebMCP'];

/** A tool call's result as an agent gets it from BRI: MCP content plus the linked moments. */
export type AgentResult = McpResult & {
  structuredContent?: { result?: Record<string, unknown>; moments?: AgentMoment[] };
};

/**
 * An AI agent in the browser, as Playwright drives one through WebMCP (`page.webmcp`): it lists
 * the page's tools and calls them, and decodes what they return.
 */
export function browserAgent(page: Page) {
  return {
    tools: () => page.webmcp.tools(),
    call: async (name: string, input: Record<string, unknown>): Promise<AgentResult> =>
      (await page.webmcp.callTool(name, input)) as AgentResult,
    /** All of a result's text content, joined. */
    text: (result: AgentResult) =>
      result.content.flatMap((c) => (c.type === 'text' ? [c.text] : [])).join('\n'),
    /** The size an image content item decodes to (in the page, as an agent's UI would). */
    imageSize: (image: { data: string; mimeType: string }) =>
      page.evaluate(async ({ data, mimeType }) => {
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: mimeType }));
        return { width: bitmap.width, height: bitmap.height };
      }, image),
    /** Calls a tool as an in-page agent would and cancels the call after `afterMs`. */
    cancelledCall: (name: string, input: Record<string, unknown>, afterMs: number) =>
      page.evaluate(
        async ({ name, input, afterMs }) => {
          type Context = {
            getTools(): Promise<{ name: string }[]>;
            executeTool(
              tool: unknown,
              input: unknown,
              options: { signal: AbortSignal },
            ): Promise<unknown>;
          };
          const context = (document as unknown as { modelContext: Context }).modelContext;
          const tool = (await context.getTools()).find((t) => t.name === name);
          const abort = new AbortController();
          setTimeout(() => abort.abort(), afterMs);
          try {
            return { result: await context.executeTool(tool, input, { signal: abort.signal }) };
          } catch (error) {
            return { error: String(error) };
          }
        },
        { name, input, afterMs },
      ),
  };
}
