import { TIMESTAMP, type Citation } from '../features/chat';
import { findAndReplace } from 'mdast-util-find-and-replace';
import type { Root, Text } from 'mdast';

/** The element a checked moment becomes; ChatMarkdown renders it as a CitationButton. */
export const CITATION_ELEMENT = 'button';
/** The property that marks that element as a citation and carries its label. */
export const CITATION_LABEL = 'dataCitation';

/** A checked moment in the Markdown tree (its own node type: text nodes get merged). */
interface CitationNode {
  type: 'citation';
  children: Text[];
  data: { hName: string; hProperties: Record<string, string> };
}

declare module 'mdast' {
  interface PhrasingContentMap {
    citation: CitationNode;
  }
}

/**
 * A remark plugin: every `[mm:ss]` in the answer's text (never inside code) that is one of the
 * checked `citations` becomes a citation element; a moment no tool returned stays plain text.
 * It matches with the same pattern that `checkCitations` uses, so both agree on what a moment is.
 */
export function remarkCitations({ citations }: { citations: Citation[] }) {
  const labels = new Set(citations.map((c) => c.label));
  return (tree: Root) => {
    findAndReplace(tree, [
      new RegExp(TIMESTAMP.source, 'g'),
      (label: string) =>
        labels.has(label)
          ? {
              type: 'citation',
              children: [{ type: 'text', value: label }],
              data: { hName: CITATION_ELEMENT, hProperties: { [CITATION_LABEL]: label } },
            }
          : false,
    ]);
  };
}
