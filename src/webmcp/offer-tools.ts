import { logEvent } from '../diagnostics/session-log';
import { onSettingsChange, readSettings } from '../settings/settings';
import { APP_TOOL_CONTEXT } from '../tools/app-context';
import { carriesVideoContent, listTools } from '../tools/registry';
import type { ToolContext } from '../tools/tool';
import { answerAgentCall } from './agent-call';
import { callLimiter } from './call-limits';
import {
  modelContextOf,
  type McpResult,
  type ModelContext,
  type ModelContextTool,
} from './model-context';

/**
 * The WebMCP tools for the registry's tools: names, descriptions and JSON Schema arguments exactly
 * as `tools/list` gives them (one source: the chat's tools and the agents' can't drift). Every
 * tool only reads; one whose result carries the video's own words or a frame of it says its
 * content is untrusted.
 */
export function agentToolsFor(
  run: (name: string, input: unknown, signal?: AbortSignal) => Promise<McpResult>,
): ModelContextTool[] {
  return listTools().tools.map((listing) => ({
    ...listing,
    annotations: {
      readOnlyHint: true,
      untrustedContentHint: carriesVideoContent(listing.name),
    },
    execute: (input, client) => run(listing.name, input, client?.signal),
  }));
}

/** BRI's page without its fragment: where a moment's link opens. */
const pageAddress = () => `${location.origin}${location.pathname}`;

/**
 * Offers BRI's tools to the agents in this browser while Settings → "Let AI agents in this browser
 * use BRI's tools" is on, and takes every one back the moment it is off — in this tab and, through
 * the settings' storage event, in every other. A browser without WebMCP gets nothing, and nothing
 * is logged about it. Returns the stop (tests).
 */
export function offerToolsToAgents(
  context: ToolContext = APP_TOOL_CONTEXT,
  modelContext: ModelContext | null = modelContextOf(),
): () => void {
  if (!modelContext) return () => {};
  const limiter = callLimiter();
  let offered: AbortController | null = null;
  const run = (name: string, input: unknown, signal?: AbortSignal) =>
    answerAgentCall(name, input, {
      context,
      share: readSettings().shareWithGroq,
      page: pageAddress(),
      admit: limiter.admit,
      ...(signal ? { signal } : {}),
    });
  const follow = () => {
    const on = readSettings().agentTools;
    if (on && !offered) {
      const registration = new AbortController();
      offered = registration;
      const tools = agentToolsFor(run);
      for (const tool of tools)
        modelContext.registerTool(tool, { signal: registration.signal }).catch((error: unknown) =>
          logEvent({
            level: 'warn',
            component: 'agents',
            message: `Could not offer ${tool.name} to agents: ${String(error)}`,
          }),
        );
      logEvent({
        level: 'info',
        component: 'agents',
        message: `Offered ${tools.length} tools to the AI agents in this browser (WebMCP)`,
      });
    } else if (!on && offered) {
      offered.abort();
      offered = null;
      logEvent({ level: 'info', component: 'agents', message: 'Took the tools back from agents' });
    }
  };
  follow();
  const stopFollowing = onSettingsChange(follow);
  return () => {
    stopFollowing();
    offered?.abort();
    offered = null;
  };
}
