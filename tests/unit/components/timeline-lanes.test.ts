import { describe, expect, it } from 'vitest';
import { currentSegmentIndex } from '../../../src/components/current-segment';
import { buildLanes, emptyLaneText, mergeForLane } from '../../../src/components/timeline-lanes';

describe('mergeForLane', () => {
  it('keeps ranges apart on a short video and merges near neighbours on a long one', () => {
    const ranges = [
      { start: 20, end: 30, label: 'bus' },
      { start: 0, end: 5, label: 'bus' },
      { start: 31, end: 40, label: 'car' },
    ];
    expect(mergeForLane(ranges, 300)).toHaveLength(3);
    expect(mergeForLane(ranges, 3600)).toEqual([
      { start: 0, end: 5, label: 'bus' },
      { start: 20, end: 40, label: 'bus, car' },
    ]);
  });
});

describe('buildLanes', () => {
  it('draws scenes, speech, the objects seen longest and on-screen text, each block named', () => {
    const lanes = buildLanes(
      {
        scenes: [
          { index: 0, start: 0, end: 60 },
          { index: 1, start: 60, end: 120 },
        ],
        speech: [{ start: 5, end: 50 }],
        objects: [
          { label: 'person', start: 0, end: 120, maxScore: 0.9 },
          { label: 'bus', start: 20, end: 58, maxScore: 0.8 },
          { label: 'bus', start: 80, end: 100, maxScore: 0.7 },
        ],
        texts: [{ text: 'PUBLIC TRANSPORT', start: 60, end: 80 }],
        transcript: [],
        chapters: [],
        languages: [],
        speakers: { turns: [], names: {}, dismissed: [] },
      },
      120,
    );
    expect(lanes.map((l) => l.id)).toEqual([
      'scenes',
      'speech',
      'object:person',
      'object:bus',
      'text',
    ]);
    expect(lanes[3]?.blocks.map((b) => b.label)).toEqual(['bus, 0:20–0:58', 'bus, 1:20–1:40']);
    expect(lanes[4]?.blocks[0]?.label).toBe('“PUBLIC TRANSPORT”, 1:00–1:20');
    expect(lanes[0]?.blocks[1]?.label).toBe('Scene 2, 1:00–2:00');
  });
});

describe('buildLanes with chapters', () => {
  it('puts the chapters first, each block numbered and titled', () => {
    const lanes = buildLanes(
      {
        scenes: [],
        speech: [],
        objects: [],
        texts: [],
        transcript: [],
        chapters: [
          { start: 0, end: 60, title: 'Welcome' },
          { start: 60, end: 120, title: 'Buses' },
        ],
        languages: [],
        speakers: { turns: [], names: {}, dismissed: [] },
      },
      120,
    );
    expect(lanes[0]?.id).toBe('chapters');
    expect(lanes[0]?.blocks.map((b) => b.label)).toEqual([
      '1. Welcome, 0:00–1:00',
      '2. Buses, 1:00–2:00',
    ]);
  });
});

describe('currentSegmentIndex', () => {
  const segments = [
    { start: 0, end: 5 },
    { start: 5, end: 9 },
    { start: 12, end: 20 },
  ];
  it('finds the segment being spoken, -1 in a pause or before the first', () => {
    expect(currentSegmentIndex(segments, 0)).toBe(0);
    expect(currentSegmentIndex(segments, 5)).toBe(1);
    expect(currentSegmentIndex(segments, 10)).toBe(-1);
    expect(currentSegmentIndex(segments, 19.9)).toBe(2);
    expect(currentSegmentIndex(segments, 25)).toBe(-1);
  });
});

describe('an empty lane', () => {
  // Rows in STAGE_NAMES order: frames, speech, objects, text, transcript, captions, embeddings.
  const rows = (states: Record<number, 'running' | 'done' | 'skipped'>) =>
    Array.from({ length: 7 }, (_, i) => (states[i] ? { state: states[i] } : undefined));

  it('says "none yet" until its stage has looked, then what it found: nothing', () => {
    expect(emptyLaneText('text', rows({}))).toBe('none yet');
    expect(emptyLaneText('text', rows({ 3: 'running' }))).toBe('none yet');
    expect(emptyLaneText('text', rows({ 3: 'done' }))).toBe('no text on screen');
    expect(emptyLaneText('speech', rows({ 1: 'skipped' }))).toBe('no speech');
    expect(emptyLaneText('scenes', rows({ 0: 'done' }))).toBe('none found');
  });
});

describe('buildLanes with speakers', () => {
  it('gives each speaker a lane under Speech, named as the person named them', () => {
    const lanes = buildLanes(
      {
        scenes: [],
        speech: [{ start: 0, end: 30 }],
        objects: [],
        texts: [],
        transcript: [],
        chapters: [],
        languages: [],
        speakers: {
          turns: [
            { start: 0, end: 10, speaker: 1 },
            { start: 10, end: 20, speaker: 2 },
            { start: 20, end: 30, speaker: 1 },
          ],
          names: { 1: 'Dana' },
          dismissed: [],
        },
      },
      30,
    );
    expect(lanes.map((l) => l.title)).toEqual([
      'Scenes',
      'Speech',
      'Dana',
      'Speaker 2',
      'On screen',
    ]);
    expect(lanes[2]?.blocks.map((b) => b.label)).toEqual(['Dana, 0:00–0:10', 'Dana, 0:20–0:30']);
  });
});
