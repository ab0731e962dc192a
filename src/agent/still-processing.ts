import type { StageName } from '../shared/stages';
import { routeQuery, type Intent } from '../tools/query/route-query';

/** Which analyses answer each kind of question. */
const NEEDS: Record<Intent, StageName[]> = {
  visual: ['objects', 'captions', 'embeddings'],
  audio: ['transcript', 'speakers'],
  text: ['text'],
  temporal: [],
  general: ['transcript', 'objects', 'text', 'captions'],
};

/** What each analysis is, in the person's words. */
const WORDS: Record<StageName, string> = {
  frames: 'looking at the frames',
  speech: 'finding the speech',
  transcript: 'listening to the audio',
  speakers: 'telling the speakers apart',
  objects: 'spotting objects',
  text: 'reading on-screen text',
  captions: 'describing the frames',
  embeddings: 'indexing for search',
};

/**
 * The analyses a question needs that are not finished (queued or running), in plain words —
 * e.g. ["listening to the audio"] for "what does she say about buses?" while Whisper runs. A
 * question naming an object ("when is the bus there?") needs the detector whatever its wording.
 */
export function stillProcessingFor(
  question: string,
  duration: number,
  states: Partial<Record<StageName, string>>,
): string[] {
  const route = routeQuery(question, duration);
  const needed = new Set(route.intents.flatMap((intent) => NEEDS[intent]));
  if (route.labels.length > 0) needed.add('objects');
  return [...needed]
    .filter((stage) => states[stage] === 'queued' || states[stage] === 'running')
    .map((stage) => WORDS[stage]);
}
