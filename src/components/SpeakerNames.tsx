import { dismissSpeakerName, renameSpeaker, type VideoTimelineRows } from '../features/video-view';
import { useMemo, useState, type FormEvent } from 'react';
import { formatDuration } from '../shared/format';
import { suggestSpeakerNames, type NameSuggestion } from '../shared/speaker-suggestions';
import { speakerName, speakingTime } from '../shared/speaker-turns';
import { errorMessage } from '../shared/error-message';
import { formatTimestamp } from '../features/chat';

const WHY: Record<NameSuggestion['why'], string> = {
  'on screen': 'on screen',
  introduced: 'said by them',
};

/** One speaker: their name (press Rename to change it everywhere at once) and talk time. */
function SpeakerRow({
  videoId,
  speaker,
  name,
  seconds,
  suggestion,
}: {
  videoId: string;
  speaker: number;
  name: string;
  seconds: number;
  suggestion: NameSuggestion | undefined;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const save = (event: FormEvent) => {
    event.preventDefault();
    renameSpeaker(videoId, speaker, draft)
      .then(() => setEditing(false))
      .catch((e: unknown) => setError(`Not renamed: ${errorMessage(e)}`));
  };
  return (
    <li className="speakers__row" data-testid="speakers.row" data-speaker={speaker}>
      {editing ? (
        <form className="speakers__rename" onSubmit={save}>
          <input
            value={draft}
            maxLength={80}
            aria-label={`New name for ${name}`}
            onChange={(e) => setDraft(e.target.value)}
            autoFocus
            onFocus={(e) => e.target.select()}
            data-testid="speakers.name-input"
          />
          <button type="submit" className="button button--small" data-testid="speakers.save">
            Save
          </button>
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => setEditing(false)}
          >
            Cancel
          </button>
        </form>
      ) : (
        <>
          <span className="speakers__name" data-testid="speakers.name">
            {name}
          </span>{' '}
          <span className="speakers__time">{formatDuration(seconds)}</span>{' '}
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => {
              setDraft(name);
              setEditing(true);
            }}
            aria-label={`Rename ${name}`}
            data-testid="speakers.rename"
          >
            Rename
          </button>
        </>
      )}
      {suggestion && !editing && (
        <p className="speakers__suggestion" data-testid="speakers.suggestion">
          Suggested: <strong>{suggestion.name}</strong> ({WHY[suggestion.why]} at{' '}
          {formatTimestamp(suggestion.at)}: “{suggestion.evidence}”){' '}
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              void renameSpeaker(videoId, speaker, suggestion.name).catch((e: unknown) =>
                setError(`Not renamed: ${errorMessage(e)}`),
              )
            }
            data-testid="speakers.accept"
          >
            Use it
          </button>{' '}
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => void dismissSpeakerName(videoId, speaker, suggestion.name)}
            data-testid="speakers.dismiss"
          >
            No
          </button>
        </p>
      )}
      {error && (
        <p className="settings__error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/**
 * The speakers told apart in a video, with how long each spoke: each can be renamed (the
 * transcript, timeline, exports and answers change at once), and a name BRI can justify — a name
 * tag on screen while they talk alone, or their own "I'm Dana" — is offered, never applied
 * without a yes. Nothing shows for one voice.
 */
export function SpeakerNames({ videoId, rows }: { videoId: string; rows: VideoTimelineRows }) {
  const { turns, names, dismissed } = rows.speakers;
  const suggestions = useMemo(
    () =>
      suggestSpeakerNames({ turns, onScreen: rows.texts, said: rows.transcript, names, dismissed }),
    [turns, rows.texts, rows.transcript, names, dismissed],
  );
  const speakers = useMemo(() => speakingTime(turns), [turns]);
  if (speakers.length < 2) return null;
  return (
    <section className="speakers" aria-label="Speakers" data-testid="speakers.panel">
      <h3 className="speakers__title">Speakers</h3>
      <ul className="speakers__list">
        {[...speakers]
          .sort((a, b) => a.speaker - b.speaker)
          .map(({ speaker, seconds }) => (
            <SpeakerRow
              key={speaker}
              videoId={videoId}
              speaker={speaker}
              name={speakerName(speaker, names)}
              seconds={seconds}
              suggestion={suggestions.find((s) => s.speaker === speaker)}
            />
          ))}
      </ul>
    </section>
  );
}
