/**
 * How each worker starts. Vite finds and bundles a worker only from this exact form —
 * `new Worker(new URL('<relative path>', import.meta.url), { static options })` — so each
 * starter is written out in full, here, once. The name shows in the browser's task manager.
 */
export const START_WORKER = {
  mediaVideo: () =>
    new Worker(new URL('../../workers/media.worker.ts', import.meta.url), {
      type: 'module',
      name: 'media-video',
    }),
  mediaInspect: () =>
    new Worker(new URL('../../workers/media.worker.ts', import.meta.url), {
      type: 'module',
      name: 'media-import',
    }),
  mediaAudio: () =>
    new Worker(new URL('../../workers/media.worker.ts', import.meta.url), {
      type: 'module',
      name: 'media-audio',
    }),
  // Two instances of the vision worker, so detection and captioning can run side by side (each
  // loads only its own model).
  visionDetect: () =>
    new Worker(new URL('../../workers/vision.worker.ts', import.meta.url), {
      type: 'module',
      name: 'vision-detect',
    }),
  visionCaption: () =>
    new Worker(new URL('../../workers/vision.worker.ts', import.meta.url), {
      type: 'module',
      name: 'vision-caption',
    }),
  ocr: () =>
    new Worker(new URL('../../workers/ocr.worker.ts', import.meta.url), {
      type: 'module',
      name: 'ocr',
    }),
  transcribe: () =>
    new Worker(new URL('../../workers/transcribe.worker.ts', import.meta.url), {
      type: 'module',
      name: 'transcribe',
    }),
  speakers: () =>
    new Worker(new URL('../../workers/speakers.worker.ts', import.meta.url), {
      type: 'module',
      name: 'speakers',
    }),
  embed: () =>
    new Worker(new URL('../../workers/embed.worker.ts', import.meta.url), {
      type: 'module',
      name: 'embed',
    }),
  clip: () =>
    new Worker(new URL('../../workers/clip.worker.ts', import.meta.url), {
      type: 'module',
      name: 'clip',
    }),
  chat: () =>
    new Worker(new URL('../../workers/chat.worker.ts', import.meta.url), {
      type: 'module',
      name: 'chat',
    }),
};
