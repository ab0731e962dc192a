import { pipeline, TextStreamer, type TextGenerationPipeline } from '@huggingface/transformers';
import type { ResolvedModel } from '../../../src/shared/model-spec';
import type { ModelProgress } from '../../../src/shared/model-progress';
import { loadWithTransformers, type LoadedOn } from '../models/transformers-env';

export interface LoadedChat extends LoadedOn {
  generator: TextGenerationPipeline;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export function loadChat(
  model: ResolvedModel,
  onProgress: (progress: ModelProgress) => void,
): Promise<LoadedChat> {
  return loadWithTransformers(model, onProgress, async (options) => ({
    generator: (await pipeline('text-generation', model.id, options)) as TextGenerationPipeline,
  }));
}

/**
 * The model's reply to a conversation (its chat template applied), greedy, streamed piece by
 * piece to `onToken`; stops early when `signal` aborts.
 */
export async function generateReply(
  loaded: Pick<LoadedChat, 'generator'>,
  messages: ChatMessage[],
  maxNewTokens: number,
  onToken: (text: string) => void,
  signal?: AbortSignal,
): Promise<string> {
  const streamer = new TextStreamer(loaded.generator.tokenizer, {
    skip_prompt: true,
    skip_special_tokens: true,
    callback_function: (text: string) => {
      signal?.throwIfAborted();
      if (text) onToken(text);
    },
  });
  const output = (await loaded.generator(messages, {
    max_new_tokens: maxNewTokens,
    do_sample: false,
    streamer,
  })) as { generated_text: ChatMessage[] }[];
  const reply = output[0]?.generated_text.at(-1);
  return reply?.role === 'assistant' ? reply.content.trim() : '';
}
