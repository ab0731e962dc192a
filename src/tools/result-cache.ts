import { getToolResult, LIBRARY_SCOPE, putToolResult } from '../db';
import { forOneCall } from './call-reads';
import { videosInScope } from './scope';
import type { Tool, ToolContext } from './tool';
import { indexVersions } from './versioned-memo';

/** JSON with object keys sorted, so equal arguments give equal cache keys. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

const hasNoNotes = (result: unknown) =>
  !((result as { notes?: unknown[] } | null)?.notes?.length ?? 0);

/**
 * Runs a tool through the tool-result cache (the seed's Redis layer, here in IndexedDB): a call
 * seen before on the same index and models is answered from its stored result. Tools without
 * `cached`, or a context without `resultCache`, just run.
 */
export async function executeThroughCache(
  tool: Tool,
  args: Record<string, unknown>,
  outer: ToolContext,
): Promise<{ result: unknown; cached: boolean }> {
  const context = forOneCall(outer);
  const { cached } = tool;
  if (!cached || !context.resultCache)
    return { result: await tool.execute(args, context), cached: false };
  const videoId = typeof args.video_id === 'string' ? args.video_id : undefined;
  // One video's rows are read together; the library's versions need its ids first.
  const [videos, one] = await Promise.all([
    videosInScope(videoId, context),
    videoId === undefined ? null : indexVersions([{ id: videoId }], context),
  ]);
  const versions = one ?? (await indexVersions(videos, context));
  const version = [
    ...videos.map((video, i) => `${video.id}=${versions[i]?.version}`),
    context.resultCache.modelVersion(cached.models),
  ].join('\n');
  const scope = videoId ?? LIBRARY_SCOPE;
  const call = `${tool.name}${stableJson(args)}`;
  const stored = await getToolResult(scope, call, version, context.db);
  if (stored !== undefined) return { result: stored, cached: true };
  const result = await tool.execute(args, context);
  if ((cached.keep ?? hasNoNotes)(result)) {
    const row = { videoId: scope, call, version, result, createdAt: Date.now() };
    // The cache is a saving, not a record: a full disk must not cost the answer, nor the wait
    // for the write (IndexedDB orders a later read of it after the write).
    void putToolResult(row, context.db).catch(() => undefined);
  }
  return { result, cached: false };
}
