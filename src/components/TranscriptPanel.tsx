import { formatTimestamp } from '../features/chat';
import { translationOf, type VideoTimelineRows } from '../features/video-view';
import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import { seekPlayer } from './navigation';
import { useViewStore } from '../store/view-store';
import { currentSegmentIndex } from './current-segment';
import { findWordRun, lastStartedWord } from '../shared/word-runs';
import { useTranslationStore } from '../store/translation-store';
import { TranslationControls } from './TranslationControls';
import { useTranslation } from './use-translation';
import { speakerName } from '../shared/speaker-turns';

type Segment = VideoTimelineRows['transcript'][number];

/**
 * Where a search lands: the first quoted word of the first segment shown whose words hold the
 * query, else that segment's start; null with nothing to find.
 */
function firstMatch(shown: { segment: Segment }[], query: string): number | null {
  if (!query) return null;
  for (const { segment } of shown) {
    const word = findWordRun(segment.words, query);
    if (word) return word.start;
  }
  return shown[0]?.segment.start ?? null;
}

/** The text with each case-insensitive occurrence of `query` marked. */
function Highlighted({ text, query }: { text: string; query: string }) {
  if (!query) return <>{text}</>;
  const parts = text.split(new RegExp(`(${query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`, 'gi'));
  return <>{parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part))}</>;
}

/**
 * Whether a word is set apart from the one before it. Words are stored trimmed, so the space
 * between them is put back here — except before punctuation that hangs on the word before.
 */
const spacedFromPrevious = (text: string) => !/^[\s,.;:!?%)\]}'’…]/.test(text);

/** A segment's words with the one being spoken marked (karaoke-style). */
function SpokenWords({ words, current }: { words: Segment['words']; current: number }) {
  return (
    <>
      {words.map((word, i) => {
        const text = i === 0 ? word.text.trimStart() : word.text;
        const gap = i > 0 && spacedFromPrevious(text) ? ' ' : '';
        return i === current ? (
          <Fragment key={i}>
            {gap}
            <mark className="transcript__word" data-testid="transcript.word-current">
              {text.trim()}
            </mark>
          </Fragment>
        ) : (
          gap + text
        );
      })}
    </>
  );
}

/** Each segment's text in the language shown: its translation where there is one. */
function useShownTexts(videoId: string, segments: readonly Segment[]) {
  const language = useTranslationStore((s) => s.shown[videoId] ?? null);
  const lines = useTranslation(videoId, language);
  return useMemo(
    () =>
      segments.map((segment) => {
        // A line split where the speaker changes carries its translation on its first part.
        const translated = segment.part === 0 ? translationOf(lines, segment) : null;
        return translated === null
          ? { text: segment.text, translated: false }
          : { text: translated, translated: true };
      }),
    [segments, lines],
  );
}

/**
 * What was said, searchable, as spoken or in a language it was translated into: each segment
 * seeks the player; the one being spoken is highlighted, its word being spoken marked (as
 * spoken), and kept in view while the video plays (not while the person searches). Enter in the
 * search jumps the player to the first word of the first match.
 */
export function TranscriptPanel({
  videoId,
  segments,
  languages,
  emptyText,
  speakerNames = {},
}: {
  videoId: string;
  segments: readonly Segment[];
  languages: readonly string[];
  emptyText: string;
  /** What the person calls each speaker (segments carry the speaker's number). */
  speakerNames?: Readonly<Record<string, string>>;
}) {
  const [query, setQuery] = useState('');
  const texts = useShownTexts(videoId, segments);
  // A number, so the list re-renders when the spoken segment changes, not on every time update.
  const current = useViewStore((s) => currentSegmentIndex(segments, s.playhead));
  const currentWord = useViewStore((s) =>
    lastStartedWord(segments[current]?.words ?? [], s.playhead),
  );
  const currentRef = useRef<HTMLButtonElement>(null);
  const trimmed = query.trim();
  const shown = useMemo(
    () =>
      segments
        .map((segment, index) => ({ segment, index }))
        .filter(
          ({ segment, index }) =>
            (texts[index]?.text ?? segment.text).toLowerCase().includes(trimmed.toLowerCase()) ||
            findWordRun(segment.words, trimmed) !== null,
        ),
    [segments, texts, trimmed],
  );

  useEffect(() => {
    if (!trimmed) currentRef.current?.scrollIntoView({ block: 'nearest' });
  }, [current, trimmed]);

  return (
    <section className="transcript" aria-label="Transcript" data-testid="transcript.panel">
      {segments.length > 0 && <TranslationControls videoId={videoId} languages={languages} />}
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          const at = firstMatch(shown, trimmed);
          if (at !== null) seekPlayer(at);
        }}
      >
        <input
          type="search"
          className="transcript__search"
          placeholder="Search the transcript (Enter jumps to it)"
          aria-label="Search the transcript"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="transcript.search"
        />
      </form>
      {segments.length === 0 && <p className="transcript__empty">{emptyText}</p>}
      {segments.length > 0 && shown.length === 0 && (
        <p className="transcript__empty">Nothing said matches “{trimmed}”.</p>
      )}
      <ol className="transcript__list">
        {shown.map(({ segment, index }, i) => {
          const shownText = texts[index] ?? { text: segment.text, translated: false };
          // A new speaker's turn starts with their name.
          const turn =
            segment.speaker !== null && shown[i - 1]?.segment.speaker !== segment.speaker
              ? speakerName(segment.speaker, speakerNames)
              : null;
          return (
            <li key={`${segment.start}-${index}`}>
              {turn && (
                <p className="transcript__turn" data-testid="transcript.turn">
                  {turn}
                </p>
              )}
              <button
                type="button"
                ref={index === current ? currentRef : undefined}
                className="transcript__segment"
                aria-current={index === current ? 'true' : undefined}
                onClick={() => seekPlayer(segment.start)}
                title={shownText.translated ? segment.text.trim() : undefined}
                data-translated={shownText.translated ? 'true' : undefined}
                data-testid="transcript.segment"
              >
                <span className="transcript__time">{formatTimestamp(segment.start)}</span>{' '}
                {index === current &&
                !trimmed &&
                !shownText.translated &&
                segment.words.length > 0 ? (
                  <SpokenWords words={segment.words} current={currentWord} />
                ) : (
                  <Highlighted text={shownText.text.trim()} query={trimmed} />
                )}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
