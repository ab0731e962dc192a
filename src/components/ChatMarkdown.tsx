import { type Citation } from '../features/chat';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { CitationButton } from './CitationButton';
import { CITATION_END, CITATION_LABEL, remarkCitations } from './remark-citations';

/** Only web links: no javascript:, data:, file: or app-relative URLs from a model's answer. */
export function safeLinkUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : '';
  } catch {
    return '';
  }
}

function elementsFor(citations: Citation[], onCite: (citation: Citation) => void): Components {
  return {
    // Only remark-citations makes buttons: the model's raw HTML never becomes elements.
    button: ({ node }) => {
      const label = node?.properties?.[CITATION_LABEL];
      const citation = citations.find((c) => c.label === label);
      if (!citation) return <>{label}</>;
      if (citation.confirmed === false)
        return (
          <span
            className="citation--unconfirmed"
            data-testid="chat.unconfirmed"
            title={citation.why}
          >
            {label} <em>(not confirmed{citation.why ? `: ${citation.why}` : ''})</em>
          </span>
        );
      const endLabel = node?.properties?.[CITATION_END];
      const until = endLabel ? citations.find((c) => c.label === endLabel) : undefined;
      return <CitationButton citation={citation} until={until} onCite={onCite} />;
    },
    a: ({ href, children }) =>
      href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {children}
        </a>
      ) : (
        <span>{children}</span>
      ),
    // A remote image would tell its host that this answer was read: show its description instead.
    img: ({ alt }) => (alt ? <span className="chat__image-alt">[{alt}]</span> : null),
    table: ({ children }) => (
      <div className="chat__table">
        <table>{children}</table>
      </div>
    ),
    // Headings inside an answer sit below the page's own: one size, no document outline.
    h1: ({ children }) => <h4>{children}</h4>,
    h2: ({ children }) => <h4>{children}</h4>,
    h3: ({ children }) => <h4>{children}</h4>,
  };
}

/**
 * The model's Markdown as React elements — headings, nested lists, tables, links, code blocks
 * (GitHub-flavoured, via react-markdown + remark-gfm) — with each checked `[mm:ss]` as a citation
 * button. Raw HTML in the answer is shown as text, never parsed, so nothing can inject markup;
 * links open only http(s) pages, in a new tab without an opener or referrer.
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
  return (
    <Markdown
      remarkPlugins={[remarkGfm, [remarkCitations, { citations }]]}
      urlTransform={safeLinkUrl}
      components={elementsFor(citations, onCite)}
    >
      {text}
    </Markdown>
  );
}
