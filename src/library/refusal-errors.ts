import { MEDIA_LIMITS, type LimitBreach } from '../shared/media-limits';
import { VideoImportError } from './import-errors';

/**
 * Refusals of files whose structure or figures no real recording has: damaged, or built to make a
 * reader spin or allocate. Each says what the file claims and that nothing was stored.
 */
export class DamagedVideoError extends VideoImportError {
  override name = 'DamagedVideoError';
  constructor(fileName: string, detail: string) {
    super(
      `“${fileName}” is damaged or was built to mislead: ${detail}. BRI left it alone and ` +
        'stored nothing. If it plays elsewhere, re-save it with a video editor or ffmpeg and try again.',
    );
  }
}

/** "33 h 20 min", "5 min", "40 s". */
function spokenLength(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  if (minutes === 0) return `${Math.round(seconds)} s`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

function describeBreach(fileName: string, breach: LimitBreach): string {
  const name = `“${fileName}”`;
  switch (breach.limit) {
    case 'empty':
      return `${name} has no frames to play (its length reads as 0 s). Export it again from the app that made it.`;
    case 'duration':
      return (
        `${name} is ${spokenLength(breach.seconds)} long; BRI indexes videos up to ` +
        `${MEDIA_LIMITS.maxDurationS / 3600} hours. Split it into parts and import those.`
      );
    case 'resolution':
      return (
        `${name} is ${breach.width} × ${breach.height} pixels; BRI handles pictures up to 8K ` +
        `(${MEDIA_LIMITS.maxSidePx} pixels a side). Scale it down, then import it again.`
      );
    case 'frameRate':
      return (
        `${name} plays ${Math.round(breach.fps)} frames a second; BRI handles up to ` +
        `${MEDIA_LIMITS.maxFrameRate}. Convert it to a normal frame rate, then import it again.`
      );
    case 'sampleRate':
      return (
        `${name} has audio at ${Math.round(breach.hz / 1000)} kHz; BRI handles audio up to ` +
        `${MEDIA_LIMITS.maxSampleRate / 1000} kHz. Resample its sound (48 kHz is usual), then import it again.`
      );
  }
}

/** A file past one of MEDIA_LIMITS. `limit` says which. */
export class VideoOutOfRangeError extends VideoImportError {
  override name = 'VideoOutOfRangeError';
  readonly limit: LimitBreach['limit'];
  constructor(fileName: string, breach: LimitBreach) {
    super(describeBreach(fileName, breach));
    this.limit = breach.limit;
  }
}

/** A DRM-protected video (bought or rented from a store): its picture can't be decoded outside the store's player. */
export class EncryptedVideoError extends VideoImportError {
  override name = 'EncryptedVideoError';
  constructor(fileName: string) {
    super(
      `“${fileName}” is an encrypted (DRM-protected) video: only the store or app it came from can play it, ` +
        'so BRI cannot read its picture or sound. Use a copy you made yourself, or a recording without protection.',
    );
  }
}
