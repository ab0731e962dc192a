import { TIMESTAMP, parseTimestamp } from '../tools/moments';
import type { ToolCallRecord } from './chat-types';

/** Where pressing a citation takes the player: the evidence's own moment where it is known. */
export function citedMoment(citation: Pick<Citation, 't' | 'at'>): number {
  return citation.at ?? citation.t;
}

/** A moment an answer cites, checked against what the tools returned. */
export interface Citation {
  video_id: string;
  /** Seconds, as the label says them (whole seconds). */
  t: number;
  /**
   * Where the evidence is, seconds: the tool's exact moment, or the label's time moved inside the
   * range a tool returned (a shot starting at 140.023 s for "[02:20]"). Pressing the citation
   * seeks here, so the player shows what the thumbnail shows. Absent in turns stored before.
   */
  at?: number;
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

/** The evidence nearest `t` within the labels' slack: inside a range beats beside one. */
function closestEvidence(evidence: Evidence[], t: number): Evidence | undefined {
  let best: Evidence | undefined;
  let bestGap = Infinity;
  for (const e of evidence) {
    const gap = Math.max(e.start - t, t - e.end, 0);
    if (gap <= SLACK_S && gap < bestGap) [best, bestGap] = [e, gap];
  }
  return best;
}

/** Where in the evidence the label `t` points: the label's time, kept inside what was found. */
function evidenceMoment(evidence: Evidence, t: number): number {
  return Math.min(Math.max(t, evidence.start), evidence.end);
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
    const source = closestEvidence(evidence, t);
    if (!source) invented.push(label);
    else if (!citations.some((c) => c.t === t && c.video_id === source.video_id))
      citations.push({ video_id: source.video_id, t, label, at: evidenceMoment(source, t) });
  }
  citations.sort((a, b) => a.t - b.t);
  return { citations, invented };
}
