import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { BriDatabase } from '../../../src/db';
import { updateSettings } from '../../../src/settings/settings';
import { listTools, TOOLS } from '../../../src/tools/registry';
import { defineTool, type Tool } from '../../../src/tools/tool';
import type { ModelContext, ModelContextTool } from '../../../src/webmcp/model-context';
import { agentToolsFor, offerToolsToAgents } from '../../../src/webmcp/offer-tools';
import { seedCity, testContext } from '../tools/seeded-library';

/** A browser's model context as Chromium's behaves: a name once, gone when its signal aborts. */
function fakeModelContext() {
  const registered = new Map<string, ModelContextTool>();
  const context: ModelContext = {
    registerTool(tool, options) {
      if (registered.has(tool.name))
        return Promise.reject(new DOMException('Duplicate tool name', 'InvalidStateError'));
      registered.set(tool.name, tool);
      options?.signal?.addEventListener('abort', () => registered.delete(tool.name), {
        once: true,
      });
      return Promise.resolve();
    },
  };
  return { context, registered };
}

describe('offerToolsToAgents', () => {
  let db: BriDatabase;
  let stop = () => {};
  beforeEach(async () => {
    vi.stubGlobal('window', new EventTarget());
    vi.stubGlobal('location', new URL('http://127.0.0.1:4173/'));
    db = new BriDatabase(`offer-tools-${crypto.randomUUID()}`);
    await seedCity(db);
    updateSettings({ agentTools: false });
  });
  afterEach(async () => {
    stop();
    vi.unstubAllGlobals();
    await db.delete();
  });

  it('offers nothing until the person allows it, everything then, and takes all back when not', async () => {
    const { context, registered } = fakeModelContext();
    stop = offerToolsToAgents(testContext(db), context);
    expect(registered.size).toBe(0);

    updateSettings({ agentTools: true });
    const offered = [...registered.values()];
    expect(
      offered.map(({ name, description, inputSchema }) => ({ name, description, inputSchema })),
    ).toEqual(listTools().tools);
    expect(offered.every((t) => t.annotations?.readOnlyHint)).toBe(true);
    expect(registered.get('search_transcript')?.annotations?.untrustedContentHint).toBe(true);
    expect(registered.get('get_frame')?.annotations?.untrustedContentHint).toBe(true);
    expect(registered.get('get_video_overview')?.annotations?.untrustedContentHint).toBe(true);
    const answer = await registered.get('list_videos')!.execute({});
    expect(answer.structuredContent?.result).toMatchObject({
      videos: [{ video_id: 'city', name: 'city.mp4', duration: 60, sound_only: false }],
    });

    updateSettings({ agentTools: false });
    expect(registered.size).toBe(0);
    updateSettings({ agentTools: true });
    expect(registered.size).toBe(listTools().tools.length);
  });

  it('follows a change made in another tab (the storage event)', () => {
    const { context, registered } = fakeModelContext();
    stop = offerToolsToAgents(testContext(db), context);
    localStorage.setItem('bri.settings', JSON.stringify({ agentTools: true }));
    window.dispatchEvent(Object.assign(new Event('storage'), { key: 'bri.settings' }));
    expect(registered.size).toBe(listTools().tools.length);
  });

  it('does nothing at all where the browser has no WebMCP', () => {
    updateSettings({ agentTools: true });
    expect(() => (stop = offerToolsToAgents(testContext(db), null))).not.toThrow();
  });
});

describe('agentToolsFor', () => {
  it('lists from the registry: a new tool is offered with no other edit', () => {
    const extra = defineTool({
      name: 'count_words',
      description: 'Counts the words of a text, for a test that the listing follows the registry.',
      parameters: z.object({ text: z.string() }),
      execute: async ({ text }) => ({ words: text.split(/\s+/).length }),
    }) as Tool;
    (TOOLS as Tool[]).push(extra);
    try {
      const offered = agentToolsFor(async () => ({ content: [] }));
      expect(offered.at(-1)).toMatchObject({
        name: 'count_words',
        description: extra.description,
        inputSchema: { type: 'object', required: ['text'] },
        annotations: { readOnlyHint: true, untrustedContentHint: false },
      });
    } finally {
      (TOOLS as Tool[]).pop();
    }
  });
});
