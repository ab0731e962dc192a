import { describe, expect, it } from 'vitest';
import { rememberQueries } from '../../../src/tools/remember-queries';

describe('rememberQueries', () => {
  it('embeds a query once per model and space, and again after the model changes', async () => {
    const calls: string[] = [];
    let model = 'a';
    const embed = rememberQueries(
      async (query, space) => {
        calls.push(`${model}:${space}:${query}`);
        return { model, vector: new Float32Array([query.length]) };
      },
      () => model,
    );
    await embed('bus', 'text');
    await embed('bus', 'text');
    await embed('bus', 'image');
    model = 'b';
    expect((await embed('bus', 'text')).model).toBe('b');
    expect(calls).toEqual(['a:text:bus', 'a:image:bus', 'b:text:bus']);
  });

  it('does not keep a failure', async () => {
    let fail = true;
    const embed = rememberQueries(
      async () => {
        if (fail) throw new Error('offline');
        return { model: 'a', vector: new Float32Array(1) };
      },
      () => 'a',
    );
    await expect(embed('bus', 'text')).rejects.toThrow('offline');
    fail = false;
    expect((await embed('bus', 'text')).model).toBe('a');
  });
});
