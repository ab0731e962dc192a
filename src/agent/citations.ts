import { TIMESTAMP, parseTimestamp } from '../tools/moments';
import type { ToolCallRecord } from './chat-types';

/** A moment an answer cites, checked against what the tools returned. */
export interface Citation {
  video_id: string;
  /** Seconds. */
  t: number;
  /** As written in the answer, e.g. "[02:20]". */
  label: string;
  /**
   * Whether the claim citing it holds in the index there (confirm-claims.ts); false shows it as
   * "not confirmed" instead of a link. Absent in turns stored before claims were checked.
   */
  confirmed?: boolean;
  /** Why it is not confirmed. */
  why?: string;
}

/** What the tools said happens when: single moments and ranges, per video. */
interface Evidence {
  video_id: string;
  start: number;
  end: number;
}

/** The answer's timestamps have one-second resolution. */
const SLACK_S = 1.5;

/** Every moment and range in the tools' successful results, with the video it belongs to. */
function collectEvidence(value: unknown, videoId: string | null, found: Evidence[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collectEvidence(item, videoId, found);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  const video = typeof record.video_id === 'string' ? record.video_id : videoId;
  if (video) {
    if (typeof record.t === 'number')
      found.push({ video_id: video, start: record.t, end: record.t });
    if (typeof record.start === 'number' && typeof record.end === 'number')
      found.push({ video_id: video, start: record.start, end: record.end });
  }
  for (const child of Object.values(record)) collectEvidence(child, video, found);
}

/**
 * The moments an answer cites that the tools actually returned (within a second, or inside a
 * returned range), chronological and without repeats; `invented` lists the labels no tool
 * result supports — they must not become clickable.
 */
export function checkCitations(
  text: string,
  toolCalls: ToolCallRecord[],
): { citations: Citation[]; invented: string[] } {
  const evidence: Evidence[] = [];
  for (const call of toolCalls)
    if (call.outcome.ok) collectEvidence(call.outcome.result, null, evidence);
  const citations: Citation[] = [];
  const invented: string[] = [];
  for (const [label] of text.matchAll(TIMESTAMP)) {
    const t = parseTimestamp(label);
    if (t === null) continue;
    const source = evidence.find((e) => t >= e.start - SLACK_S && t <= e.end + SLACK_S);
    if (!source) invented.push(label);
    else if (!citations.some((c) => c.t === t && c.video_id === source.video_id))
      citations.push({ video_id: source.video_id, t, label });
  }
  citations.sort((a, b) => a.t - b.t);
  return { citations, invented };
}
