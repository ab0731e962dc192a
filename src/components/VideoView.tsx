import { citedMoment } from '../features/chat';
import { useState } from 'react';
import { seekPlayer, showLibrary } from './navigation';
import type { VideoRecord } from '../shared/video-types';
import { formatDuration } from '../shared/format';
import { STAGE_NAMES } from '../shared/stages';
import { useStageRows } from '../store/analysis-store';
import { useLibraryStore } from '../store/library-store';
import { AnalysisStatus } from './AnalysisStatus';
import { ChapterList } from './ChapterList';
import { ChatPanel } from './ChatPanel';
import { ClipStatus } from './ClipStatus';
import { ExportMenu } from './ExportMenu';
import { Timeline } from './Timeline';
import { TranscriptPanel } from './TranscriptPanel';
import { SpeakerNames } from './SpeakerNames';
import { useTimelineRows } from './use-timeline-rows';
import { VideoPlayer } from './VideoPlayer';
import { ErrorBoundary } from './ErrorBoundary';

const TABS = ['chat', 'transcript'] as const;
type Tab = (typeof TABS)[number];

/** Why the transcript is empty, in the person's words. */
function useTranscriptEmptyText(video: VideoRecord): string {
  const transcript = useStageRows(video.id)[STAGE_NAMES.indexOf('transcript')];
  if (!video.hasAudio) return 'This video has no audio track, so there is nothing to transcribe.';
  if (transcript?.state === 'done') return 'Nothing is said in this video.';
  if (transcript?.state === 'failed') return `The transcript failed: ${transcript.detail ?? ''}`;
  return 'The transcript appears here as BRI listens to the audio.';
}

function VideoBody({ video }: { video: VideoRecord }) {
  const [tab, setTab] = useState<Tab>('chat');
  const { rows, error } = useTimelineRows(video.id);
  const emptyText = useTranscriptEmptyText(video);
  const tabButton = (id: Tab, label: string) => (
    <button
      type="button"
      role="tab"
      id={`video-tab-${id}`}
      aria-selected={tab === id}
      aria-controls={`video-panel-${id}`}
      className="tabs__tab"
      // The ARIA tabs pattern: one tab stop; the arrow keys move between the tabs.
      tabIndex={tab === id ? 0 : -1}
      onClick={() => setTab(id)}
      onKeyDown={(event) => {
        if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
        const next =
          TABS[
            (TABS.indexOf(id) + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length
          ] ?? id;
        setTab(next);
        document.getElementById(`video-tab-${next}`)?.focus();
      }}
      data-testid={`video.tab.${id}`}
    >
      {label}
    </button>
  );
  return (
    <div className="video-view__body">
      <div className="video-view__media">
        <VideoPlayer video={video} />
        {rows && <Timeline rows={rows} duration={video.duration} videoId={video.id} />}
        <ClipStatus />
      </div>
      <div className="video-view__side">
        <div className="tabs" role="tablist" aria-label="Chat or transcript">
          {tabButton('chat', 'Chat')}
          {tabButton('transcript', 'Transcript')}
        </div>
        {/* Both stay mounted, so an answer streaming in the chat survives a look at the transcript. */}
        <div
          role="tabpanel"
          id="video-panel-chat"
          aria-labelledby="video-tab-chat"
          hidden={tab !== 'chat'}
        >
          <ErrorBoundary label="the chat">
            <ChatPanel
              videoId={video.id}
              title="Ask about this video"
              onCite={(c) => seekPlayer(citedMoment(c))}
            />
          </ErrorBoundary>
        </div>
        <div
          role="tabpanel"
          id="video-panel-transcript"
          aria-labelledby="video-tab-transcript"
          hidden={tab !== 'transcript'}
        >
          {rows && <SpeakerNames videoId={video.id} rows={rows} />}
          <TranscriptPanel
            videoId={video.id}
            segments={rows?.transcript ?? []}
            languages={rows?.languages ?? []}
            emptyText={emptyText}
            speakerNames={rows?.speakers.names ?? {}}
          />
        </div>
      </div>
      {/* After the chat in the page's order (the keyboard reaches the question box sooner); on a
          wide screen it sits under the player. */}
      <div className="video-view__more">
        {rows && <ChapterList videoId={video.id} chapters={rows.chapters} />}
        {error && (
          <p className="card__error" role="alert">
            {error}
          </p>
        )}
        <AnalysisStatus videoId={video.id} />
      </div>
    </div>
  );
}

/** One video: the player with its timeline, the chat and transcript beside it, and exports. */
export function VideoView({ videoId }: { videoId: string }) {
  const video = useLibraryStore((s) => s.videos.find((v) => v.id === videoId));
  const loaded = useLibraryStore((s) => s.loaded);
  if (!video)
    return (
      <main className="page">
        <p className="library__empty">
          {loaded ? 'This video is no longer in your library.' : 'Opening…'}
        </p>
        <button type="button" className="button" onClick={showLibrary}>
          Back to the library
        </button>
      </main>
    );
  return (
    <main className="page video-view" data-testid="video.view">
      <div className="video-view__head">
        <button
          type="button"
          className="button button--quiet"
          onClick={showLibrary}
          data-testid="video.back"
        >
          ← Library
        </button>
        <h1 className="video-view__title">{video.name}</h1>
        <span className="video-view__meta">{formatDuration(video.duration)}</span>
        <ExportMenu video={video} />
      </div>
      <ErrorBoundary
        label="this video's view"
        actions={
          <button type="button" className="button button--small" onClick={showLibrary}>
            Back to the library
          </button>
        }
      >
        <VideoBody video={video} />
      </ErrorBoundary>
    </main>
  );
}
