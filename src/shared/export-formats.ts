/**
 * What a video can be exported as: subtitles (`srt`, `vtt`), notes (`md`), chapters (a WebVTT
 * chapters track, or a "0:00 Title" list for a video description), a slides deck (`slides`:
 * one HTML file), or its whole index as a `.bri` backup.
 */
export type ExportFormat = 'srt' | 'vtt' | 'md' | 'chapters' | 'chapter-list' | 'slides' | 'index';
