import { getPoster } from '../features/library';
import { useEffect, useState } from 'react';

/** An object URL for a video's poster, revoked when the card goes away. */
export function usePosterUrl(videoId: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let objectUrl: string | null = null;
    let cancelled = false;
    void getPoster(videoId).then((poster) => {
      if (cancelled || !poster) return;
      objectUrl = URL.createObjectURL(poster.blob);
      setUrl(objectUrl);
    });
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [videoId]);
  return url;
}
