import {
  KIND_NAMES,
  SHARED_KINDS,
  type ShareWithGroq,
  type SharedKind,
} from '../shared/share-with-groq';

export { SHARE_EVERYTHING, type ShareWithGroq, type SharedKind } from '../shared/share-with-groq';

/**
 * What the person keeps from Groq (Settings → Chat → Send to Groq): kinds of text taken out of
 * tool results (and the file name out of the system prompt) before they leave the device. The
 * tools still use them locally — to search, rank and cite — only their words are not sent.
 */

/** What a withheld string becomes in what is sent. */
export const WITHHELD = '[withheld by the person’s privacy settings]';

/** The kind a result field holds, by its name, wherever it is. */
const FIELD_KINDS: Record<string, SharedKind> = {
  transcript: 'transcript',
  words: 'transcript',
  caption: 'captions',
  captions: 'captions',
  on_screen_text: 'onScreenText',
  texts: 'onScreenText',
  lines: 'onScreenText',
  text_matching: 'onScreenText',
  label: 'objectNames',
  labels: 'objectNames',
  objects: 'objectNames',
  top_objects: 'objectNames',
  objects_asked: 'objectNames',
  objects_seen: 'objectNames',
  objects_not_seen: 'objectNames',
  name: 'fileNames',
  video_name: 'fileNames',
  file_name: 'fileNames',
};

/** A bare `text` field: what it holds depends on the tool (and on the field around it). */
const TEXT_KIND_BY_TOOL: Record<string, SharedKind> = {
  search_transcript: 'transcript',
  search_on_screen_text: 'onScreenText',
  look_again: 'onScreenText',
};

/**
 * `value` with every string of a withheld kind replaced by WITHHELD (times, scores and ids stay,
 * so the model can still cite the moments), and the kinds it actually took out.
 */
export function withholdFromResult(
  tool: string,
  value: unknown,
  share: ShareWithGroq,
): { value: unknown; withheld: Set<SharedKind> } {
  const withheld = new Set<SharedKind>();
  const walk = (node: unknown, kind: SharedKind | null): unknown => {
    if (typeof node === 'string') {
      if (!kind || share[kind]) return node;
      withheld.add(kind);
      return WITHHELD;
    }
    if (Array.isArray(node)) return node.map((item) => walk(item, kind));
    if (!node || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, child]) => {
        const own = FIELD_KINDS[key] ?? (key === 'text' ? (kind ?? TEXT_KIND_BY_TOOL[tool]) : null);
        return [key, walk(child, own ?? kind)];
      }),
    );
  };
  return { value: walk(value, null), withheld };
}

/** The note an answer ends with when something was withheld from Groq for it. */
export function withheldNote(kinds: ReadonlySet<SharedKind>): string {
  const names = SHARED_KINDS.filter((kind) => kinds.has(kind)).map((kind) => KIND_NAMES[kind]);
  return names.length
    ? `*Kept on this device, not sent to Groq (Settings → Chat): ${names.join(', ')}. The answer is from the rest.*`
    : '';
}
