import type { BriSettings as Settings } from '../../src/settings/settings-types';
import { SHARE_EVERYTHING } from '../../src/shared/share-with-groq';
import type { FakeGroq } from './fake-groq';

/** Settings as a person who added a Groq key has them, pointed at the fake Groq at `baseUrl`. */
export function settingsWithGroq(fake: FakeGroq, baseUrl: string): Settings {
  return {
    autoAnalyse: false,
    modelSet: 'fast',
    modelBaseUrl: null,
    models: {},
    groqApiKey: fake.apiKey,
    groqBaseUrl: baseUrl,
    groqModel: 'openai/gpt-oss-20b',
    localChat: false,
    wasmThreads: 'auto',
    backend: 'auto',
    agentTools: false,
    shareWithGroq: { ...SHARE_EVERYTHING },
  };
}
