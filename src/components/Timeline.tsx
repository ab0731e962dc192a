import { type VideoTimelineRows } from '../features/video-view';
import { useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { seekPlayer } from './navigation';
import { useViewStore } from '../store/view-store';
import { buildLanes, emptyLaneText } from './timeline-lanes';
import { useStageRows } from '../store/analysis-store';
import { BlockClip, type SelectedBlock } from './BlockClip';
import { moveCursor, type Cursor } from './timeline-keys';

const percent = (t: number, duration: number) =>
  `${Math.min(100, Math.max(0, (t / duration) * 100)).toFixed(3)}%`;

/** The line at the player's time: only it re-renders as the video plays, not the blocks. */
function Playhead({ duration }: { duration: number }) {
  const playhead = useViewStore((s) => s.playhead);
  return (
    <span
      className="timeline__playhead"
      style={{ left: percent(playhead, duration) }}
      aria-hidden="true"
    />
  );
}

/**
 * Scenes, speech, objects and on-screen text as lanes under the player. Each block is a button
 * that seeks to its start and selects it, so it can be saved as a clip; clicking a lane's empty
 * track seeks to that point. The timeline is one Tab stop (a roving tabindex): the arrow keys
 * move along a lane and between lanes, so the keyboard doesn't walk through every block to get
 * past it.
 */
export function Timeline({
  rows,
  duration,
  videoId,
}: {
  rows: VideoTimelineRows;
  duration: number;
  videoId: string;
}) {
  const lanes = useMemo(() => buildLanes(rows, duration), [rows, duration]);
  const stageRows = useStageRows(videoId);
  const [selected, setSelected] = useState<SelectedBlock | null>(null);
  const firstWithBlocks = Math.max(
    0,
    lanes.findIndex((lane) => lane.blocks.length > 0),
  );
  const [cursor, setCursor] = useState<Cursor>({ lane: firstWithBlocks, block: 0 });
  const current =
    lanes[cursor.lane]?.blocks[cursor.block] !== undefined
      ? cursor
      : { lane: firstWithBlocks, block: 0 };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const next = moveCursor(lanes, current, e.key);
    if (!next) return;
    e.preventDefault();
    setCursor(next);
    e.currentTarget
      .querySelector<HTMLElement>(
        `[data-lane-index="${next.lane}"] [data-block-index="${next.block}"]`,
      )
      ?.focus();
  };
  const seekAtPointer = (e: MouseEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return; // A block handles its own click.
    const box = e.currentTarget.getBoundingClientRect();
    seekPlayer(((e.clientX - box.left) / box.width) * duration);
  };
  return (
    <section
      className="timeline"
      aria-label="Timeline (arrow keys move between blocks)"
      data-testid="video.timeline"
      onKeyDown={onKeyDown}
    >
      {lanes.map((lane, laneIndex) => (
        <div
          className="timeline__lane"
          key={lane.id}
          data-testid="timeline.lane"
          data-lane={lane.id}
          data-lane-index={laneIndex}
        >
          <span className="timeline__title" title={lane.title} data-testid="timeline.lane-title">
            {lane.title}
          </span>
          <div className="timeline__track" onClick={seekAtPointer}>
            {lane.blocks.length === 0 && (
              <span className="timeline__none">{emptyLaneText(lane.id, stageRows)}</span>
            )}
            {lane.blocks.map((block, i) => (
              <button
                key={i}
                type="button"
                className="timeline__block"
                style={{
                  left: percent(block.start, duration),
                  width: percent(block.end - block.start, duration),
                }}
                aria-label={block.label}
                title={block.label}
                tabIndex={current.lane === laneIndex && current.block === i ? 0 : -1}
                data-block-index={i}
                onFocus={() => setCursor({ lane: laneIndex, block: i })}
                onClick={() => {
                  seekPlayer(block.start);
                  setSelected({ start: block.start, end: block.end, label: block.label });
                }}
                data-testid="timeline.block"
              />
            ))}
            <Playhead duration={duration} />
          </div>
        </div>
      ))}
      <BlockClip videoId={videoId} block={selected} />
    </section>
  );
}
