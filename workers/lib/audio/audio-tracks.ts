import { ALL_FORMATS, BlobSource, Input } from 'mediabunny';

/** Which of several sound tracks BRI listens to: the file's default (mediabunny's primary). */
export interface ChosenAudioTrack {
  /** 1-based position among the file's audio tracks. */
  number: number;
  of: number;
  /** ISO 639-2 code the file gives it ("eng"), or null when it says none. */
  language: string | null;
}

/**
 * The audio track transcribed when a file has several (a film with dubs, a recording with a
 * commentary track), so the stage can say which; null for one track or a file mediabunny can't
 * demux (ffmpeg then takes its default stream the same way).
 */
export async function chosenAudioTrack(file: Blob): Promise<ChosenAudioTrack | null> {
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  try {
    const tracks = await input.getAudioTracks();
    if (tracks.length < 2) return null;
    const primary = await input.getPrimaryAudioTrack();
    const index = tracks.findIndex((track) => track.id === primary?.id);
    const language = primary?.languageCode;
    return {
      number: index + 1,
      of: tracks.length,
      language: language && language !== 'und' ? language : null,
    };
  } catch {
    return null;
  } finally {
    input.dispose();
  }
}
