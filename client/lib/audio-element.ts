/** The app's single media element and the volume it remembers between visits. */

export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

const VOLUME_KEY = 'tapedeck:volume';

/** Media events the playback controller re-renders on. */
export const AUDIO_EVENTS = [
  'play',
  'pause',
  'playing',
  'waiting',
  'canplay',
  'timeupdate',
  'durationchange',
  'seeked',
  'volumechange',
  'ended',
  'error',
  'emptied',
  'loadedmetadata',
] as const;
export type AudioEvent = (typeof AUDIO_EVENTS)[number];

/** `<audio id="td-audio" crossorigin="anonymous" preload="auto">` at the saved volume. */
export function createAudioElement(store: KeyValueStore | null): HTMLAudioElement {
  const audio = document.createElement('audio');
  audio.id = 'td-audio';
  // Same-origin, yet needed: Chromium mixes worker-built and network responses only for CORS media.
  audio.crossOrigin = 'anonymous';
  audio.preload = 'auto';
  const saved = Number(store?.getItem(VOLUME_KEY) ?? Number.NaN);
  if (Number.isFinite(saved) && saved >= 0 && saved <= 1) audio.volume = saved;
  return audio;
}

export function saveVolume(store: KeyValueStore | null, volume: number): void {
  try {
    store?.setItem(VOLUME_KEY, String(volume));
  } catch {
    // Quota or privacy mode: the volume is just not remembered.
  }
}

/** localStorage, or null where it is disabled. */
export function localStore(): KeyValueStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
