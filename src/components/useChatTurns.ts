import {
  AgentError,
  LIBRARY_SCOPE,
  askBri,
  listChatTurns,
  type ChatTurnRecord,
} from '../features/chat';
import { useEffect, useRef, useState } from 'react';
import { useTranslationStore } from '../store/translation-store';
import { errorMessage } from '../shared/error-message';

interface Pending {
  question: string;
  streamed: string;
  /** What BRI is doing before the answer streams (a span looked at first). */
  status: string;
}

/**
 * A conversation's turns and the one being asked: the stored turns (read again after each answer
 * or wipe), the question in the box, the answer streaming in (with what BRI is doing before it
 * streams), Stop, and a failure that keeps the question to ask again.
 */
export function useChatTurns(videoId: string | null) {
  const [turns, setTurns] = useState<ChatTurnRecord[]>([]);
  const [draft, setDraft] = useState('');
  const [pending, setPending] = useState<Pending | null>(null);
  // Every failure keeps the question and offers to ask again (after fixing the key, say).
  const [error, setError] = useState<{ message: string; question: string } | null>(null);
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

  const stop = () => stopper.current?.abort(new DOMException('Stopped', 'AbortError'));
  return { turns, draft, setDraft, pending, error, send, stop, reload };
}
