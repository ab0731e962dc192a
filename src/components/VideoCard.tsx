import { deleteWithUndo, downloadBackup } from '../features/library';
import { hasPicture } from '../shared/video-types';
import { useState } from 'react';
import type { VideoRecord } from '../shared/video-types';
import { formatBytes, formatDate, formatDuration } from '../shared/format';
import { AnalysisStatus } from './AnalysisStatus';
import { ConfirmDialog } from './ConfirmDialog';
import { RenameVideo } from './RenameVideo';
import { StatusBadge } from './StatusBadge';
import { usePosterUrl } from './usePosterUrl';
import { errorMessage } from '../shared/error-message';

/** One video in the library grid: poster, name, duration, size, date, delete. */
export function VideoCard({ video }: { video: VideoRecord }) {
  const posterUrl = usePosterUrl(video.id);
  const href = `#/video/${encodeURIComponent(video.id)}`;
  const [confirming, setConfirming] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

  const confirmDelete = () => {
    setConfirming(false);
    // The card goes at once; the undo strip above the grid can bring it back for a few seconds.
    deleteWithUndo(video.id, video.name).catch(() => undefined);
  };

  return (
    <li className="card" data-testid="library.card" data-video-id={video.id}>
      {/* The poster opens the video too; the title's link is the one keyboards and readers use. */}
      <a
        className="card__poster"
        href={href}
        tabIndex={-1}
        aria-hidden="true"
        data-testid="library.poster"
      >
        {posterUrl ? <img src={posterUrl} alt="" /> : <div className="card__poster-placeholder" />}
        <span
          className="card__duration"
          data-testid="library.duration"
          aria-label={`Duration ${formatDuration(video.duration)}`}
        >
          {formatDuration(video.duration)}
        </span>
      </a>
      <div className="card__body">
        <RenameVideo video={video}>
          <h3 className="card__title" title={video.name}>
            <a href={href} data-testid="library.open">
              {video.name}
            </a>
          </h3>
        </RenameVideo>
        <StatusBadge videoId={video.id} />
        <p className="card__meta">
          <span data-testid="library.dimensions">
            {hasPicture(video) ? `${video.width}×${video.height}` : 'Sound only'}
          </span>
          <span aria-hidden> · </span>
          <span data-testid="library.size">{formatBytes(video.size)}</span>
          <span aria-hidden> · </span>
          <time dateTime={new Date(video.createdAt).toISOString()}>
            {formatDate(video.createdAt)}
          </time>
        </p>
        {!video.hasAudio && <p className="card__note">No audio track</p>}
        <AnalysisStatus videoId={video.id} compact />
        <button
          type="button"
          className="button button--quiet button--small"
          data-testid="library.export"
          aria-label={`Export .bri of ${video.name}`}
          onClick={() => {
            const base = video.name.replace(/\.[^.]+$/, '');
            downloadBackup([video.id], `${base}.bri`).catch((error: unknown) =>
              setExportError(`Couldn't export: ${errorMessage(error)}`),
            );
          }}
        >
          Export .bri
        </button>
        {exportError && (
          <p className="card__error" role="alert">
            {exportError}
          </p>
        )}
      </div>
      <button
        type="button"
        className="card__delete"
        data-testid="library.delete"
        aria-label={`Delete ${video.name}`}
        onClick={() => setConfirming(true)}
      >
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden>
          <path
            fill="currentColor"
            d="M9 3h6l1 2h4v2H4V5h4l1-2Zm-3 6h12l-1 12H7L6 9Zm4 2v8h2v-8h-2Zm4 0v8h2v-8h-2Z"
          />
        </svg>
      </button>
      {confirming && (
        <ConfirmDialog
          title="Delete this video?"
          message={`“${video.name}” and everything BRI learned about it will be removed from this device (you can undo for a few seconds).`}
          confirmLabel="Delete"
          onConfirm={confirmDelete}
          onCancel={() => setConfirming(false)}
        />
      )}
    </li>
  );
}
