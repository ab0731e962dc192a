import type { ToolOutcome } from '../tools/tool-types';
import { formatTimestamp as at } from './citations';

interface MomentContext {
  video_id: string;
  t: number;
  window: { start: number; end: number };
  scene: { start: number; end: number } | null;
  transcript: { start: number; end: number; text: string }[];
  captions: { t: number; caption: string }[];
  objects: { label: string; max_confidence: number; frames: number }[];
  on_screen_text: string[];
  not_indexed_yet: string[];
}

/**
 * `get_context_at`'s result as the model reads it best (seed task 42.4): one section each for
 * what is seen, heard, detected and written, every line with its moment, then what is missing.
 * Other outcomes go as JSON.
 */
export function contextForModel(outcome: ToolOutcome): string | null {
  if (!outcome.ok || outcome.tool !== 'get_context_at') return null;
  const c = outcome.result as MomentContext;
  const none = '(nothing indexed)';
  const lines = [
    `Context of video ${c.video_id} around ${at(c.t)} (${at(c.window.start)}–${at(c.window.end)}):`,
    `Visual: ${c.captions.map((x) => `${at(x.t)} ${x.caption}`).join('; ') || none}`,
    `Audio: ${c.transcript.map((x) => `${at(x.start)} “${x.text}”`).join(' ') || none}`,
    `Objects: ${c.objects.map((o) => `${o.label} (confidence ${o.max_confidence}, ${o.frames} frames)`).join(', ') || none}`,
    `On-screen text: ${c.on_screen_text.map((x) => `“${x}”`).join(', ') || none}`,
  ];
  if (c.not_indexed_yet.length) lines.push(`Not analysed yet: ${c.not_indexed_yet.join(', ')}`);
  return lines.join('\n');
}
