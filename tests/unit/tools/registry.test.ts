import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BriDatabase } from '../../../src/db';
import { executeTool, listTools } from '../../../src/tools/registry';
import { seedCity, testContext } from './seeded-library';

describe('listTools', () => {
  it("lists every tool as MCP's tools/list does, arguments as JSON Schema", () => {
    const { tools } = listTools();
    expect(tools.map((t) => t.name)).toEqual([
      'list_videos',
      'get_video_overview',
      'search_library',
      'search_transcript',
      'search_captions',
      'search_frames',
      'find_object',
      'search_on_screen_text',
      'get_context_at',
      'get_frame',
      'look_again',
    ]);
    const search = tools.find((t) => t.name === 'search_transcript');
    expect(search?.description).toMatch(/transcript/);
    expect(search?.inputSchema).toMatchObject({
      type: 'object',
      required: ['query'],
      properties: {
        video_id: { type: 'string' },
        query: { type: 'string', minLength: 1 },
        top_k: { type: 'integer', minimum: 1, maximum: 50, default: 5 },
      },
    });
    for (const tool of tools) {
      expect(tool.description.length, tool.name).toBeGreaterThan(40);
      expect(tool.inputSchema.type, tool.name).toBe('object');
      if (tool.name !== 'list_videos')
        expect(Object.keys(tool.inputSchema.properties as object), tool.name).toContain('video_id');
    }
  });
});

describe('executeTool', () => {
  let db: BriDatabase;
  beforeEach(async () => {
    db = new BriDatabase(`test-${crypto.randomUUID()}`);
    await seedCity(db);
  });
  afterEach(() => db.delete());

  it('answers an unknown tool with the names of the real ones', async () => {
    const outcome = await executeTool('find_bus', {}, testContext(db));
    expect(outcome).toEqual({
      ok: false,
      tool: 'find_bus',
      error: {
        code: 'unknown_tool',
        message: expect.stringMatching(
          /^No tool named "find_bus"\. Tools: list_videos, get_video_overview, search_library, /,
        ),
      },
    });
  });

  it('returns every bad argument with its path instead of throwing', async () => {
    const outcome = await executeTool(
      'search_transcript',
      { query: '', top_k: 99 },
      testContext(db),
    );
    expect(outcome).toEqual({
      ok: false,
      tool: 'search_transcript',
      error: {
        code: 'invalid_arguments',
        message: expect.stringContaining('Invalid arguments for search_transcript: query:'),
        issues: [
          { path: 'query', message: expect.any(String) },
          { path: 'top_k', message: expect.any(String) },
        ],
      },
    });
    const notAnObject = await executeTool('find_object', 'bus', testContext(db));
    expect(!notAnObject.ok && notAnObject.error.code).toBe('invalid_arguments');
  });

  it('names an unknown video, and turns an unexpected failure into a structured error', async () => {
    const unknown = await executeTool(
      'find_object',
      { video_id: 'nope', label: 'bus' },
      testContext(db),
    );
    expect(!unknown.ok && unknown.error).toEqual({
      code: 'not_found',
      message: 'No video with id "nope" in the library. Its videos: "city" (city.mp4).',
    });
    db.close();
    const broken = await executeTool('find_object', { label: 'bus' }, testContext(db));
    expect(!broken.ok && broken.error.code).toBe('failed');
    expect(!broken.ok && broken.error.message).toMatch(/^DatabaseClosedError/);
  });
});
