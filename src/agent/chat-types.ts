import type {
  ChatCompletionMessageParam,
  ChatCompletionTool,
} from 'groq-sdk/resources/chat/completions';
import type { ToolOutcome } from '../tools/tool-types';

export type { ChatCompletionMessageParam, ChatCompletionTool };

/** A tool call the model made in a turn, with what the tool answered. */
export interface ToolCallRecord {
  id: string;
  name: string;
  /** The arguments as the model sent them (a JSON string, possibly malformed). */
  arguments: string;
  outcome: ToolOutcome;
}
