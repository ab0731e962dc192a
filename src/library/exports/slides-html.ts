import { formatDuration } from '../../shared/format';
import type { PickedSlide } from './pick-slides';

/** A deck page ready to print: its picked slide, its image inlined, what was said meanwhile. */
export interface DeckPage extends PickedSlide {
  image: { dataUrl: string; width: number; height: number } | null;
  said: string;
}

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; color: #2d2433; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: 0.2rem; }
.meta { color: #5e5368; margin-top: 0; }
.slide { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem; padding: 1rem 0; border-top: 1px solid #dccff2; break-inside: avoid; }
.slide img { width: 100%; height: auto; border-radius: 6px; background: #eee; }
.time { font-weight: 600; font-variant-numeric: tabular-nums; }
.text { margin: 0.4rem 0; padding-left: 1rem; }
.said { color: #5e5368; margin: 0.4rem 0; }
@media (max-width: 40rem) { .slide { grid-template-columns: 1fr; } }
@media print { body { margin: 0; max-width: none; } .slide { page-break-inside: avoid; } }
`;

function pageHtml(page: DeckPage, index: number): string {
  const when = `${formatDuration(page.start)}–${formatDuration(page.end)}`;
  const again = page.alsoAt.length
    ? ` <span class="again">(again at ${page.alsoAt.map(formatDuration).join(', ')})</span>`
    : '';
  const image = page.image
    ? `<img src="${page.image.dataUrl}" width="${page.image.width}" height="${page.image.height}" alt="The video at ${formatDuration(page.t)}">`
    : '<p>(No picture could be made for this moment.)</p>';
  const text = page.lines.length
    ? `<h3>On screen</h3><ul class="text">${page.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`
    : '';
  const said = page.said.trim()
    ? `<h3>Said</h3><p class="said">${escapeHtml(page.said.trim())}</p>`
    : '';
  return `<section class="slide" data-slide="${index + 1}" data-t="${page.t}">
<div>${image}</div>
<div><p class="time">${index + 1}. ${when}${again}</p>${text}${said}</div>
</section>`;
}

/**
 * The deck as one self-contained HTML file: images inlined as data: URLs, styles inline, no
 * script, and a Content-Security-Policy that lets it load nothing else — the text in it came
 * from the video, and the file may be opened anywhere.
 */
export function toSlidesHtml(deck: {
  name: string;
  duration: number;
  pages: readonly DeckPage[];
  exportedAt: number;
}): string {
  const title = escapeHtml(deck.name);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — slides</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${title}</h1>
<p class="meta">${deck.pages.length} slides and shots · ${formatDuration(deck.duration)} · exported from BRI on ${new Date(deck.exportedAt).toISOString().slice(0, 10)}</p>
${deck.pages.map(pageHtml).join('\n')}
</body>
</html>
`;
}
