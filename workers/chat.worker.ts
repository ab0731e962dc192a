/// <reference lib="webworker" />
import { expose } from 'comlink';
import { registerTransferHandlers } from '../src/shared/transfer-handlers';
import type { ResolvedModel } from '../src/shared/model-spec';
import { generateReply, loadChat, type ChatMessage, type LoadedChat } from './lib/chat/local-chat';
import type { WorkProgress } from '../src/shared/model-progress';
import { loadOnce } from './lib/models/model-cache';

registerTransferHandlers();

const chatFor = loadOnce<LoadedChat>(loadChat);

/** What a local reply needs: the model, the conversation and a cap on its length. */
export interface ReplyRequest {
  model: ResolvedModel;
  messages: ChatMessage[];
  maxNewTokens: number;
}

const api = {
  /**
   * A local chat model's reply (loaded once; WebGPU when available), streamed token by token.
   * Resolves with the whole reply and the device that ran it.
   */
  async reply(
    signal: AbortSignal,
    { model, messages, maxNewTokens }: ReplyRequest,
    onToken: (text: string) => void,
    onProgress: (progress: WorkProgress) => void,
  ): Promise<{ text: string; device: string }> {
    const loaded = await chatFor(model, onProgress);
    const text = await generateReply(loaded, messages, maxNewTokens, onToken, signal);
    return { text, device: loaded.device };
  },
};

expose(api);

export type ChatWorkerApi = typeof api;
