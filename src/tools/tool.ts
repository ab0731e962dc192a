import type { z } from 'zod';
import type { BriDatabase } from '../db';
import type { ModelRole } from '../shared/model-spec';
import type { TimeSpan } from './moments';
import type { ToolErrorCode } from './tool-types';
import type { ContentKinds } from './content-kinds';

export type { ToolErrorCode, ToolListing, ToolOutcome } from './tool-types';

/** A query's vector and the model that made it (vectors of other models are not comparable). */
export interface QueryVector {
  model: string;
  vector: Float32Array;
}

/** What `look_again` saw in one frame decoded afresh at full resolution. */
export interface FreshLook {
  t: number;
  width: number;
  height: number;
  objects: { label: string; score: number; box: [number, number, number, number] }[];
  text: { text: string; score: number }[];
  caption: string | null;
  /** Models that could not run, with why (the rest of the evidence still counts). */
  unavailable: { model: string; reason: string }[];
}

/**
 * What tools may use besides the database: the models, reached through the worker bridges in the
 * app and through fakes at that boundary in unit tests. Tools never touch the DOM.
 */
export interface ToolContext {
  db: BriDatabase;
  /** A search query in the sentence space (`text`) or CLIP's (`image`). */
  embedQuery: (query: string, space: 'text' | 'image') => Promise<QueryVector>;
  /** Decodes the frames at `times` at full resolution and runs the vision models on them. */
  lookAt: (videoId: string, times: number[], signal?: AbortSignal) => Promise<FreshLook[]>;
  /** A URL the page can show for a stored frame (a blob: URL in the app, one per frame id). */
  frameUrl: (frameId: string, blob: Blob) => string;
  /**
   * Set to keep results of tools marked `cached` in the database: names the versions of the
   * models those tools use, which become part of the cached result's version.
   */
  resultCache?: { modelVersion: (roles: readonly ModelRole[]) => string };
  /** Aborts with the chat turn (Stop): tools that run models pass it on. */
  signal?: AbortSignal;
}

/**
 * A tool as the agent sees it: a name, what it does, its arguments, the code that runs it — and
 * how its typed result reads, so the agent never switches on tool names or casts results.
 */
export interface Tool<Schema extends z.ZodType = z.ZodType, Result = unknown> {
  name: string;
  description: string;
  parameters: Schema;
  execute(args: z.output<Schema>, context: ToolContext): Promise<Result>;
  /**
   * The result as a short cited sentence or list for an answer without a language model,
   * keeping only what overlaps `within` (the span the question named); '' when it has nothing.
   */
  describe?(result: Result, within: TimeSpan | null): string;
  /** The result as the language model reads it best; without this it gets (trimmed) JSON. */
  forModel?(result: Result): string;
  /**
   * Where the result holds the video's own words, by kind (transcript, on-screen text, captions,
   * object names, file names): what the person keeps on the device is withheld by these, not by
   * guessing from field names. A result with none of them leaves this out.
   */
  contentKinds?: ContentKinds<Result>;
  /** The result shows the video itself (a frame): untrusted content, words in it or not. */
  showsVideo?: boolean;
  /**
   * Expensive tools keep results per (videos covered, arguments, index and model versions): the
   * models the result depends on, and whether a result is complete enough to keep (default: it
   * has no `notes`, i.e. nothing was still processing or unavailable).
   */
  cached?: { models: readonly ModelRole[]; keep?: (result: unknown) => boolean };
}

/** Declares a tool with its argument types inferred from the zod schema. */
export function defineTool<Schema extends z.ZodType, Result>(
  tool: Tool<Schema, Result>,
): Tool<Schema, Result> {
  return tool;
}

/**
 * The tool with where its result holds the video's own words (`Tool.contentKinds`), checked
 * against the result type the tool's `execute` returns.
 */
export function withContentKinds<Schema extends z.ZodType, Result>(
  tool: Tool<Schema, Result>,
  contentKinds: ContentKinds<Result>,
): Tool<Schema, Result> {
  return { ...tool, contentKinds };
}

/** An expected failure a tool reports in plain words (unknown video, nothing indexed yet…). */
export class ToolError extends Error {
  override name = 'ToolError';
  constructor(
    readonly code: ToolErrorCode,
    message: string,
  ) {
    super(message);
  }
}
