import { useEffect, useState } from 'react';
import { APP_TOOL_CONTEXT } from '../tools/app-context';
import { executeTool } from '../tools/registry';

/** The stored frame nearest `t` of a video, as an image URL (revoked when no longer shown). */
export function useFrameThumbnail(videoId: string, t: number): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let current: string | null = null;
    let live = true;
    void executeTool('get_frame', { video_id: videoId, t }, APP_TOOL_CONTEXT).then((outcome) => {
      if (!outcome.ok) return;
      current = (outcome.result as { thumbnail_url: string }).thumbnail_url;
      if (live) setUrl(current);
      else URL.revokeObjectURL(current);
    });
    return () => {
      live = false;
      if (current) URL.revokeObjectURL(current);
    };
  }, [videoId, t]);
  return url;
}
