import { SHARE_EVERYTHING } from '../../../src/shared/share-with-groq';
// @vitest-environment node
import { env, pipeline, type TextGenerationPipeline } from '@huggingface/transformers';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ask, type AskDeps } from '../../../src/agent/ask';
import { localMessages, plainMessages } from '../../../src/agent/local-answer';
import { BriDatabase } from '../../../src/db';
import type { Settings } from '../../../src/settings/settings';
import { generateReply } from '../../../workers/lib/chat/local-chat';
import { MODELS_DIR } from '../../paths';
import { seedCity, testContext } from '../tools/seeded-library';

// The random-weight chat fixture (llama architecture, Phi-3 tokenizer and chat template) run by
// transformers.js in Node, exactly as the chat worker runs it: its words are garbage, so this
// checks the wiring — template, greedy generation, streaming, fallbacks — never the words.
let generator: TextGenerationPipeline;
beforeAll(async () => {
  env.localModelPath = `${MODELS_DIR}/`;
  env.allowRemoteModels = false;
  generator = (await pipeline('text-generation', 'test/tiny-llama-chat-random', {
    dtype: 'q8',
  })) as TextGenerationPipeline;
});

const SETTINGS: Settings = {
  autoAnalyse: false,
  modelSet: 'fast',
  modelBaseUrl: null,
  models: {},
  groqApiKey: null,
  groqBaseUrl: null,
  groqModel: 'x',
  localChat: true,
  wasmThreads: 'auto',
  backend: 'auto',
  agentTools: false,
  shareWithGroq: { ...SHARE_EVERYTHING },
};

let db: BriDatabase;
beforeEach(async () => {
  db = new BriDatabase(`test-${crypto.randomUUID()}`);
  await seedCity(db);
});
afterEach(() => db.delete());

const deps = (localReply: AskDeps['localReply']): AskDeps => ({
  context: testContext(db),
  settings: () => SETTINGS,
  online: () => true,
  localReply,
});

describe('answers worded by the local chat model', () => {
  it('streams the reply the model generates from the facts, greedy and repeatable', async () => {
    const localReply: AskDeps['localReply'] = (messages, onToken) =>
      generateReply({ generator }, plainMessages(messages), 24, onToken);
    const tokens: string[] = [];
    const result = await ask('city', 'When does the bus appear?', deps(localReply), {
      onToken: (t) => tokens.push(t),
    });
    expect(result.mode).toBe('local');
    expect(result.answer.length).toBeGreaterThan(0);
    expect(tokens.join('').trim()).toBe(result.answer);
    const again = await generateReply(
      { generator },
      plainMessages(
        localMessages('When does the bus appear?', 'I can see a bus at [00:05]–[00:15].'),
      ),
      24,
      () => undefined,
    );
    expect(again).toBe(result.answer);
  });

  it('keeps the tools’ facts when the model says nothing, or cannot run', async () => {
    const silent = await ask(
      'city',
      'When does the bus appear?',
      deps(async () => '  '),
    );
    expect(silent).toMatchObject({ mode: 'tools', answer: 'I can see a bus at [00:05]–[00:15].' });
    const broken = await ask(
      'city',
      'When does the bus appear?',
      deps(() => Promise.reject(new Error('ModelLoadError: no weights'))),
    );
    expect(broken.mode).toBe('tools');
    expect(broken.answer).toBe(
      "I can see a bus at [00:05]–[00:15].\n\n*The local model couldn't answer (ModelLoadError: no weights), so this comes from the tools alone.*",
    );
    expect(broken.citations.map((c) => c.t)).toEqual([5, 15]);
  });
});
