import type { ReactNode } from 'react';
import type { Citation } from '../agent/citations';
import { CitationButton } from './CitationButton';

/**
 * The model's Markdown as React elements — paragraphs, lists, **bold**, *italic*, `code` — and
 * each checked `[mm:ss]` as a citation button. No HTML from the model ever reaches the DOM: text
 * is rendered as text, so nothing needs sanitising and nothing can inject markup.
 */
export function ChatMarkdown({
  text,
  citations,
  onCite,
}: {
  text: string;
  citations: Citation[];
  onCite: (citation: Citation) => void;
}) {
  const inline = (line: string, key: string): ReactNode[] =>
    line
      .split(/(\*\*[^*]+\*\*|\*[^*\s][^*]*\*|`[^`]+`|\[\d{1,2}(?::\d{2}){1,2}\])/g)
      .map((part, i) => {
        const k = `${key}-${i}`;
        if (/^\*\*.+\*\*$/.test(part)) return <strong key={k}>{part.slice(2, -2)}</strong>;
        if (/^\*.+\*$/.test(part)) return <em key={k}>{part.slice(1, -1)}</em>;
        if (/^`.+`$/.test(part)) return <code key={k}>{part.slice(1, -1)}</code>;
        const cited = citations.find((c) => c.label === part);
        if (cited) return <CitationButton key={k} citation={cited} onCite={onCite} />;
        return part;
      });
  const blocks = text.trim().split(/\n\s*\n/);
  return (
    <>
      {blocks.map((block, b) => {
        const lines = block.split('\n');
        const bullet = /^\s*(?:[-*•]|\d+[.)])\s+/;
        if (lines.every((line) => bullet.test(line))) {
          const ordered = /^\s*\d/.test(lines[0] ?? '');
          const items = lines.map((line, i) => (
            <li key={i}>{inline(line.replace(bullet, ''), `${b}-${i}`)}</li>
          ));
          return ordered ? <ol key={b}>{items}</ol> : <ul key={b}>{items}</ul>;
        }
        // A heading line followed by a list, as answers often are.
        const listStart = lines.findIndex((line) => bullet.test(line));
        if (listStart > 0 && lines.slice(listStart).every((line) => bullet.test(line)))
          return (
            <div key={b}>
              <p>{inline(lines.slice(0, listStart).join(' '), `${b}-p`)}</p>
              <ul>
                {lines.slice(listStart).map((line, i) => (
                  <li key={i}>{inline(line.replace(bullet, ''), `${b}-${i}`)}</li>
                ))}
              </ul>
            </div>
          );
        return <p key={b}>{inline(lines.join(' '), `${b}`)}</p>;
      })}
    </>
  );
}
