import { TIMESTAMP, type Citation } from '../features/chat';
import { findAndReplace } from 'mdast-util-find-and-replace';
import type { Root, Text } from 'mdast';

/** The element a checked moment becomes; ChatMarkdown renders it as a CitationButton. */
export const CITATION_ELEMENT = 'button';
/** The property that marks that element as a citation and carries its label. */
export const CITATION_LABEL = 'dataCitation';
/** On a range ("[01:10]–[01:20]"): the label of its end. */
export const CITATION_END = 'dataCitationEnd';

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
  const citation = (value: string, properties: Record<string, string>): CitationNode => ({
    type: 'citation',
    children: [{ type: 'text', value }],
    data: { hName: CITATION_ELEMENT, hProperties: properties },
  });
  // A stretch written as two moments ("[01:10]–[01:20]", "[01:10] to [01:20]") is one control.
  const range = new RegExp(`(${TIMESTAMP.source})\\s*(?:–|—|-|to)\\s*(${TIMESTAMP.source})`, 'g');
  return (tree: Root) => {
    findAndReplace(tree, [
      [
        range,
        (whole: string, start: string, ...rest: string[]) => {
          // The groups of the two TIMESTAMPs: the end's whole label follows the start's parts.
          const end = rest[3] ?? '';
          return labels.has(start) && labels.has(end)
            ? citation(whole, { [CITATION_LABEL]: start, [CITATION_END]: end })
            : false;
        },
      ],
      [
        new RegExp(TIMESTAMP.source, 'g'),
        (label: string) =>
          labels.has(label) ? citation(label, { [CITATION_LABEL]: label }) : false,
      ],
    ]);
  };
}
