/**
 * How the frame stages (frames, objects, on-screen text, captions) end for a sound recording:
 * skipped, with the reason in plain words. The transcript, speech and chat work as for a video.
 */
export const NO_PICTURE = {
  state: 'skipped',
  progress: 1,
  detail:
    'This is a sound recording: there is no picture to look at. Its speech is transcribed and you can chat about it.',
} as const;
