import { formatBytes } from '../shared/format';

/**
 * "What was sent": every request that left the device for one answer, exactly as sent to Groq
 * (the key travels in a header and is not part of them), with its size. Closed until opened.
 */
export function WhatWasSent({ sent }: { sent: { body: string; bytes: number }[] }) {
  const total = sent.reduce((sum, request) => sum + request.bytes, 0);
  return (
    <details className="chat__sent" data-testid="chat.sent">
      <summary>
        What was sent to Groq: {sent.length} {sent.length === 1 ? 'request' : 'requests'},{' '}
        {formatBytes(total)}
      </summary>
      {sent.map((request, i) => (
        <figure key={i}>
          <figcaption>
            Request {i + 1} of {sent.length} — {request.bytes.toLocaleString('en')} bytes
          </figcaption>
          <pre data-testid="chat.sent-body">{request.body}</pre>
        </figure>
      ))}
    </details>
  );
}
