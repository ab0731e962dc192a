import { watchTranslation } from '../features/video-view';
import { useEffect, useState } from 'react';

/**
 * The lines of a video's transcript translated into `language` (null: none shown), by segment
 * key, kept current as batches land. A line whose transcript changed since is left out.
 */
export function useTranslation(
  videoId: string,
  language: string | null,
): ReadonlyMap<string, { source: string; text: string }> | null {
  const [state, setState] = useState<{
    for: string;
    lines: Map<string, { source: string; text: string }>;
  } | null>(null);
  const wanted = language ? `${videoId}|${language}` : null;
  useEffect(() => {
    if (!language) return;
    return watchTranslation(
      videoId,
      language,
      (rows) =>
        setState({
          for: `${videoId}|${language}`,
          lines: new Map(rows.map((r) => [r.key, { source: r.source, text: r.text }])),
        }),
      () => setState(null),
    );
  }, [videoId, language]);
  return wanted && state?.for === wanted ? state.lines : null;
}
