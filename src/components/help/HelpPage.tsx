import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { showLibrary } from '../navigation';
import USER_GUIDE from './user-guide.md?raw';

/** One section of the guide: its heading's text, as an id for the contents. */
const sectionId = (title: string) =>
  `help-${title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;

const SECTIONS = [...USER_GUIDE.matchAll(/^## (.+)$/gm)].map((m) => m[1] ?? '');

/**
 * The user guide (`#/help`), bundled with the app so it reads offline. It is BRI's own text, so
 * it is rendered as Markdown without the chat's citation handling; links open in a new tab.
 */
export function HelpPage() {
  return (
    <main className="page help" data-testid="help.page">
      <div className="video-view__head">
        <button type="button" className="button button--quiet" onClick={showLibrary}>
          ← Library
        </button>
      </div>
      <nav className="help__contents" aria-label="Help contents">
        <ul>
          {SECTIONS.map((title) => (
            <li key={title}>
              <a href={`#${sectionId(title)}`} onClick={jumpTo(sectionId(title))}>
                {title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <article className="help__text">
        <Markdown
          remarkPlugins={[remarkGfm]}
          components={{
            h2: ({ children }) => <h2 id={sectionId(String(children))}>{children}</h2>,
            a: ({ href, children }) => (
              <a href={href} target="_blank" rel="noreferrer noopener">
                {children}
              </a>
            ),
          }}
        >
          {USER_GUIDE}
        </Markdown>
      </article>
    </main>
  );
}

/**
 * The contents' links scroll to their section without touching the address (the hash is the
 * page's route: `#/help` must stay, so Back and reload keep the guide open).
 */
function jumpTo(id: string) {
  return (event: React.MouseEvent) => {
    event.preventDefault();
    document.getElementById(id)?.scrollIntoView({ block: 'start' });
  };
}
