import { createStorage } from 'unstorage';
import fsDriver from 'unstorage/drivers/fs-lite';
import { createCatalog } from '../../../api/catalog/catalog.ts';
import { nameTexts } from '../../../api/catalog/queries.ts';
import { finish } from '../../../api/catalog/sliced.ts';
import { ALBUM_SORTS, ARTIST_SORTS, SONG_SORTS } from '../../../api/catalog/sort-orders.ts';

/**
 * `tsx test/bench/library/warm-steps.ts CACHE_DIR`: loads the catalog a scan left in CACHE_DIR and
 * times each step of the warm-up that follows a restart (the index, each sort order, the search
 * index), and the longest the event loop was held meanwhile.
 */
const cacheDir = process.argv[2];
if (!cacheDir) throw new Error('usage: warm-steps.ts CACHE_DIR');
const catalog = createCatalog(createStorage({ driver: fsDriver({ base: `${cacheDir}/catalog` }) }));
let t = performance.now();
await catalog.load();
console.log(`load: ${(performance.now() - t).toFixed(0)} ms, ${catalog.size()} songs`);
const state = catalog.state();
const steps: [string, () => unknown][] = [
  ['index', () => state.index],
  ...SONG_SORTS.map((s) => [`songs:${s}`, () => state.orders.songs(s)] as [string, () => unknown]),
  ...ALBUM_SORTS.map(
    (s) => [`albums:${s}`, () => state.orders.albums(s)] as [string, () => unknown],
  ),
  ...ARTIST_SORTS.map(
    (s) => [`artists:${s}`, () => state.orders.artists(s)] as [string, () => unknown],
  ),
  ['search', () => finish(state.search.warm())],
  ['names', () => nameTexts(state.index)],
];
if (process.argv[3] === 'warm') {
  // The warm-up as the server runs it, with a timer measuring how late each 1 ms tick fires.
  let worst = 0;
  let last = performance.now();
  const tick = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 1);
  t = performance.now();
  await catalog.warm();
  clearInterval(tick);
  console.log(
    `warm: ${(performance.now() - t).toFixed(0)} ms, longest gap between ticks ${worst.toFixed(1)} ms`,
  );
} else {
  for (const [name, step] of steps) {
    t = performance.now();
    step();
    console.log(`${name}: ${(performance.now() - t).toFixed(0)} ms`);
  }
}
