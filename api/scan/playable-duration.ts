import type { MpegFrameCount } from './mpeg-frames.ts';
import type { AudioFormat } from './read-tags.ts';

/** A file that parses but holds no playable song: it is skipped, and the reason logged. */
export class UndecodableError extends Error {}

/** Longer than any audiobook file: a header claiming more is damaged. */
const MAX_SECONDS = 7 * 24 * 3600;
/** Below this many bits per second, the bytes cannot hold the length the header claims. */
const MIN_BITRATE = 500;

/**
 * The duration to list for a parsed file, or an UndecodableError when the file is not a playable
 * song: no duration or audio stream, random bytes that happen to contain MPEG sync patterns, or
 * a file cut short of the length its header declares. Real short songs pass: only the ratio of
 * what is there to what is claimed counts, never a minimum length.
 */
export function playableDuration(
  format: AudioFormat,
  size: number,
  mpeg: MpegFrameCount | null,
  flacSamples: number | null = null,
): number {
  const walked = format.container === 'MPEG' ? mpeg : null;
  if (walked && walked.frames < 4)
    throw new UndecodableError('no MPEG audio frames (random bytes, or damaged)');
  // An MP3 without a Xing header whose frames vary: music-metadata was not asked to count them
  // (see readTags), the frame walk did.
  const declared = format.duration || walked?.seconds;
  if (!declared || !Number.isFinite(declared) || declared <= 0 || !format.sampleRate) {
    throw new UndecodableError('no audio duration found (not an audio file, or damaged)');
  }
  if (declared > MAX_SECONDS)
    throw new UndecodableError(`implausible duration (${seconds(declared)})`);
  if ((size * 8) / declared < MIN_BITRATE) {
    throw new UndecodableError(
      `truncated: ${size} bytes cannot hold the ${seconds(declared)} declared`,
    );
  }
  if (format.container === 'FLAC' && flacSamples !== null) {
    const present = flacSamples / format.sampleRate;
    if (present < declared * 0.9 - 0.5) {
      throw new UndecodableError(
        `truncated: audio frames for ${seconds(present)} of the ${seconds(declared)} declared`,
      );
    }
  }
  if (!walked) return round(declared);
  if (walked.seconds < declared * 0.9 - 0.5) {
    throw new UndecodableError(
      `truncated: audio frames for ${seconds(walked.seconds)} of the ${seconds(declared)} declared`,
    );
  }
  // Frames counted beyond what the header says: the header is wrong, the frames are the song.
  return round(walked.seconds > declared * 1.1 ? walked.seconds : declared);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function seconds(value: number): string {
  return `${value.toFixed(1)} s`;
}
