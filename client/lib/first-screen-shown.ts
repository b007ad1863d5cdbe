/**
 * Work the first screen does not need (the play queue from other devices, the service worker's
 * registration, the player bar's and account menu's code) waits until the first screen's covers
 * are in: on a slow connection their requests would otherwise queue beside the covers' and delay
 * the moment the library shows. At most WAIT_MS, so a cover that never loads holds nothing back.
 */
const WAIT_MS = 3000;

let mark: () => void = () => {};
const shown = new Promise<void>((resolve) => {
  mark = resolve;
});
setTimeout(() => mark(), WAIT_MS);

/** Resolves once the first screen is shown (or WAIT_MS after the page started). */
export function afterFirstScreen(): Promise<void> {
  return shown;
}

/** The first screen is shown: let the rest start. */
export function firstScreenShown(): void {
  mark();
}
