import { Mp4DamagedError, type BoxHeader } from './mp4-boxes';
import type { SampleTables } from './mp4-index';

const TRACK_KINDS: Record<string, string> = { vide: 'video', soun: 'audio' };

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function bytes(n: number): string {
  if (n === 1) return '1 byte';
  return n < 10_000 ? `${n} bytes` : `${count(Math.round(n / 1024))} KB`;
}

/**
 * Every count the tables declare must fit in the bytes present: a sub-1 KB file can claim 2³²−1
 * samples, and a reader that believes it allocates for each one. Throws Mp4DamagedError.
 */
export function checkTableCounts(
  handler: string,
  tables: SampleTables,
  boxes: { stsz: BoxHeader; stco: BoxHeader; fileSize: number },
): void {
  const kind = TRACK_KINDS[handler] ?? `“${handler}”`;
  const { fixedSize, count: samples, tableStart } = tables.sampleSizes;
  if (fixedSize === 0 && samples * 4 > boxes.stsz.end - tableStart) {
    throw new Mp4DamagedError(
      `its ${kind} track claims ${count(samples)} samples but lists the sizes of only ` +
        count(Math.floor((boxes.stsz.end - tableStart) / 4)),
    );
  }
  if (fixedSize > 0 && samples * fixedSize > boxes.fileSize) {
    throw new Mp4DamagedError(
      `its ${kind} track claims ${count(samples)} samples of ${bytes(fixedSize)} each, ` +
        `but the whole file is ${bytes(boxes.fileSize)}`,
    );
  }
  const chunks = tables.chunkOffsets;
  if (chunks.count * chunks.entryBytes > boxes.stco.end - chunks.tableStart) {
    throw new Mp4DamagedError(
      `its ${kind} track claims ${count(chunks.count)} chunks but lists only ` +
        count(Math.floor((boxes.stco.end - chunks.tableStart) / chunks.entryBytes)),
    );
  }
}

/**
 * Ticks covered by the samples that exist: the time-to-sample runs, each cut to the samples the
 * size table holds (a run can claim more samples than the track has).
 */
export function samplesDuration(tables: SampleTables): number {
  const { stts } = tables;
  let remaining = tables.sampleSizes.count;
  let ticks = 0;
  for (let i = 0; i + 1 < stts.length && remaining > 0; i += 2) {
    const run = Math.min(stts[i] ?? 0, remaining);
    ticks += run * (stts[i + 1] ?? 0);
    remaining -= run;
  }
  return ticks;
}
