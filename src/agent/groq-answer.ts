import { listChatTurns, listStages, LIBRARY_SCOPE, type VideoRecord } from '../db';
import { STAGE_NAMES } from '../shared/stages';
import type { SharedKind } from '../shared/share-with-groq';
import type { ToolOutcome } from '../tools/tool-types';
import type { AskDeps, AskOptions } from './ask';
import type { ToolCallRecord } from './chat-types';
import { egressFor, groqThroughDoor, memoryForGroq } from './egress';
import { systemPrompt } from './persona';
import { runTurn } from './tool-loop';
import { withheldNote } from './withhold';

/** Stages of the video not done or skipped yet, for the prompt. */
async function stillProcessing(video: VideoRecord | null, deps: AskDeps): Promise<string[]> {
  if (!video) return [];
  const rows = await listStages(video.id, deps.context.db);
  const settled = (stage: string) =>
    rows.some((r) => r.stage === stage && (r.state === 'done' || r.state === 'skipped'));
  return STAGE_NAMES.filter((stage) => !settled(stage));
}

/**
 * The answer Groq writes, planning and calling the tools, with everything it is sent passed
 * through the egress door (egress.ts): the conversation's memory, the tool results and the
 * prompt, less what the person keeps on the device. Each request body is pushed to `sent` as it
 * left. `holds` is what the answer may quote: what was shared for it.
 */
export async function answerWithGroq(
  video: VideoRecord | null,
  question: string,
  execute: (name: string, args: unknown, signal?: AbortSignal) => Promise<ToolOutcome>,
  deps: AskDeps,
  options: AskOptions,
  sent: { body: string; bytes: number }[],
): Promise<{ text: string; toolCalls: ToolCallRecord[]; holds: Set<SharedKind> }> {
  const settings = deps.settings();
  const { db } = deps.context;
  const egress = await egressFor(settings.shareWithGroq, db);
  const memory = memoryForGroq(egress, await listChatTurns(video?.id ?? LIBRARY_SCOPE, db));
  const prompt = {
    video,
    stillProcessing: await stillProcessing(video, deps),
    withholdFileName: !egress.share.fileNames,
    answerLanguage: options.answerLanguage,
  };
  const reply = await runTurn({
    client: groqThroughDoor(egress, 'chat', {
      apiKey: settings.groqApiKey ?? '',
      baseUrl: settings.groqBaseUrl ?? undefined,
      onSent: ({ body, bytes }) => sent.push({ body, bytes }),
    }),
    egress,
    model: settings.groqModel,
    messages: [
      { role: 'system', content: systemPrompt(prompt) },
      ...memory.messages,
      { role: 'user', content: question },
    ],
    execute,
    onToken: options.onToken,
    signal: options.signal,
  });
  const withheld = new Set([...reply.withheld, ...memory.withheld]);
  if (video && !egress.share.fileNames) withheld.add('fileNames');
  const holds = new Set([...reply.holds, ...memory.holds]);
  // The prompt names the video, and notes name videos: the answer may repeat a name.
  if (egress.share.fileNames) holds.add('fileNames');
  const note = withheldNote(withheld);
  const text = note ? `${reply.text.trimEnd()}\n\n${note}` : reply.text;
  return { text, toolCalls: reply.toolCalls, holds };
}
