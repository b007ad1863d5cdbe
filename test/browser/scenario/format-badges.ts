import type { BrowserAdapter } from '../adapters/types.ts';
import { createApp } from '../lib/app.ts';
import type { Song } from '../lib/catalog.ts';

export const FORMAT_BADGE = 'Format not supported by this browser';

/** Page function: every song row (through open shadow roots) with the text it renders. */
export const readRowTexts = () => {
  const rows: { id: string; available: string; text: string }[] = [];
  const visit = (root: ParentNode) => {
    for (const element of root.querySelectorAll('*')) {
      if (element.getAttribute('data-testid') === 'song-row') {
        const text = element.textContent ?? '';
        rows.push({
          id: element.getAttribute('data-song-id') ?? '',
          available: element.getAttribute('data-available') ?? '',
          text: text.replace(/\s+/g, ' ').trim(),
        });
      }
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(document);
  return rows;
};

/**
 * With the app open and online: every catalog song whose type the engine answers `canPlayType`
 * '' for is shown unavailable with the format badge, and every other song shows no such badge.
 * Returns one line per song that breaks this, and how many songs the engine cannot play.
 */
export async function checkFormatBadges(
  browser: BrowserAdapter,
  songs: Song[],
): Promise<{ problems: string[]; unsupported: number }> {
  await createApp(browser).waitForRows(songs.length, 20_000, 'every catalog song listed');
  const types = [...new Set(songs.map((s) => s.mimeType))];
  const verdicts = await browser.evaluate(
    (list: string[]) => list.map((type) => document.createElement('audio').canPlayType(type)),
    types,
  );
  const canPlay = new Map(types.map((type, i) => [type, verdicts[i] !== '']));
  const rows = new Map((await browser.evaluate(readRowTexts)).map((row) => [row.id, row]));
  const problems: string[] = [];
  for (const song of songs) {
    const row = rows.get(song.id);
    const what = `[${browser.name}] ${song.title} (${song.mimeType}, canPlayType ${canPlay.get(song.mimeType) ? 'yes' : "''"})`;
    if (!row) problems.push(`${what}: no row`);
    else if (!canPlay.get(song.mimeType)) {
      if (row.available !== 'false') problems.push(`${what}: data-available="${row.available}"`);
      if (!row.text.includes(FORMAT_BADGE)) problems.push(`${what}: no badge in "${row.text}"`);
    } else if (row.text.includes(FORMAT_BADGE)) problems.push(`${what}: badge in "${row.text}"`);
  }
  const unsupported = songs.filter((s) => !canPlay.get(s.mimeType)).length;
  return { problems, unsupported };
}
