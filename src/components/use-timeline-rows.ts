import { type VideoTimelineRows, watchTimelineRows } from '../features/video-view';
import { useEffect, useState } from 'react';
import { errorMessage } from '../shared/error-message';

/** A video's timeline and transcript rows, kept current while it is analysed (null: loading). */
export function useTimelineRows(videoId: string): {
  rows: VideoTimelineRows | null;
  error: string | null;
} {
  // Keyed by video, so another video's rows never show while the new ones load.
  const [state, setState] = useState<{ videoId: string; rows: VideoTimelineRows } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(
    () =>
      watchTimelineRows(
        videoId,
        (rows) => setState({ videoId, rows }),
        (e: unknown) => setError(`The index can't be read: ${errorMessage(e)}`),
      ),
    [videoId],
  );
  return { rows: state?.videoId === videoId ? state.rows : null, error };
}
