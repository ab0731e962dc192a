import {
  AgentError,
  LIBRARY_SCOPE,
  askBri,
  listChatTurns,
  type ChatTurnRecord,
  type Citation,
  wipeMemory,
} from '../features/chat';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslationStore } from '../store/translation-store';
import { SaveHighlights } from './SaveHighlights';
import { ChatMarkdown } from './ChatMarkdown';
import { WhatWasSent } from './WhatWasSent';
import { ConfirmDialog } from './ConfirmDialog';
import { StillProcessingNotice } from './StillProcessingNotice';
import { errorMessage } from '../shared/error-message';

interface Pending {
  question: string;
  streamed: string;
  /** What BRI is doing before the answer streams (a span looked at first). */
  status: string;
}

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
  const [turns, setTurns] = useState<ChatTurnRecord[]>([]);
  const [draft, setDraft] = useState('');
  const [pending, setPending] = useState<Pending | null>(null);
  // Every failure keeps the question and offers to ask again (after fixing the key, say).
  const [error, setError] = useState<{ message: string; question: string } | null>(null);
  const [confirmWipe, setConfirmWipe] = useState(false);
  // Stop: ends the model call and any tool still running (look_again's models included).
  const stopper = useRef<AbortController | null>(null);

  // Bumped after each answer or wipe: the conversation is read again from the database.
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);
  useEffect(() => {
    let live = true;
    void listChatTurns(videoId ?? LIBRARY_SCOPE).then((rows) => {
      if (live) setTurns(rows);
    });
    return () => {
      live = false;
    };
  }, [videoId, version]);

  const send = async (question: string) => {
    const asked = question.trim();
    if (!asked || pending) return;
    setError(null);
    setDraft('');
    setPending({ question: asked, streamed: '', status: '' });
    const controller = new AbortController();
    stopper.current = controller;
    let step = 0;
    try {
      await askBri(videoId, asked, {
        signal: controller.signal,
        answerLanguage: videoId ? useTranslationStore.getState().shown[videoId] : undefined,
        onStatus: (status) => setPending((p) => p && { ...p, status }),
        onToken: (token, at) => {
          // A new model call starts a new answer (what came before was its tool planning).
          const reset = at !== step;
          step = at;
          setPending((p) => p && { ...p, streamed: reset ? token : p.streamed + token });
        },
      });
      reload();
    } catch (caught) {
      setDraft(asked);
      if (controller.signal.aborted) return; // Stopped: the question is back in the box.
      const failure = caught instanceof AgentError ? caught.failure : null;
      setError({
        message: failure?.message ?? `BRI could not answer: ${errorMessage(caught)}`,
        question: asked,
      });
    } finally {
      stopper.current = null;
      setPending(null);
    }
  };

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
            Wipe memory
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
          Your question
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
            onClick={() => stopper.current?.abort(new DOMException('Stopped', 'AbortError'))}
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
          title="Wipe this conversation?"
          message="BRI will forget every question and answer here. The video and its analysis stay."
          confirmLabel="Wipe memory"
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
