import type { SharedKind, ShareWithGroq } from '../shared/share-with-groq';

/**
 * Where a video's own words sit in a value, declared by the tool (or request) that makes it:
 * the value's shape with a kind — or the kinds — at each string that holds them. A string may
 * hold several kinds (look_again's answer names objects and quotes on-screen text); it is
 * withheld when any of them is. Strings not named here are BRI's own (ids, modes, queries the
 * model wrote) and go as they are. Typed against the result, so a renamed field fails the build
 * instead of leaking.
 */
export type ContentKinds<T> = [T] extends [string]
  ? SharedKind | readonly SharedKind[]
  : T extends readonly (infer Item)[]
    ? ContentKinds<Item>
    : T extends object
      ? { readonly [Key in keyof T]?: ContentKinds<NonNullable<T[Key]>> }
      : never;

/** What a withheld string becomes in what is sent. */
export const WITHHELD = '[withheld by the person’s privacy settings]';

type KindsNode = SharedKind | readonly SharedKind[] | { readonly [key: string]: KindsNode };

const kindsAt = (node: KindsNode | undefined): readonly SharedKind[] | null =>
  typeof node === 'string' ? [node] : Array.isArray(node) ? (node as SharedKind[]) : null;

/**
 * Walks `value` along its declared kinds, calling `visit` on each string with the kinds it holds;
 * `visit` returns what the string becomes. Arrays take their items' declaration.
 */
function mapStrings(
  value: unknown,
  kinds: KindsNode | undefined,
  visit: (text: string, kinds: readonly SharedKind[]) => string,
): unknown {
  if (typeof value === 'string') {
    const held = kindsAt(kinds);
    return held ? visit(value, held) : value;
  }
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, kinds, visit));
  if (!value || typeof value !== 'object') return value;
  const fields = kinds && typeof kinds === 'object' && !Array.isArray(kinds) ? kinds : null;
  const parent = fields ? null : kinds;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [
      key,
      mapStrings(
        child,
        fields ? (fields as Record<string, KindsNode>)[key] : (parent ?? undefined),
        visit,
      ),
    ]),
  );
}

/**
 * `value` with every string of a withheld kind replaced by WITHHELD (times, scores and ids stay,
 * so the model can still cite the moments), the kinds it took out, and the kinds it still holds.
 */
export function withholdByKinds<T>(
  value: T,
  kinds: ContentKinds<T> | undefined,
  share: ShareWithGroq,
): { value: T; withheld: Set<SharedKind>; holds: Set<SharedKind> } {
  const withheld = new Set<SharedKind>();
  const holds = new Set<SharedKind>();
  const kept = mapStrings(value, kinds as KindsNode | undefined, (text, held) => {
    if (!text.trim()) return text;
    const off = held.filter((kind) => !share[kind]);
    if (off.length === 0) {
      for (const kind of held) holds.add(kind);
      return text;
    }
    for (const kind of off) withheld.add(kind);
    return WITHHELD;
  });
  return { value: kept as T, withheld, holds };
}

/** The kinds of the video's content `value` holds (non-empty strings at declared places). */
export function kindsIn<T>(value: T, kinds: ContentKinds<T> | undefined): Set<SharedKind> {
  const holds = new Set<SharedKind>();
  mapStrings(value, kinds as KindsNode | undefined, (text, held) => {
    if (text.trim()) for (const kind of held) holds.add(kind);
    return text;
  });
  return holds;
}
