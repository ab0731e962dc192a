import { openVideoFile } from '../features/library';
import { useEffect, useRef, useState } from 'react';
import type { VideoRecord } from '../shared/video-types';
import { useViewStore } from '../store/view-store';
import { usePosterUrl } from './usePosterUrl';
import { errorMessage } from '../shared/error-message';
import { hasPicture } from '../shared/video-types';

/** The video itself, played from this device; seeks when a citation asks for a moment. */
export function VideoPlayer({ video }: { video: VideoRecord }) {
  const ref = useRef<HTMLVideoElement>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The browser can't decode the picture (HEVC on most desktops, MPEG-2, ProRes…): the index was
  // made with ffmpeg.wasm, so everything else works; the person is told why the player is blank.
  const [unplayable, setUnplayable] = useState(false);
  const seekTo = useViewStore((s) => s.seekTo);
  // The poster shows until the first frame is decoded (preload="metadata" decodes none).
  const posterUrl = usePosterUrl(video.id);

  useEffect(() => {
    let created: string | null = null;
    openVideoFile(video.id, video.storage)
      .then((file) => {
        created = URL.createObjectURL(file);
        setUrl(created);
      })
      .catch((e: unknown) => setError(`The video file can't be opened: ${errorMessage(e)}`));
    return () => {
      if (created) URL.revokeObjectURL(created);
    };
  }, [video.id, video.storage]);

  useEffect(() => {
    const element = ref.current;
    if (!element || !seekTo || !url) return;
    const apply = () => {
      element.currentTime = seekTo.t;
    };
    showOnScreen(element);
    if (element.readyState >= 1) apply();
    else element.addEventListener('loadedmetadata', apply, { once: true });
  }, [seekTo, url]);

  if (error)
    return (
      <p className="card__error" role="alert">
        {error}
      </p>
    );
  return (
    <>
      <video
        ref={ref}
        className="player"
        src={url ?? undefined}
        poster={posterUrl ?? undefined}
        controls
        // No overflow menu of extras (download, speed, cast, picture-in-picture): fewer Tab stops
        // between the title and the chat, and nothing that saves the file outside BRI.
        controlsList="nodownload noplaybackrate noremoteplayback"
        disablePictureInPicture
        playsInline
        preload="metadata"
        data-testid="player.video"
        onTimeUpdate={(e) => useViewStore.setState({ playhead: e.currentTarget.currentTime })}
        onSeeked={(e) => useViewStore.setState({ playhead: e.currentTarget.currentTime })}
        onError={() => setUnplayable(hasPicture(video))}
        // Chromium opens a file whose picture it can't decode as sound only: no error, no width.
        onLoadedMetadata={(e) =>
          setUnplayable(hasPicture(video) && e.currentTarget.videoWidth === 0)
        }
        aria-label={`Video: ${video.name}`}
      />
      {unplayable && (
        <p className="player__notice" role="status" data-testid="player.unplayable">
          This browser can’t play this video’s picture ({video.videoCodec.toUpperCase()}). BRI
          analysed it with its own decoder, so the timeline, transcript, frames and chat all work;
          cited moments show the frames from the index.
        </p>
      )}
    </>
  );
}

/**
 * Brings the player into view when a jump lands while it is off screen — a citation pressed at
 * the foot of a phone's chat, a transcript line far below it — so the press visibly does
 * something. A player already in view doesn't move the page.
 */
function showOnScreen(element: HTMLElement): void {
  const box = element.getBoundingClientRect();
  if (box.top >= 0 && box.bottom <= window.innerHeight) return;
  const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  element.scrollIntoView({ block: 'start', behavior: still ? 'instant' : 'smooth' });
}
