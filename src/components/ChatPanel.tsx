import { type Citation, wipeMemory } from '../features/chat';
import { useState, type FormEvent } from 'react';
import { SaveHighlights } from './SaveHighlights';
import { ChatMarkdown } from './ChatMarkdown';
import { WhatWasSent } from './WhatWasSent';
import { ConfirmDialog } from './ConfirmDialog';
import { StillProcessingNotice } from './StillProcessingNotice';
import { useChatTurns } from './useChatTurns';

/** The conversation about one video (or, with `videoId` null, the whole library). */
export function ChatPanel({
  videoId,
  onCite,
  title,
}: {
  videoId: string | null;
  onCite: (citation: Citation) => void;
  title: string;
}) {
  const { turns, draft, setDraft, pending, error, send, stop, reload } = useChatTurns(videoId);
  const [confirmWipe, setConfirmWipe] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(draft);
  };
  const last = turns.at(-1);

  return (
    <section className="chat" aria-label={title}>
      <div className="chat__head">
        <h2>{title}</h2>
        {turns.length > 0 && (
          <button
            type="button"
            className="button button--quiet button--small"
            data-testid="chat.wipe"
            onClick={() => setConfirmWipe(true)}
          >
            Forget conversation
          </button>
        )}
      </div>
      <ol className="chat__log" aria-live="polite">
        {turns.map((turn) => (
          <li key={turn.id} className="chat__turn">
            <p className="chat__question">{turn.question}</p>
            <div className="chat__answer" data-testid="chat.message" data-mode={turn.mode}>
              <ChatMarkdown text={turn.answer} citations={turn.citations} onCite={onCite} />
            </div>
            {videoId && <SaveHighlights videoId={videoId} citations={turn.citations} />}
            {turn.sent && <WhatWasSent sent={turn.sent} />}
          </li>
        ))}
        {pending && (
          <li className="chat__turn">
            <p className="chat__question">{pending.question}</p>
            <div
              className="chat__answer chat__answer--pending"
              aria-busy="true"
              data-testid="chat.pending"
            >
              {pending.streamed || pending.status || 'Looking through the video…'}
            </div>
          </li>
        )}
      </ol>
      {videoId && (pending ?? last) && (
        <StillProcessingNotice videoId={videoId} question={(pending ?? last)?.question ?? ''} />
      )}
      {error && (
        <div className="chat__error" role="alert" data-testid="chat.error">
          <p>{error.message}</p>
          <button
            type="button"
            className="button button--small"
            data-testid="chat.retry"
            onClick={() => void send(error.question)}
          >
            Try again
          </button>
        </div>
      )}
      {!pending && last && last.suggestions.length > 0 && (
        <div className="chat__suggestions" aria-label="Suggested questions">
          {last.suggestions.map((suggestion) => (
            <button
              key={suggestion}
              type="button"
              className="chip"
              data-testid="chat.suggestion"
              onClick={() => void send(suggestion)}
            >
              {suggestion}
            </button>
          ))}
        </div>
      )}
      <form className="chat__form" onSubmit={submit}>
        <label className="visually-hidden" htmlFor={`chat-input-${videoId ?? 'library'}`}>
          {videoId ? 'Your question about this video' : 'Your question about all your videos'}
        </label>
        <input
          id={`chat-input-${videoId ?? 'library'}`}
          value={draft}
          placeholder={videoId ? 'Ask about this video…' : 'Ask across all your videos…'}
          onChange={(event) => setDraft(event.target.value)}
          data-testid="chat.input"
          autoComplete="off"
        />
        {/* Separate keys: reusing one <button> would turn Stop into a submit button while its
            click is still being handled, and the stopped question would be asked again. */}
        {pending ? (
          <button
            key="stop"
            type="button"
            className="button"
            data-testid="chat.stop"
            onClick={stop}
          >
            Stop
          </button>
        ) : (
          <button
            key="send"
            type="submit"
            className="button"
            data-testid="chat.send"
            disabled={!draft.trim()}
          >
            Ask
          </button>
        )}
      </form>
      {confirmWipe && (
        <ConfirmDialog
          title="Forget this conversation?"
          message="BRI will forget every question and answer here. The video and its analysis stay."
          confirmLabel="Forget it"
          onConfirm={() => {
            setConfirmWipe(false);
            void wipeMemory(videoId).then(reload);
          }}
          onCancel={() => setConfirmWipe(false)}
        />
      )}
    </section>
  );
}
