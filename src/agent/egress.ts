import type Groq from 'groq-sdk';
import { listVideos, type BriDatabase } from '../db';
import { contentKindsOf } from '../tools/registry';
import { kindsIn, withholdByKinds, type ContentKinds } from '../tools/content-kinds';
import type { ToolOutcome } from '../tools/tool-types';
import { SHARE_EVERYTHING, type SharedKind, type ShareWithGroq } from '../shared/share-with-groq';
import { createGroqClient, GROQ_BASE_URL, type GroqConnection } from './groq-client';
import { recordSent, type SentEntry, type SentPurpose } from './sent-ledger';
import { quoteToolResult } from './untrusted-content';

export { memoryForGroq, RECENT_TURNS, turnHolds } from './memory-for-groq';

/**
 * The one door for what leaves the device for Groq — and, through `src/webmcp`, for the AI agents
 * in the browser the person lets use BRI's tools (`egressFor`, `withoutFileNames`, the kinds
 * below). Every request — a chat answer, its memory of earlier turns, follow-ups, Make chapters,
 * Translate — is assembled from pieces this module has passed, each with the kinds of the
 * video's content it holds:
 * - tool results by the fields each tool declares (`Tool.contentKinds`);
 * - earlier answers by the kinds recorded with them (`ChatTurnRecord.holds`; a turn stored before
 *   kinds were recorded, or restored from a backup, may hold any kind);
 * - request data (chapters, translation) by the kinds its builder declares;
 * - everything else (errors, notes, the system prompt) as BRI's own words, except file names:
 *   where the person keeps them, every library video's name is taken out of the whole request
 *   body as it leaves, whatever path put it there.
 * What the person keeps back is withheld from all of it; the body recorded for "What was sent"
 * is the body after that.
 */
export interface Egress {
  share: ShareWithGroq;
  /** The names of the library's videos: taken out of every request where file names are kept. */
  fileNames: readonly string[];
}

/** The door as the person's settings and the library stand now. */
export async function egressFor(share: ShareWithGroq, db: BriDatabase): Promise<Egress> {
  return { share, fileNames: share.fileNames ? [] : (await listVideos(db)).map((v) => v.name) };
}

/** Whether `text` names one of the library's videos (so an answer holding it holds file names). */
export async function namesAVideo(text: string, db: BriDatabase): Promise<boolean> {
  const fileNames = (await listVideos(db)).map((v) => v.name);
  const keepNames = { share: { ...SHARE_EVERYTHING, fileNames: false }, fileNames };
  return withoutFileNames(keepNames, text) !== text;
}

/** What a file name becomes in a request where the person keeps file names. */
export const NAME_WITHHELD = '[file name withheld]';

/**
 * A name is also taken out as its stem ("tax-2025" for "tax-2025.mp4"): a model writes it that
 * way. A stem that is one plain word ("city" of "city.mp4") stays: it says nothing of the file,
 * and taking it out would take the word out of the transcript and the answers too.
 */
function namesToRemove(names: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const name of names) {
    const trimmed = name.trim();
    if (trimmed.length < 2) continue;
    forms.add(trimmed);
    const stem = trimmed.replace(/\.[a-z0-9]{1,5}$/i, '');
    if (stem.length >= 4 && (stem.length >= 8 || /[^\p{L}]/u.test(stem))) forms.add(stem);
  }
  // Longest first, so a name is removed whole before its stem.
  return [...forms].sort((a, b) => b.length - a.length);
}

/**
 * `text` with every withheld file name gone, raw and as JSON writes it inside a string (a request
 * body is JSON: a name with quotes or non-ASCII letters is escaped there).
 */
export function withoutFileNames(egress: Egress, text: string): string {
  if (egress.share.fileNames) return text;
  let out = text;
  for (const form of namesToRemove(egress.fileNames)) {
    const escaped = JSON.stringify(form).slice(1, -1);
    for (const variant of new Set([form, escaped]))
      out = out.replace(new RegExp(escapeRegExp(variant), 'gi'), NAME_WITHHELD);
  }
  return out;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Data from the video as a request carries it: the kinds kept back withheld by its declaration. */
export function shareData<T>(
  egress: Egress,
  data: T,
  kinds: ContentKinds<T>,
): { value: T; withheld: Set<SharedKind>; holds: Set<SharedKind> } {
  return withholdByKinds(data, kinds, egress.share);
}

/**
 * A tool outcome as its tool message: a result withheld by its tool's declared kinds, an error as
 * BRI's own words (file names are taken out of the body as it leaves). `format` renders the
 * result the way the model reads it best.
 */
export function toolOutcomeForGroq(
  egress: Egress,
  outcome: ToolOutcome,
  format: (outcome: ToolOutcome) => string,
): { content: string; withheld: Set<SharedKind>; holds: Set<SharedKind> } {
  if (!outcome.ok) {
    return { content: quoteToolResult(format(outcome)), withheld: new Set(), holds: new Set() };
  }
  const kept = withholdByKinds(outcome.result, contentKindsOf(outcome.tool), egress.share);
  return {
    content: quoteToolResult(format({ ...outcome, result: kept.value })),
    withheld: kept.withheld,
    holds: kept.holds,
  };
}

/** The kinds of the video's content the successful calls returned (by each tool's declaration). */
export function kindsReturned(calls: readonly { outcome: ToolOutcome }[]): Set<SharedKind> {
  const holds = new Set<SharedKind>();
  for (const { outcome } of calls)
    if (outcome.ok)
      kindsIn(outcome.result, contentKindsOf(outcome.tool)).forEach((kind) => holds.add(kind));
  return holds;
}

/**
 * The Groq client for a request through the door: the body of every call has the withheld file
 * names taken out before it leaves; it is recorded in the session's ledger (sent-ledger.ts) under
 * `purpose`, and `onSent` hears that entry (the body exactly as it left, and its size).
 */
export function groqThroughDoor(
  egress: Egress,
  purpose: SentPurpose,
  connection: Omit<GroqConnection, 'transformBody' | 'onRequest'> & {
    onSent?: (entry: SentEntry) => void;
  },
): Groq {
  const { onSent, ...rest } = connection;
  const host = new URL(rest.baseUrl ?? GROQ_BASE_URL).origin;
  return createGroqClient({
    ...rest,
    transformBody: (body) => withoutFileNames(egress, body),
    onRequest: (body) => {
      // Recorded whoever listens: `onSent?.(recordSent(…))` would skip the record without one.
      const entry = recordSent(purpose, host, body);
      onSent?.(entry);
    },
  });
}
