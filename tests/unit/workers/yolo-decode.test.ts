import { describe, expect, it } from 'vitest';
import {
  decodeYolov8,
  decodeYolox,
  suppressOverlaps,
  type Detection,
} from '../../../workers/lib/detect/yolo-decode';

const LABELS = ['person', 'bus'];
const context = { inputSize: 32, scale: 0.5, labels: LABELS, scoreThreshold: 0.3 };

describe('decodeYolox', () => {
  it('turns grid offsets and log sizes into source-pixel boxes, score = objectness × class', () => {
    // 32 px input: 4×4 cells at stride 8, 2×2 at 16, 1×1 at 32 = 21 anchors of 5 + 2 values.
    const output = new Float32Array(21 * 7);
    // Anchor 5 is cell (1, 1) at stride 8: centre (0.5 + 1) × 8 = 12, size e^0 × 8 = 8.
    output.set([0.5, 0.5, 0, 0, 0.9, 0.1, 0.8], 5 * 7);
    // Anchor 0 has a high class score but low objectness: dropped.
    output.set([0, 0, 0, 0, 0.2, 0.99, 0], 0);
    const [only, ...rest] = decodeYolox(output, context);
    expect(rest).toEqual([]);
    expect(only?.label).toBe('bus');
    expect(only?.score).toBeCloseTo(0.72);
    // Input (8, 8)–(16, 16) at letterbox scale 0.5 → source (16, 16)–(32, 32).
    expect(only?.box).toEqual([16, 16, 32, 32]);
  });
});

describe('decodeYolov8', () => {
  it('reads the channel-major [4 + classes, anchors] layout', () => {
    const anchors = 3;
    const output = new Float32Array((4 + LABELS.length) * anchors);
    const set = (channel: number, anchor: number, value: number) =>
      (output[channel * anchors + anchor] = value);
    [10, 12, 4, 8].forEach((v, channel) => set(channel, 2, v));
    set(4, 2, 0.6);
    set(5, 1, 0.1);
    expect(decodeYolov8(output, anchors, context)).toEqual([
      { label: 'person', score: expect.closeTo(0.6) as number, box: [16, 16, 24, 32] },
    ]);
  });
});

describe('suppressOverlaps', () => {
  const box = (label: string, score: number, x: number): Detection => ({
    label,
    score,
    box: [x, 0, x + 10, 10],
  });

  it('keeps the best of overlapping boxes of one label, and boxes of other labels', () => {
    const kept = suppressOverlaps([
      box('person', 0.5, 1),
      box('person', 0.9, 0),
      box('bus', 0.4, 0),
    ]);
    expect(kept).toEqual([box('person', 0.9, 0), box('bus', 0.4, 0)]);
  });

  it('keeps boxes of one label that barely overlap', () => {
    expect(suppressOverlaps([box('tie', 0.8, 0), box('tie', 0.7, 8)])).toHaveLength(2);
  });
});
