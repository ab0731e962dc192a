import Groq from 'groq-sdk';
import { outcomeForModel } from '../tools/registry';
import type { ToolOutcome } from '../tools/tool-types';
import { AgentError, StreamInterruptedError, describeAgentError } from './agent-errors';
import type { ChatCompletionMessageParam, ToolCallRecord } from './chat-types';
import { toolsForModel, trimForModel } from './tool-schemas';
import { errorMessage } from '../shared/error-message';
import type { SharedKind } from '../shared/share-with-groq';
import { SHARE_EVERYTHING } from '../shared/share-with-groq';
import { toolOutcomeForGroq, type Egress } from './egress';
import { MAX_TOOL_CALLS_PER_ANSWER, MAX_TOOL_CALLS_PER_STEP } from './untrusted-content';

export interface TurnOptions {
  client: Groq;
  model: string;
  /** The system prompt, the history sent as context and the question, in order. */
  messages: ChatCompletionMessageParam[];
  /** Runs a tool; `signal` aborts with the turn (look_again stops its models). */
  execute: (name: string, args: unknown, signal?: AbortSignal) => Promise<ToolOutcome>;
  /** Each streamed piece of text, with the step (model call) it belongs to. */
  onToken?: (text: string, step: number) => void;
  signal?: AbortSignal;
  /** Model calls per turn; the last one may not call tools, so the turn always ends in an answer. */
  maxSteps?: number;
  /** Tokens one tool result may take in the context. */
  toolBudget?: number;
  /** What of the video's content may be sent (egress.ts); everything when absent. */
  egress?: Egress;
}

export interface TurnResult {
  text: string;
  toolCalls: ToolCallRecord[];
  steps: number;
  /** Kinds of content taken out of the tool results sent (Settings → Chat → Send to Groq). */
  withheld: Set<SharedKind>;
  /** Kinds of the video's content the tool results sent held (so the answer may quote them). */
  holds: Set<SharedKind>;
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

/** Rejects with the signal's reason as soon as it aborts, whatever `work` is doing. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Runs the tool a model asked for; arguments that aren't JSON come back as a tool error. Stop
 * ends the wait at once (the tool itself stops at its next check).
 */
async function runCall(options: TurnOptions, call: StepResult['calls'][number]) {
  let args: unknown;
  try {
    args = call.arguments.trim() ? JSON.parse(call.arguments) : {};
  } catch {
    const message = `The arguments were not valid JSON: ${call.arguments.slice(0, 200)}`;
    return { ok: false, tool: call.name, error: { code: 'invalid_arguments', message } } as const;
  }
  return untilAborted(options.execute(call.name, args, options.signal), options.signal);
}

/** The answer when the last step still asked for tools and wrote nothing. */
export const OUT_OF_STEPS =
  'I looked as far as I can for one answer without finding enough to say. Try asking about one moment or one thing at a time.';

/** The answer to a call past the caps: not run, and why. */
function notRun(name: string, perStep: boolean): ToolOutcome {
  const message = perStep
    ? `Not run: at most ${MAX_TOOL_CALLS_PER_STEP} tool calls per step. Use the results you have, or ask for fewer.`
    : `Not run: at most ${MAX_TOOL_CALLS_PER_ANSWER} tool calls per answer. Answer from the results you have.`;
  return { ok: false, tool: name, error: { code: 'call_limit', message } };
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
  const withheld = new Set<SharedKind>();
  const holds = new Set<SharedKind>();
  const egress = options.egress ?? { share: SHARE_EVERYTHING, fileNames: [] };
  const format = (outcome: ToolOutcome) =>
    outcomeForModel(outcome) ?? trimForModel(outcome, options.toolBudget ?? 1500);
  let run = 0;
  for (let step = 1; ; step++) {
    const lastStep = step >= maxSteps || run >= MAX_TOOL_CALLS_PER_ANSWER;
    const { text, calls } = await stepOrExplain(options, step, lastStep);
    if (calls.length === 0) return { text, toolCalls, steps: step, withheld, holds };
    // A compatible server that ignores `tool_choice: 'none'` would loop here for ever: the last
    // step's calls are not run, and the turn ends with what the model wrote.
    if (lastStep) return { text: text || OUT_OF_STEPS, toolCalls, steps: step, withheld, holds };
    options.messages.push({
      role: 'assistant',
      content: text || null,
      tool_calls: calls.map((c) => ({
        id: c.id,
        type: 'function',
        function: { name: c.name, arguments: c.arguments },
      })),
    });
    for (const [index, call] of calls.entries()) {
      const overStep = index >= MAX_TOOL_CALLS_PER_STEP;
      const outcome =
        overStep || run >= MAX_TOOL_CALLS_PER_ANSWER
          ? notRun(call.name, overStep)
          : (run++, await runCall(options, call));
      toolCalls.push({ ...call, outcome });
      const sent = toolOutcomeForGroq(egress, outcome, format);
      sent.withheld.forEach((kind) => withheld.add(kind));
      sent.holds.forEach((kind) => holds.add(kind));
      options.messages.push({ role: 'tool', tool_call_id: call.id, content: sent.content });
    }
  }
}
