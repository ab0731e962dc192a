import { cocoLabelsIn } from '../object-labels';
import { terms } from '../text/tokenize';
import { parseTimeReferences, type TimeReference } from './time-references';

/** What a question is about, which decides the tools that can answer it. */
export type Intent = 'visual' | 'audio' | 'text' | 'temporal' | 'general';

/** A tool call the plan suggests (video_id is added by the caller). */
export interface PlannedCall {
  tool: string;
  args: Record<string, unknown>;
}

export interface QueryRoute {
  intents: Intent[];
  /** COCO labels the question names ("people" → person). */
  labels: string[];
  time: TimeReference[];
  plan: PlannedCall[];
}

const CUES: Record<Exclude<Intent, 'temporal'>, RegExp> = {
  visual:
    /\b(see|seen|show|shown|shows|look|looks|appear|appears|visible|wear|wears|wearing|colou?r|picture|image|frame|scene|shot|happen|happens|doing)\b/,
  audio:
    /\b(say|says|said|talk|talks|talked|mention|mentions|mentioned|speak|speaks|spoke|hear|heard|explain|explains|discuss|discussed|voice|tell|tells|told|narrator|speaker|words?|quote)\b/,
  text: /\b(written|write|text|slide|slides|title|sign|read|on[- ]screen|caption|heading|chapter)\b/,
  general:
    /\b(summary|summari[sz]e|overview|topics?|main points?|gist)\b|\b(this|the) (video|clip|recording)\b.*\babout\b|\bwhat(?:'s| is) (?:this|it) about\b/,
};

const TEMPORAL_CUE = /^\s*(when|what time|at what point|how long|how often)\b/i;

/** "Who spoke most?", "how many speakers?": the overview lists the speakers and their time. */
const SPEAKERS_CUE =
  /\bwho (?:spoke|speaks|talked|talks|said)\b|\bspeakers\b|\bhow many (?:people|voices)\b/;

/**
 * "What did the second speaker say about the budget?", "what did Speaker 2 say", "what did Dana
 * mention about travel": one speaker's lines (search_transcript's `speaker`), about what follows.
 */
const ONE_SPEAKER =
  /\bwhat (?:did|does) (?:the )?((?:first|second|third|fourth|fifth) speaker|speaker \d+|\p{Lu}[\p{L}'’-]+) (?:say|said|mention|talk)\b(?: about)?\s*(.*)$/iu;

/** The question without its time phrases, for keyword search ("what is said at 2:30" → "what is said"). */
function searchText(question: string, time: TimeReference[]): string {
  return time
    .reduce((text, ref) => text.replace(ref.text, ' '), question)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The query router: sorts a question into visual / audio / on-screen text / temporal /
 * general and plans the tool calls that answer it. It informs the agent's plan and is the whole
 * brain of the answers given without a language model.
 */
export function routeQuery(question: string, duration: number): QueryRoute {
  const lower = question.toLowerCase();
  const time = parseTimeReferences(question, duration);
  const labels = cocoLabelsIn(question);
  const intents: Intent[] = [];
  if (time.length > 0 || TEMPORAL_CUE.test(lower)) intents.push('temporal');
  if (CUES.visual.test(lower) || labels.length > 0) intents.push('visual');
  if (CUES.audio.test(lower)) intents.push('audio');
  if (CUES.text.test(lower) || /["“].+["”]/.test(question)) intents.push('text');
  if (CUES.general.test(lower) || intents.length === 0) intents.push('general');

  const query = searchText(question, time) || question;
  const quoted = /["“]([^"”]+)["”]/.exec(question)?.[1];
  const plan: PlannedCall[] = [];
  const add = (tool: string, args: Record<string, unknown>) => plan.push({ tool, args });
  const asked = ONE_SPEAKER.exec(question);
  if (asked?.[1] && !/^(you|he|she|they|it|we|i|this|that)$/i.test(asked[1])) {
    const about = asked[2]?.replace(/[?.!]+$/, '').trim();
    add('search_transcript', {
      query: about || query,
      speaker: asked[1].replace(/ speaker$/i, '').trim(),
    });
    return { intents: ['audio'], labels, time, plan };
  }
  if (SPEAKERS_CUE.test(lower)) add('get_video_overview', {});
  for (const ref of time) if (ref.kind === 'moment') add('get_context_at', { t: ref.t });
  // "What is on the slide at 1:10?": the moment's context is the answer; there are no words to
  // look for (searching "slide" would only report that the screen never says "slide").
  if (plan.length > 0 && !hasContent(query)) return { intents, labels, time, plan };
  // "What is said in the first minute?": nothing to search for, so read the span itself.
  const span = time.find((ref) => ref.kind === 'range');
  if (span?.kind === 'range' && !hasContent(query)) {
    const half = Math.min(120, (span.end - span.start) / 2);
    add('get_context_at', { t: span.start + half, window_s: half });
    return { intents, labels, time, plan };
  }
  for (const label of labels) add('find_object', { label });
  if (intents.includes('text')) add('search_on_screen_text', { query: quoted ?? query });
  if (intents.includes('audio')) add('search_transcript', { query });
  if (intents.includes('visual') && labels.length === 0) {
    add('search_captions', { query });
    add('search_frames', { query });
  }
  if (intents.includes('general')) {
    add('get_video_overview', {});
    // "What is this video about?" has nothing to search for: the overview is the answer, and
    // skipping the search spares loading the sentence model for it.
    if (hasContent(query)) add('search_transcript', { query });
  }
  if (plan.length === 0) add('search_transcript', { query });
  return { intents, labels, time, plan: dedupe(plan) };
}

/** Words that only say what kind of question it is ("what is said", "show me"). */
const FRAMING = new RegExp(
  [...Object.values(CUES), TEMPORAL_CUE].map((cue) => cue.source.replace(/^\^\\s\*/, '')).join('|'),
  'gi',
);

/** Whether a query has words to search for once its framing words are gone. */
function hasContent(query: string): boolean {
  return (
    terms(query.replace(FRAMING, ' ').replace(/\b(what|happens?|video|me|there|anything)\b/gi, ' '))
      .length > 0
  );
}

function dedupe(plan: PlannedCall[]): PlannedCall[] {
  const seen = new Set<string>();
  return plan.filter((call) => {
    const key = `${call.tool}:${JSON.stringify(call.args)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
