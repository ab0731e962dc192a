/**
 * What the person lets the chat send to Groq, per kind of a video's content (Settings → Chat →
 * Send to Groq); the agent withholds the rest (src/agent/withhold.ts).
 */

/** The kinds of the video's content a tool result can carry. */
export const SHARED_KINDS = [
  'transcript',
  'onScreenText',
  'captions',
  'objectNames',
  'fileNames',
] as const;
export type SharedKind = (typeof SHARED_KINDS)[number];

/** Per kind: sent to Groq (true, the default) or withheld. */
export type ShareWithGroq = Record<SharedKind, boolean>;

export const SHARE_EVERYTHING: ShareWithGroq = {
  transcript: true,
  onScreenText: true,
  captions: true,
  objectNames: true,
  fileNames: true,
};

/** How the answer and Settings name each kind. */
export const KIND_NAMES: Record<SharedKind, string> = {
  transcript: 'transcript text',
  onScreenText: 'on-screen text',
  captions: 'captions',
  objectNames: 'object names',
  fileNames: 'file names',
};
