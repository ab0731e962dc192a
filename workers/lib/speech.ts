import type { ContainerKind } from '../../src/shared/video-types';
import { NoAudioTrackError, decodeAudio16k } from './audio/decode-audio';
import { TARGET_RATE } from './audio/resample';
import { chosenAudioTrack, type ChosenAudioTrack } from './audio/audio-tracks';
import { SileroVad, VAD_FRAME_SAMPLES } from './vad/silero-vad';
import { speechRegionsFrom, type SpeechRegion } from './vad/speech-regions';

export type SpeechResult =
  | {
      ok: true;
      regions: SpeechRegion[];
      audioSeconds: number;
      decodeSeconds: number;
      vadSeconds: number;
      /** Which track was listened to, when the file has several. */
      track: ChosenAudioTrack | null;
    }
  | { ok: false; reason: 'no-audio' };

/** Decodes the audio in chunks and runs Silero VAD on it as it streams by. */
export async function detectSpeech(
  file: Blob,
  container: ContainerKind,
  duration: number,
  signal: AbortSignal,
  onProgress: (fraction: number) => void,
): Promise<SpeechResult> {
  const vad = await SileroVad.create();
  const started = performance.now();
  let vadMs = 0;
  let samples = 0;
  let offset: number | null = null;
  try {
    for await (const chunk of decodeAudio16k(file, container, duration, signal)) {
      offset ??= chunk.start;
      const vadStarted = performance.now();
      await vad.push(chunk.samples);
      vadMs += performance.now() - vadStarted;
      samples += chunk.samples.length;
      onProgress(Math.min(1, samples / TARGET_RATE / duration));
    }
    const vadStarted = performance.now();
    await vad.finish();
    vadMs += performance.now() - vadStarted;
  } catch (error) {
    if (error instanceof NoAudioTrackError) return { ok: false, reason: 'no-audio' };
    throw error;
  }
  const totalMs = performance.now() - started;
  const frameSeconds = VAD_FRAME_SAMPLES / TARGET_RATE;
  return {
    ok: true,
    regions: speechRegionsFrom(vad.probabilities, frameSeconds, duration, undefined, offset ?? 0),
    audioSeconds: samples / TARGET_RATE,
    decodeSeconds: (totalMs - vadMs) / 1000,
    vadSeconds: vadMs / 1000,
    track: await chosenAudioTrack(file),
  };
}
