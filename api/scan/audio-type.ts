import mime from 'mime';

/** Where `mime` answers with a legacy or video type, browsers know these audio types better. */
const PREFERRED: Record<string, string> = {
  flac: 'audio/flac',
  m4a: 'audio/mp4',
  mp4: 'audio/mp4',
  webm: 'audio/webm',
};

/** The audio MIME type of a file name, or null when it is not an audio file we stream. */
export function audioTypeOf(fileName: string): string | null {
  const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
  const type = PREFERRED[extension] ?? mime.getType(extension);
  return type?.startsWith('audio/') ? type : null;
}

/** Adds the codec where the container alone does not tell a browser whether it can play it. */
export function withCodec(type: string, codec: string | undefined): string {
  if (type === 'audio/ogg' && codec && /opus/i.test(codec)) return 'audio/ogg; codecs=opus';
  if (type === 'audio/ogg' && codec && /vorbis/i.test(codec)) return 'audio/ogg; codecs=vorbis';
  return type;
}
