import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { checkCitations, type Citation } from '../../../src/agent/citations';
import type { ToolCallRecord } from '../../../src/agent/chat-types';
import { ChatMarkdown, safeLinkUrl } from '../../../src/components/ChatMarkdown';

const VIDEO = 'v1';
const cite = (label: string, t: number): Citation => ({ video_id: VIDEO, t, label });

function render(text: string, citations: Citation[] = []): string {
  return renderToStaticMarkup(<ChatMarkdown text={text} citations={citations} onCite={() => {}} />);
}

/** The citation buttons' labels, in order. */
const citedLabels = (html: string) =>
  [...html.matchAll(/<button[^>]*data-testid="chat\.citation"[^>]*data-t="([\d.]+)"/g)].map(
    (m) => m[1],
  );

describe('ChatMarkdown renders answers as Groq models write them', () => {
  it('a heading with a nested list, citations inside the list', () => {
    const html = render(
      '### When the bus shows up\n\n- First pass [00:20]\n  - it stops at [00:25]\n- Back again [02:20]\n',
      [cite('[00:20]', 20), cite('[00:25]', 25), cite('[02:20]', 140)],
    );
    expect(html).toContain('<h4>When the bus shows up</h4>');
    expect(html).not.toContain('###');
    expect(html).toMatch(
      /<ul>\s*<li>First pass <span class="citation-group"><button[^]*<ul>\s*<li>it stops at <span class="citation-group"><button/,
    );
    expect(citedLabels(html)).toEqual(['20', '25', '140']);
  });

  it('a stretch written as two moments is one control, its start seeking, its clip the stretch', () => {
    for (const written of ['[01:10]–[01:20]', '[01:10] - [01:20]', '[01:10] to [01:20]']) {
      const html = render(`The slide shows from ${written}.`, [
        cite('[01:10]', 70),
        cite('[01:20]', 80),
      ]);
      expect(citedLabels(html), written).toEqual(['70']);
      expect(html).toContain('01:10–01:20</button>');
      expect(html.match(/chat\.citation\.clip/g) ?? []).toHaveLength(0); // no video in this test's store
    }
    // Either end unchecked: the checked one alone is a citation, the other plain text.
    const half = render('From [01:10]–[04:50].', [cite('[01:10]', 70)]);
    expect(citedLabels(half)).toEqual(['70']);
    expect(half).toContain('–[04:50]');
  });

  it('a table with [mm:ss] in its cells, wrapped so it scrolls on a phone', () => {
    const html = render(
      '| Moment | What |\n| --- | --- |\n| [00:20] | a bus |\n| [01:10] | a slide |\n',
      [cite('[00:20]', 20), cite('[01:10]', 70)],
    );
    expect(html).toContain('<div class="chat__table"><table>');
    expect(html).toMatch(/<th>Moment<\/th>\s*<th>What<\/th>/);
    expect(html).toMatch(
      /<td><span class="citation-group"><button[^>]*data-t="20"[^]*<\/button><\/span><\/td>\s*<td>a bus<\/td>/,
    );
    expect(html).not.toContain('|');
    expect(citedLabels(html)).toEqual(['20', '70']);
  });

  it('a link opens in a new tab with no opener or referrer; other schemes are not links', () => {
    const html = render(
      'See [the docs](https://example.com/a?b=1) or [this](javascript:alert(1)) or <https://x.test>.',
    );
    expect(html).toContain(
      '<a href="https://example.com/a?b=1" target="_blank" rel="noopener noreferrer">the docs</a>',
    );
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<span>this</span>');
    expect(html).toContain('href="https://x.test/"');
    expect(safeLinkUrl('data:text/html,hi')).toBe('');
    expect(safeLinkUrl('/#/settings')).toBe('');
  });

  it('code blocks keep their text; a [mm:ss] inside code is not a citation', () => {
    const html = render('Run this:\n\n```js\nseek("[00:20]");\n```\n\nand `[00:20]` too.', [
      cite('[00:20]', 20),
    ]);
    expect(html).toContain(
      '<pre><code class="language-js">seek(&quot;[00:20]&quot;);\n</code></pre>',
    );
    expect(html).toContain('<code>[00:20]</code>');
    expect(citedLabels(html)).toEqual([]);
  });

  it('no raw HTML or remote image from the model reaches the DOM', () => {
    const html = render(
      '<img src=x onerror=alert(1)> <b>bold</b>\n\n![a chart](https://evil.test/p.png)',
    );
    expect(html).not.toMatch(/<img|<b>/);
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(html).not.toContain('evil.test');
    expect(html).toContain('[a chart]');
  });

  it('an invented moment stays text; checked ones are buttons (one pattern for both)', () => {
    const calls: ToolCallRecord[] = [
      {
        id: 'call-1',
        name: 'find_object',
        arguments: '{"label":"bus"}',
        outcome: {
          ok: true,
          tool: 'find_object',
          result: { video_id: VIDEO, ranges: [{ start: 18, end: 60 }] },
        },
      },
    ];
    const text = 'The bus is there at [00:20] and at [1:00:20], not at [04:50].';
    const { citations, invented } = checkCitations(text, calls);
    expect(invented).toEqual(['[1:00:20]', '[04:50]']);
    const html = render(text, citations);
    expect(citedLabels(html)).toEqual(['20']);
    expect(html).toContain('[04:50]');
  });
});
