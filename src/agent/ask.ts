import { addChatTurn, getVideo, LIBRARY_SCOPE, type ChatTurnRecord, type VideoRecord } from '../db';
import type { Settings } from '../settings/settings';
import { executeTool } from '../tools/registry';
import type { ToolContext } from '../tools/tool';
import type { ChatCompletionMessageParam, ToolCallRecord } from './chat-types';
import { checkCitations } from './citations';
import type { SpanLook } from '../shared/span-look';
import { confirmClaims } from './confirm-claims';
import { citeQuotes } from './quote-citations';
import { suggestFollowUps } from './follow-ups';
import { localMessages } from './local-answer';
import { answerWithTools } from './tools-only-answer';
import { answerWithGroq } from './groq-answer';
import { kindsReturned, namesAVideo } from './egress';
import { SHARED_KINDS, type SharedKind } from '../shared/share-with-groq';
import { errorMessage } from '../shared/error-message';
import { redact } from '../diagnostics/redact';
import { logEvent } from '../diagnostics/session-log';

export interface AskOptions {
  /** Each streamed piece of the answer, with the model call it belongs to. */
  onToken?: (text: string, step: number) => void;
  /** What BRI is doing before the answer starts, in plain words ("Looking at 4:25–4:35 first…"). */
  onStatus?: (status: string) => void;
  signal?: AbortSignal;
  /**
   * The language the person reads the transcript in (a translation shown in the transcript
   * tab): the answer is written in it.
   */
  answerLanguage?: string;
}

export interface AskDeps {
  context: ToolContext;
  settings: () => Settings;
  /** False when the browser knows it is offline: answer from the tools alone. */
  online: () => boolean;
  /** A local chat model's reply (Settings → local chat), streamed; absent where none can run. */
  localReply?: (
    messages: ChatCompletionMessageParam[],
    onToken: (text: string) => void,
    signal?: AbortSignal,
  ) => Promise<string>;
  /**
   * Analyses first the span a question points at ("what is on screen at 4:30?") where the stages
   * haven't got to it yet, so the tools answer from it; null when there is nothing to do.
   */
  lookFirst?: (
    video: VideoRecord,
    question: string,
    options: Pick<AskOptions, 'onStatus' | 'signal'>,
  ) => Promise<SpanLook | null>;
}

/** A stored turn, as `bri.ask` returns it. */
export type AskResult = Omit<ChatTurnRecord, 'id' | 'videoId'> & {
  /** Moments the answer wrote that no tool returned (shown as plain text, never as links). */
  invented: string[];
  /** The span analysed ahead of the stages for this question, if one was. */
  lookedFirst: SpanLook | null;
};

/**
 * The tools' cited facts retold by the local model. An empty reply or a model that can't run
 * leaves the facts as the answer (saying why), so the person always gets one.
 */
async function rewriteLocally(
  question: string,
  facts: string,
  deps: AskDeps,
  options: AskOptions,
): Promise<{ text: string; mode: ChatTurnRecord['mode'] }> {
  try {
    const reply = await deps.localReply?.(
      localMessages(question, facts),
      (token) => options.onToken?.(token, 1),
      options.signal,
    );
    if (reply?.trim()) return { text: reply.trim(), mode: 'local' };
    options.onToken?.(facts, 2);
    return { text: facts, mode: 'tools' };
  } catch (error) {
    const why = errorMessage(error);
    const text = `${facts}\n\n*The local model couldn't answer (${why}), so this comes from the tools alone.*`;
    options.onToken?.(text, 2);
    return { text, mode: 'tools' };
  }
}

/**
 * A moment the stages haven't reached is analysed first, so the tools find it. If that fails (a
 * model that won't load, say) the answer still comes, from what is indexed: the failure is
 * logged, not shown. Stop ends it like the rest of the answer.
 */
async function lookFirst(
  video: VideoRecord,
  question: string,
  deps: AskDeps,
  options: AskOptions,
): Promise<SpanLook | null> {
  try {
    return (await deps.lookFirst?.(video, question, options)) ?? null;
  } catch (error) {
    if (options.signal?.aborted) throw error;
    logEvent({
      level: 'warn',
      component: 'agent',
      videoId: video.id,
      message: `the span asked about could not be analysed first: ${errorMessage(error)}`,
    });
    return null;
  }
}

/**
 * Answers a question about a video (or, with `videoId` null, the whole library) and remembers
 * the turn. With a Groq key and a connection the model plans and calls the tools; otherwise the
 * query router and the tools answer alone. Citations are only moments the tools returned.
 * Rejects with an `AgentError` (plain words, retryable or not); a failed turn is not stored.
 */
export async function ask(
  videoId: string | null,
  question: string,
  deps: AskDeps,
  options: AskOptions = {},
): Promise<AskResult> {
  const video = videoId ? ((await getVideo(videoId, deps.context.db)) ?? null) : null;
  if (videoId && !video) throw new Error(`No video with id ${videoId}`);
  const scope = video?.id ?? LIBRARY_SCOPE;
  // A question about one video searches that video, whatever the model leaves out.
  const execute = (name: string, args: unknown, signal?: AbortSignal) =>
    executeTool(
      name,
      video && args && typeof args === 'object' && !('video_id' in args)
        ? { ...args, video_id: video.id }
        : args,
      signal ? { ...deps.context, signal } : deps.context,
    );
  const lookedFirst = video ? await lookFirst(video, question, deps, options) : null;
  const settings = deps.settings();
  let text: string;
  let toolCalls: ToolCallRecord[];
  let mode: ChatTurnRecord['mode'];
  // Each request body exactly as it left the device for this answer ("What was sent").
  const sent: { body: string; bytes: number }[] = [];
  let holds: Set<SharedKind>;
  if (settings.groqApiKey && deps.online()) {
    const reply = await answerWithGroq(video, question, execute, deps, options, sent);
    ({ text, toolCalls, holds } = reply);
    mode = 'groq';
  } else {
    ({ text, toolCalls } = await answerWithTools(question, video, execute));
    mode = 'tools';
    if (settings.localChat && deps.localReply) {
      ({ text, mode } = await rewriteLocally(question, text, deps, options));
    } else options.onToken?.(text, 1);
    holds = kindsReturned(toolCalls);
    if (await namesAVideo(text, deps.context.db)) holds.add('fileNames');
  }
  // A key in the answer (a steered model repeating one it saw) is never shown or stored.
  text = redact(text);
  // Words quoted from the transcript cite the first quoted word's time.
  const quoted = video
    ? await citeQuotes(text, video.id, deps.context.db)
    : { text, citations: [] };
  text = quoted.text;
  const fromQuotes = new Set(quoted.citations.map((c) => c.label));
  const checked = checkCitations(text, toolCalls);
  const confirmed = await confirmClaims(
    text,
    checked.citations.filter((c) => !fromQuotes.has(c.label)),
    deps.context.db,
  );
  const citations = [...confirmed, ...quoted.citations].sort((a, b) => a.t - b.t);
  const invented = checked.invented.filter((label) => !fromQuotes.has(label));
  const turn = {
    question,
    answer: text,
    citations,
    toolCalls: toolCalls.map((c) => ({ name: c.name, arguments: c.arguments, ok: c.outcome.ok })),
    suggestions: suggestFollowUps(question, toolCalls),
    mode,
    createdAt: Date.now(),
    ...(sent.length ? { sent } : {}),
    holds: SHARED_KINDS.filter((kind) => holds.has(kind)),
  };
  await addChatTurn({ ...turn, videoId: scope }, deps.context.db);
  return { ...turn, invented, lookedFirst };
}
