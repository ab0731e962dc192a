import type { ToolContext } from './tool';

/** Query vectors kept: an agent often searches the same words with several tools in one turn. */
const MAX_QUERIES = 64;

/**
 * Wraps a query embedder so a query already embedded (same words, space and model) is not sent
 * to the worker again. `modelFor` names the model that would answer now, so a model changed in
 * Settings never gets the old one's vectors.
 */
export function rememberQueries(
  embed: ToolContext['embedQuery'],
  modelFor: (space: 'text' | 'image') => string,
): ToolContext['embedQuery'] {
  const cache = new Map<string, ReturnType<ToolContext['embedQuery']>>();
  return (query, space) => {
    const key = `${modelFor(space)}\u0000${space}\u0000${query}`;
    const hit = cache.get(key);
    cache.delete(key);
    const pending = hit ?? embed(query, space);
    cache.set(key, pending);
    if (!hit) pending.catch(() => cache.delete(key));
    while (cache.size > MAX_QUERIES) cache.delete(cache.keys().next().value as string);
    return pending;
  };
}
