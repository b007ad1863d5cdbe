import type { BrowserAdapter } from '../adapters/types.ts';
import { byTestId, createDeep } from './deep-query.ts';
import { waitFor } from './wait.ts';

/** A song row as the page shows it (the data-testid contract of the client). */
export interface RowState {
  id: string;
  offline: string;
  available: string;
  playDisabled: boolean;
}

/** Test handles on the Tapedeck page, all through open shadow roots. */
export function createApp(browser: BrowserAdapter) {
  const deep = createDeep(browser);
  const row = (id: string) => byTestId('song-row', { 'data-song-id': id });

  const rows = async (): Promise<RowState[]> => {
    const found = await deep.query(byTestId('song-row'));
    const buttons = await deep.query([byTestId('song-row'), byTestId('play-song')]);
    return found.map((match, i) => ({
      id: match.attributes['data-song-id'] ?? '',
      offline: match.attributes['data-offline'] ?? '',
      available: match.attributes['data-available'] ?? '',
      playDisabled: buttons[i]?.disabled ?? false,
    }));
  };

  return {
    deep,
    rows,
    async row(id: string): Promise<RowState | undefined> {
      return (await rows()).find((r) => r.id === id);
    },
    /** Waits until at least `count` rows are shown. */
    waitForRows: (count: number, timeoutMs: number, when: string) =>
      waitFor(async () => ((await rows()).length >= count ? rows() : null), {
        timeoutMs,
        message: `[${browser.name}] ${when}: at least ${count} song rows`,
      }),
    /** Waits until the row's data-offline is `status` (e.g. the worker reports the song complete). */
    waitForOffline: (id: string, status: string, timeoutMs: number) =>
      waitFor(
        async () => ((await rows()).find((r) => r.id === id)?.offline === status ? true : null),
        {
          timeoutMs,
          intervalMs: 500,
          message: `[${browser.name}] row ${id} data-offline="${status}"`,
        },
      ),
    clickPlay: (id: string) => deep.click([row(id), byTestId('play-song')]),
    /** The player's error text when one is shown, else null. */
    async playerError(): Promise<string | null> {
      const shown = (await deep.query(byTestId('player-error'))).find(
        (m) => m.text !== '' && m.attributes.hidden === undefined,
      );
      return shown ? shown.text : null;
    },
    /** Seeks with the player's slider, whatever its scale, to `fraction` of the song. */
    async seekWithSlider(fraction: number): Promise<void> {
      const [slider] = await deep.query(byTestId('player-seek'));
      if (!slider) throw new Error(`[${browser.name}] no [data-testid="player-seek"] slider`);
      const min = Number(slider.min || 0);
      const max = Number(slider.max || 100);
      await deep.setValue(byTestId('player-seek'), String(min + (max - min) * fraction));
    },
  };
}

export type App = ReturnType<typeof createApp>;
