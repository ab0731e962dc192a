/** Asking BRI: answers, the conversations kept, citations, and what was sent to Groq. */
export { askBri, wipeMemory } from '../agent/app-ask';
export { AgentError } from '../agent/agent-errors';
export { citedMoment, type Citation } from '../agent/citations';
export { readSent, subscribeSent, type SentPurpose } from '../agent/sent-ledger';
export {
  LIBRARY_SCOPE,
  listChatTurns,
  listConversations,
  type ChatTurnRecord,
  type ConversationSummary,
} from '../db';
export { formatTimestamp, TIMESTAMP } from '../tools/moments';
