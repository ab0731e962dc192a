import { KIND_NAMES, SHARED_KINDS, type SharedKind } from '../shared/share-with-groq';

export { SHARE_EVERYTHING, type ShareWithGroq, type SharedKind } from '../shared/share-with-groq';
export { WITHHELD } from '../tools/content-kinds';

/**
 * What the person keeps from Groq (Settings → Chat → Send to Groq) is taken out of every request
 * by the egress door (egress.ts); this is how an answer says so.
 */

/** The note an answer ends with when something was withheld from Groq for it. */
export function withheldNote(kinds: ReadonlySet<SharedKind>): string {
  const names = SHARED_KINDS.filter((kind) => kinds.has(kind)).map((kind) => KIND_NAMES[kind]);
  return names.length
    ? `*Kept on this device, not sent to Groq (Settings → Chat): ${names.join(', ')}. The answer is from the rest.*`
    : '';
}
