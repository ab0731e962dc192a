/** BRI's tools offered to the AI agents in this browser (WebMCP), and what they took. */
export { readAgentCalls, subscribeAgentCalls, type AgentCallEntry } from '../webmcp/agents-took';
import { modelContextOf } from '../webmcp/model-context';

/** Whether this browser lets pages offer tools to its agents (WebMCP). */
export const browserHasAgents = (): boolean => modelContextOf() !== null;
