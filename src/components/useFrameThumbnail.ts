import { nearestFrameImage } from '../features/video-view';
import { useEffect, useState } from 'react';

/** The stored frame nearest `t` of a video, as an image URL this hook owns (revoked when unused). */
export function useFrameThumbnail(videoId: string, t: number): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let current: string | null = null;
    let live = true;
    void nearestFrameImage(videoId, t).then((blob) => {
      if (!blob || !live) return;
      current = URL.createObjectURL(blob);
      setUrl(current);
    });
    return () => {
      live = false;
      if (current) URL.revokeObjectURL(current);
    };
  }, [videoId, t]);
  return url;
}
