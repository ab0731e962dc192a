import { describe, expect, it } from 'vitest';
import { decodeCtc, paddleCharset } from '../../../workers/lib/ocr/ctc-decode';
import { findTextBoxes } from '../../../workers/lib/ocr/text-boxes';

describe('findTextBoxes', () => {
  it('finds separate text regions, grows them by the unclip distance, in reading order', () => {
    const width = 40;
    const height = 20;
    const map = new Float32Array(width * height);
    const fill = (x0: number, y0: number, x1: number, y1: number, p: number) => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) map[y * width + x] = p;
    };
    fill(22, 2, 32, 6, 0.9); // right word of line 1
    fill(2, 2, 12, 6, 0.8); // left word of line 1
    fill(2, 12, 30, 16, 0.9); // line 2
    fill(35, 15, 36, 16, 0.95); // a speck
    fill(2, 8, 12, 10, 0.4); // faint: above the pixel threshold, below the box threshold
    const boxes = findTextBoxes(map, width, height);
    expect(boxes.map((b) => b.box.map((v) => Math.round(v * 100) / 100))).toEqual([
      // 10 × 4 region: grows by 40 × 1.5 / 28 = 2.14 px (clipped at the edges).
      [0, 0, 14.14, 8.14],
      [19.86, 0, 34.14, 8.14],
      // 28 × 4: grows by 112 × 1.5 / 64 = 2.63 px.
      [0, 9.38, 32.63, 18.63],
    ]);
    expect(boxes[0]?.score).toBeCloseTo(0.8);
  });
});

describe('decodeCtc', () => {
  const charset = paddleCharset('a\nb\nc\n');

  it('collapses repeats, drops blanks and scores the kept characters', () => {
    // Steps: a a blank a b ; classes: blank, a, b, c, space.
    const rows = [
      [0, 0.9, 0.1, 0, 0],
      [0, 0.7, 0.3, 0, 0],
      [0.8, 0.2, 0, 0, 0],
      [0, 0.6, 0.4, 0, 0],
      [0.1, 0, 0.5, 0, 0.4],
    ];
    const { text, score } = decodeCtc(Float32Array.from(rows.flat()), 5, 5, charset);
    expect(text).toBe('aab');
    expect(score).toBeCloseTo((0.9 + 0.6 + 0.5) / 3);
  });

  it('maps the last class to a space', () => {
    expect(charset).toEqual(['', 'a', 'b', 'c', ' ']);
  });
});
