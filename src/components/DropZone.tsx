import { expectImport, importFiles } from '../features/library';
import { useRef, useState, type DragEvent } from 'react';

/** What the picker offers; the real check is by content (see src/shared/sniff-container.ts). */
const ACCEPT =
  'video/*,audio/*,.mp4,.m4v,.m4a,.mov,.3gp,.mkv,.webm,.avi,.ts,.m2ts,.mts,.flv,.ogv,.ogg,.opus,.mp3,.wav,.flac,.aac,.bri';

function filesFrom(event: DragEvent): File[] {
  return Array.from(event.dataTransfer.files);
}

/** Drag-and-drop target and file picker for adding videos to the library. */
export function DropZone() {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  return (
    <section
      className={`dropzone${dragging ? ' dropzone--active' : ''}`}
      data-testid="library.drop"
      aria-label="Add videos"
      onDragEnter={expectImport}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        importFiles(filesFrom(event));
      }}
    >
      <svg className="dropzone__icon" viewBox="0 0 48 48" width="48" height="48" aria-hidden>
        <rect
          x="6"
          y="10"
          width="36"
          height="28"
          rx="6"
          fill="none"
          stroke="currentColor"
          strokeWidth="3"
        />
        <path d="M21 18v12l10-6z" fill="currentColor" />
      </svg>
      <p className="dropzone__title">Drop a video here</p>
      <p className="dropzone__hint">
        MP4, MOV, MKV, WebM or AVI — it stays on this device. A BRI backup (.bri) restores its
        videos.
      </p>
      <button
        type="button"
        className="button"
        onClick={() => {
          expectImport();
          input.current?.click();
        }}
      >
        Choose a video…
      </button>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        multiple
        hidden
        data-testid="library.file-input"
        aria-label="Choose video files"
        onChange={(event) => {
          importFiles(Array.from(event.currentTarget.files ?? []));
          event.currentTarget.value = '';
        }}
      />
    </section>
  );
}
