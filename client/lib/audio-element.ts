/** The app's single media element and the volume it remembers between visits. */

import type { KeyValueStore } from './local-store.ts';

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

/**
 * The `<audio id="td-audio" crossorigin="anonymous" preload="auto">` that index.html declares (the
 * parser makes it before any script runs, which costs the start-up task nothing), or a new one.
 */
export function adoptAudioElement(): HTMLAudioElement {
  const found = document.getElementById('td-audio');
  const audio = found instanceof HTMLAudioElement ? found : document.createElement('audio');
  audio.id = 'td-audio';
  // Same-origin, yet needed: Chromium mixes worker-built and network responses only for CORS media.
  audio.crossOrigin = 'anonymous';
  audio.preload = 'auto';
  return audio;
}

/** Set the volume remembered from an earlier visit, if any. */
export function restoreVolume(audio: HTMLAudioElement, store: KeyValueStore | null): void {
  try {
    const saved = Number(store?.getItem(VOLUME_KEY) ?? Number.NaN);
    if (Number.isFinite(saved) && saved >= 0 && saved <= 1) audio.volume = saved;
  } catch {
    // Storage disabled: full volume.
  }
}

export function saveVolume(store: KeyValueStore | null, volume: number): void {
  try {
    store?.setItem(VOLUME_KEY, String(volume));
  } catch {
    // Quota or privacy mode: the volume is just not remembered.
  }
}
