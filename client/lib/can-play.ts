/** Whether this browser's audio element can decode `mimeType`, asked once per type. */
const answers = new Map<string, boolean>();
let probe: HTMLAudioElement | undefined;

export function canPlayMime(mimeType: string): boolean {
  let answer = answers.get(mimeType);
  if (answer === undefined) {
    probe ??= document.createElement('audio');
    // '' means "no"; "maybe" and "probably" are worth trying.
    answer = probe.canPlayType(mimeType) !== '';
    answers.set(mimeType, answer);
  }
  return answer;
}
