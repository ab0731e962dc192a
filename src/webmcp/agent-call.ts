import { egressFor, withoutFileNames, type Egress } from '../agent/egress';
import { quoteToolResult } from '../agent/untrusted-content';
import { getFrame } from '../db';
import { KIND_NAMES, SHARED_KINDS, type ShareWithGroq } from '../shared/share-with-groq';
import { contentKindsOf, executeTool, outcomeForModel } from '../tools/registry';
import { withholdByKinds } from '../tools/content-kinds';
import { parseFrameId } from '../tools/frame-id';
import type { ToolContext, ToolOutcome } from '../tools/tool';
import { recordAgentCall } from './agents-took';
import { momentsIn } from './agent-moments';
import type { McpContent, McpResult } from './model-context';

/** What one agent call needs: the tools' context, the person's switches, the page's address. */
export interface AgentCallScope {
  context: ToolContext;
  share: ShareWithGroq;
  /** BRI's page (origin and path), the base of the moments' links. */
  page: string;
  /** Null when the call may run now, else why not (call-limits.ts). */
  admit: (tool: string) => string | null;
  /** Aborts when the agent cancels the call. */
  signal?: AbortSignal;
}

const CANCELLED = 'Cancelled: the agent stopped this call before it finished.';

function errorResult(text: string): McpResult {
  return { content: [{ type: 'text', text }], isError: true };
}

/** Resolves with `value`, or with `cancelled` the moment `signal` aborts. */
function orCancelled<T>(value: Promise<T>, signal: AbortSignal | undefined, cancelled: T) {
  if (!signal) return value;
  if (signal.aborted) return Promise.resolve(cancelled);
  return new Promise<T>((resolve, reject) => {
    const abort = () => resolve(cancelled);
    signal.addEventListener('abort', abort, { once: true });
    value.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

async function base64Of(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** `get_frame`'s stored frame as MCP image content (a blob: URL means nothing to an agent). */
async function frameImage(result: unknown, context: ToolContext): Promise<McpContent | null> {
  const frameId = (result as { frame_id?: unknown }).frame_id;
  if (typeof frameId !== 'string') return null;
  const { videoId, t } = parseFrameId(frameId);
  const frame = await getFrame(videoId, t, context.db);
  if (!frame) return null;
  return {
    type: 'image',
    data: await base64Of(frame.blob),
    mimeType: frame.blob.type || 'image/jpeg',
  };
}

/** A successful outcome as it leaves for the agent: the person's switches applied, moments linked. */
async function successResult(
  outcome: Extract<ToolOutcome, { ok: true }>,
  args: Record<string, unknown>,
  scope: AgentCallScope,
  egress: Egress,
): Promise<McpResult> {
  const kept = withholdByKinds(outcome.result, contentKindsOf(outcome.tool), egress.share);
  const image =
    outcome.tool === 'get_frame' ? await frameImage(outcome.result, scope.context) : null;
  const value = image ? withoutField(kept.value, 'thumbnail_url') : kept.value;
  const forModel = outcomeForModel({ ...outcome, result: value }) ?? JSON.stringify(value, null, 1);
  const withheld = SHARED_KINDS.filter((kind) => kept.withheld.has(kind)).map((k) => KIND_NAMES[k]);
  const note = withheld.length
    ? `\n(Kept on the person’s device by their settings: ${withheld.join(', ')}.)`
    : '';
  const moments = momentsIn(value, {
    tool: outcome.tool,
    videoId: typeof args.video_id === 'string' ? args.video_id : undefined,
    page: scope.page,
  });
  const links = moments.length
    ? `\nMoments to open in BRI:\n${moments.map((m) => `- ${m.label} (${m.start}–${m.end} s): ${m.link}`).join('\n')}`
    : '';
  const text = withoutFileNames(egress, quoteToolResult(`${forModel}${note}${links}`));
  const structured = JSON.parse(
    withoutFileNames(egress, JSON.stringify({ result: value, moments })),
  );
  return {
    content: [{ type: 'text', text }, ...(image ? [image] : [])],
    structuredContent: structured as Record<string, unknown>,
  };
}

const withoutField = (value: unknown, field: string): unknown =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).filter(([key]) => key !== field))
    : value;

/**
 * Answers one agent's call to one of BRI's tools (WebMCP). Never throws: a call over the cap, a
 * bad argument, an unknown video or a failure comes back as an error result in words the agent
 * can act on. What the person keeps on the device is withheld through the same door as Groq's
 * requests (src/agent/egress.ts), and every call is recorded for Diagnostics → What agents took.
 */
export async function answerAgentCall(
  name: string,
  input: unknown,
  scope: AgentCallScope,
): Promise<McpResult> {
  const args = input && typeof input === 'object' ? (input as Record<string, unknown>) : {};
  const result = await resultFor(name, args, scope);
  const bytes = new TextEncoder().encode(JSON.stringify(result)).length;
  recordAgentCall({ tool: name, args: JSON.stringify(args), bytes, failed: !!result.isError });
  return result;
}

async function resultFor(
  name: string,
  args: Record<string, unknown>,
  scope: AgentCallScope,
): Promise<McpResult> {
  const refused = scope.admit(name);
  if (refused) return errorResult(refused);
  if (scope.signal?.aborted) return errorResult(CANCELLED);
  const context = { ...scope.context, ...(scope.signal ? { signal: scope.signal } : {}) };
  const outcome = await orCancelled(executeTool(name, args, context), scope.signal, null);
  if (!outcome) return errorResult(CANCELLED);
  const egress = await egressFor(scope.share, scope.context.db);
  if (!outcome.ok) return errorResult(withoutFileNames(egress, outcome.error.message));
  return successResult(outcome, args, scope, egress);
}
