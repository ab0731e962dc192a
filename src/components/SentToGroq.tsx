import { readSent, subscribeSent, type SentPurpose } from '../features/chat';
import { useSyncExternalStore } from 'react';
import { formatBytes } from '../shared/format';

const PURPOSES: Record<SentPurpose, string> = {
  chat: 'Chat answer',
  chapters: 'Make chapters',
  translation: 'Translate',
};

const time = (at: number) => new Date(at).toLocaleTimeString(undefined, { hour12: false });

/**
 * Diagnostics' ledger of what left this tab for Groq in this session: every request, what it
 * was for, where it went and its size, each body exactly as sent (closed until opened).
 */
export function SentToGroq() {
  const sent = useSyncExternalStore(subscribeSent, readSent);
  const total = sent.reduce((sum, entry) => sum + entry.bytes, 0);
  return (
    <section aria-labelledby="diag-sent" data-testid="diagnostics.sent">
      <h2 id="diag-sent">What was sent to Groq</h2>
      {sent.length === 0 ? (
        <p>Nothing has been sent to Groq in this session.</p>
      ) : (
        <>
          <p>
            {sent.length} {sent.length === 1 ? 'request' : 'requests'} in this session,{' '}
            {formatBytes(total)} in all — nothing else left this tab for Groq. Your video, its
            frames and its sound never do.
          </p>
          <ol className="diagnostics__sent">
            {sent.map((entry, i) => (
              <li key={`${entry.at}-${i}`} data-testid="diagnostics.sent-entry">
                <details>
                  <summary>
                    <span className="diagnostics__time">{time(entry.at)}</span>{' '}
                    <span data-testid="diagnostics.sent-purpose">{PURPOSES[entry.purpose]}</span> to{' '}
                    {entry.host} ·{' '}
                    <span data-testid="diagnostics.sent-bytes">
                      {entry.bytes.toLocaleString('en')}
                    </span>{' '}
                    bytes
                  </summary>
                  <pre data-testid="diagnostics.sent-body">{entry.body}</pre>
                </details>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
