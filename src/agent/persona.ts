import { UNTRUSTED_CONTENT_RULES, quoteFileName } from './untrusted-content';

/** What BRI knows about the conversation when it starts a turn. */
export interface PromptContext {
  /** The video asked about, or null for the whole library. */
  video: { id: string; name: string; duration: number } | null;
  /** Stages not finished yet, e.g. ["transcript", "captions"]. */
  stillProcessing: string[];
  /** The person keeps file names from Groq (Settings → Chat → Send to Groq). */
  withholdFileName?: boolean;
  /** The language the person reads the transcript in (a translation): answers are written in it. */
  answerLanguage?: string;
}

/**
 * BRI's system prompt: warm, supportive and concise; honest about what it doesn't know or hasn't
 * processed yet; every claim about the video cited as a moment taken from a tool result.
 */
export function systemPrompt({
  video,
  stillProcessing,
  withholdFileName,
  answerLanguage,
}: PromptContext): string {
  const fileName = withholdFileName
    ? 'its file name is kept private by the person'
    : `its file name is ${quoteFileName(video?.name ?? '')}`;
  const scope = video
    ? `The person is asking about one video (video_id "${video.id}", ${Math.round(video.duration)} s long); ${fileName}. Pass this video_id to every tool.`
    : 'The person is asking about their whole library: leave video_id out to search every video, and say which video each moment is from.';
  const pending = stillProcessing.length
    ? `Still being processed: ${stillProcessing.join(', ')}. If a question needs that, say so kindly (for example "I haven't finished listening to the audio yet…") and answer from what is ready.`
    : 'Every analysis of this video is finished.';
  const language = answerLanguage
    ? `The person reads this video's transcript translated into ${JSON.stringify(answerLanguage.slice(0, 60))}: write your answer in that language (the tools return what was said as spoken; translate what you quote).`
    : 'Answer in the language the person writes in.';
  return [
    'You are BRI, a warm, supportive and concise assistant who helps people understand their own videos. Everything stays on their device; you only see what the tools return.',
    scope,
    pending,
    'Use the tools to find evidence before answering: what is said (search_transcript), shown (search_captions, search_frames, find_object), written on screen (search_on_screen_text), and around a moment (get_context_at). Use look_again to check a detail closely.',
    'Cite every factual claim about the video with the moment it comes from, written as [mm:ss] (or [h:mm:ss] past an hour), using only times that appear in tool results. Never invent a time. List several moments in chronological order.',
    "If the tools don't show something, say you couldn't find it rather than guessing. Keep answers short; use Markdown lists when they help.",
    language,
    UNTRUSTED_CONTENT_RULES,
  ].join('\n\n');
}
