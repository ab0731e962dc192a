import Groq from 'groq-sdk';
import { outcomeForModel } from '../tools/registry';
import type { ToolOutcome } from '../tools/tool-types';
import { AgentError, StreamInterruptedError, describeAgentError } from './agent-errors';
import type { ChatCompletionMessageParam, ToolCallRecord } from './chat-types';
import { toolsForModel, trimForModel } from './tool-schemas';
import { errorMessage } from '../shared/error-message';

export interface TurnOptions {
  client: Groq;
  model: string;
  /** The system prompt, the history sent as context and the question, in order. */
  messages: ChatCompletionMessageParam[];
  execute: (name: string, args: unknown) => Promise<ToolOutcome>;
  /** Each streamed piece of text, with the step (model call) it belongs to. */
  onToken?: (text: string, step: number) => void;
  signal?: AbortSignal;
  /** Model calls per turn; the last one may not call tools, so the turn always ends in an answer. */
  maxSteps?: number;
  /** Tokens one tool result may take in the context. */
  toolBudget?: number;
}

export interface TurnResult {
  text: string;
  toolCalls: ToolCallRecord[];
  steps: number;
}

interface StepResult {
  text: string;
  calls: { id: string; name: string; arguments: string }[];
}

/** One streamed model call: text as it comes, tool calls assembled from their deltas. */
async function streamStep(
  options: TurnOptions,
  step: number,
  lastStep: boolean,
): Promise<StepResult> {
  const stream = await options.client.chat.completions.create(
    {
      model: options.model,
      messages: options.messages,
      tools: toolsForModel(),
      tool_choice: lastStep ? 'none' : 'auto',
      stream: true,
    },
    { signal: options.signal },
  );
  let text = '';
  const calls: StepResult['calls'] = [];
  try {
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta;
      if (delta?.content) {
        text += delta.content;
        options.onToken?.(delta.content, step);
      }
      for (const part of delta?.tool_calls ?? []) {
        const call = (calls[part.index] ??= { id: '', name: '', arguments: '' });
        if (part.id) call.id = part.id;
        if (part.function?.name) call.name = part.function.name;
        call.arguments += part.function?.arguments ?? '';
      }
    }
  } catch (error) {
    // Stopped by the person, or an error event Groq sent inside the stream: said as it is.
    if (options.signal?.aborted || error instanceof Groq.APIError) throw error;
    throw new StreamInterruptedError(errorMessage(error));
  }
  return { text, calls: calls.filter(Boolean) };
}

/**
 * A step; groq-sdk has already retried a refused request (see groq-client.ts), so what fails
 * here is for the person, in plain words.
 */
async function stepOrExplain(options: TurnOptions, step: number, lastStep: boolean) {
  try {
    return await streamStep(options, step, lastStep);
  } catch (error) {
    throw new AgentError(describeAgentError(error));
  }
}

/** Runs the tool a model asked for; arguments that aren't JSON come back as a tool error. */
async function runCall(options: TurnOptions, call: StepResult['calls'][number]) {
  let args: unknown;
  try {
    args = call.arguments.trim() ? JSON.parse(call.arguments) : {};
  } catch {
    const message = `The arguments were not valid JSON: ${call.arguments.slice(0, 200)}`;
    return { ok: false, tool: call.name, error: { code: 'invalid_arguments', message } } as const;
  }
  return options.execute(call.name, args);
}

/**
 * One chat turn: the model answers, calling tools as it needs (OpenAI-style `tool_calls`), each
 * result trimmed to a budget and sent back, until it answers in words or the step limit makes it.
 * Streams the text; a failure ends as an `AgentError` whose message is for the person.
 */
export async function runTurn(turn: TurnOptions): Promise<TurnResult> {
  // The turn's own copy: the caller's history is not changed by the tool exchanges.
  const options = { ...turn, messages: [...turn.messages] };
  const maxSteps = options.maxSteps ?? 5;
  const toolCalls: ToolCallRecord[] = [];
  for (let step = 1; ; step++) {
    const { text, calls } = await stepOrExplain(options, step, step >= maxSteps);
    if (calls.length === 0) return { text, toolCalls, steps: step };
    options.messages.push({
      role: 'assistant',
      content: text || null,
      tool_calls: calls.map((c) => ({
        id: c.id,
        type: 'function',
        function: { name: c.name, arguments: c.arguments },
      })),
    });
    for (const call of calls) {
      const outcome = await runCall(options, call);
      toolCalls.push({ ...call, outcome });
      options.messages.push({
        role: 'tool',
        tool_call_id: call.id,
        content: outcomeForModel(outcome) ?? trimForModel(outcome, options.toolBudget ?? 1500),
      });
    }
  }
}
