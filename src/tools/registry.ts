import { logEvent } from '../diagnostics/session-log';
import { z } from 'zod';
import { findObject } from './defs/find-object';
import { getContextAt } from './defs/get-context-at';
import { getFrame } from './defs/get-frame';
import { getVideoOverview } from './defs/get-video-overview';
import { listLibraryVideos } from './defs/list-videos';
import { lookAgain } from './defs/look-again';
import { searchCaptions } from './defs/search-captions';
import { searchFrames } from './defs/search-frames';
import { searchLibrary } from './defs/search-library';
import { searchOnScreenText } from './defs/search-on-screen-text';
import { searchTranscript } from './defs/search-transcript';
import type { TimeSpan } from './moments';
import type { ContentKinds } from './content-kinds';
import { executeThroughCache } from './result-cache';
import { ToolError, type Tool, type ToolContext, type ToolListing, type ToolOutcome } from './tool';
import { errorMessage } from '../shared/error-message';

/** Every tool the agent can call, in the order they are listed. */
export const TOOLS: readonly Tool[] = [
  listLibraryVideos,
  getVideoOverview,
  searchLibrary,
  searchTranscript,
  searchCaptions,
  searchFrames,
  findObject,
  searchOnScreenText,
  getContextAt,
  getFrame,
  lookAgain,
] as Tool[];

const toolNamed = (name: string) => TOOLS.find((t) => t.name === name);

/** A successful outcome as a short cited sentence for an answer without a language model. */
export function describeOutcome(outcome: ToolOutcome, within: TimeSpan | null): string {
  return outcome.ok ? (toolNamed(outcome.tool)?.describe?.(outcome.result, within) ?? '') : '';
}

/** A successful outcome as the language model reads it best, or null: send it as JSON. */
export function outcomeForModel(outcome: ToolOutcome): string | null {
  return outcome.ok ? (toolNamed(outcome.tool)?.forModel?.(outcome.result) ?? null) : null;
}

/** Whether a tool's result carries the video's own content: its words (by kind) or a frame. */
export function carriesVideoContent(name: string): boolean {
  const tool = toolNamed(name);
  return !!tool && (tool.contentKinds !== undefined || tool.showsVideo === true);
}

/** Where a tool's result holds the video's own words, by kind (undefined: it holds none). */
export function contentKindsOf(name: string): ContentKinds<unknown> | undefined {
  return toolNamed(name)?.contentKinds as ContentKinds<unknown> | undefined;
}

/** The tools in the shape of an MCP server's `tools/list` result. */
export function listTools(): { tools: ToolListing[] } {
  return {
    tools: TOOLS.map((tool) => ({
      name: tool.name,
      description: tool.description,
      inputSchema: z.toJSONSchema(tool.parameters, { io: 'input' }) as Record<string, unknown>,
    })),
  };
}

function failure(tool: string, error: unknown): ToolOutcome {
  if (error instanceof ToolError)
    return { ok: false, tool, error: { code: error.code, message: error.message } };
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { ok: false, tool, error: { code: 'failed', message } };
}

/**
 * Runs a tool by name with arguments as a model would send them (parsed JSON). Never throws:
 * an unknown tool, bad arguments or a failure come back as `{ ok: false, error }` in words the
 * model can act on.
 */
export async function executeTool(
  name: string,
  args: unknown,
  context: ToolContext,
): Promise<ToolOutcome> {
  const tool = toolNamed(name);
  if (!tool)
    return failure(
      name,
      new ToolError(
        'unknown_tool',
        `No tool named "${name}". Tools: ${TOOLS.map((t) => t.name).join(', ')}.`,
      ),
    );
  const parsed = tool.parameters.safeParse(args ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
    const message = `Invalid arguments for ${name}: ${issues.map((i) => `${i.path || '(arguments)'}: ${i.message}`).join('; ')}`;
    return { ok: false, tool: name, error: { code: 'invalid_arguments', message, issues } };
  }
  const valid = parsed.data as Record<string, unknown>;
  const started = performance.now();
  try {
    const { result, cached } = await executeThroughCache(tool, valid, context);
    logToolCall(tool, valid, started, cached, null);
    return { ok: true, tool: name, result, ...(cached ? { cached } : {}) };
  } catch (error) {
    logToolCall(tool, valid, started, false, errorMessage(error));
    return failure(name, error);
  }
}

/** One tool call in the session's log: how long it took, and whether the result cache answered. */
function logToolCall(
  tool: Tool,
  args: Record<string, unknown>,
  started: number,
  cached: boolean,
  failedWith: string | null,
): void {
  logEvent({
    level: failedWith === null ? 'debug' : 'warn',
    component: 'tools',
    message:
      failedWith === null
        ? `${tool.name}${cached ? ' (cached)' : ''}`
        : `${tool.name} failed: ${failedWith}`,
    ...(typeof args.video_id === 'string' ? { videoId: args.video_id } : {}),
    durationMs: performance.now() - started,
    data: { tool: tool.name, ok: failedWith === null, cached, cacheable: !!tool.cached },
  });
}
