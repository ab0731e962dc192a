import { resolveModel } from '../../models';
import { embedQuery as embedInWorker } from '../bridges/embed';
import type { QuerySpace } from '../shared/frame-results';
import { readSettings } from '../settings/settings';

export type { QuerySpace };

/**
 * A search query's unit-length vector: in the sentence space (`text`: transcript, captions,
 * on-screen text) or in CLIP's space (`image`: frames). Loads the model on first use.
 */
export async function embedQuery(
  query: string,
  space: QuerySpace,
): Promise<{ model: string; device: string; vector: Float32Array }> {
  const model = resolveModel(space === 'text' ? 'textEmbed' : 'imageEmbed', readSettings());
  const { vector, device } = await embedInWorker(model, query, space);
  return { model: model.id, device, vector };
}
