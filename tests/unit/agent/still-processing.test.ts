import { describe, expect, it } from 'vitest';
import { stillProcessingFor } from '../../../src/agent/still-processing';

describe('stillProcessingFor', () => {
  it('names the unfinished analysis a question needs', () => {
    const states = { transcript: 'running', objects: 'done', captions: 'queued' };
    expect(stillProcessingFor('what does she say about the weather?', 300, states)).toEqual([
      'listening to the audio',
    ]);
    expect(stillProcessingFor('what do you see at 2:30?', 300, states)).toEqual([
      'describing the frames',
    ]);
  });

  it('needs the detector for a question naming an object', () => {
    expect(stillProcessingFor('when is the bus there?', 300, { objects: 'running' })).toEqual([
      'spotting objects',
    ]);
  });

  it('is empty when what the question needs is done, failed or never queued', () => {
    expect(
      stillProcessingFor('what does she say?', 300, { transcript: 'done', captions: 'running' }),
    ).toEqual([]);
    expect(stillProcessingFor('what does she say?', 300, { transcript: 'failed' })).toEqual([]);
    expect(stillProcessingFor('what does she say?', 300, {})).toEqual([]);
  });
});
