import type { CardReach } from './cards.ts';
import type { ViewContext } from './view-context.ts';

/** Albums, artists and genres with at least one song kept whole on this device. */
export interface KeptIndex {
  albums: ReadonlySet<string>;
  artists: ReadonlySet<string>;
  genres: ReadonlySet<string>;
}

let last: { songs: unknown; states: unknown; index: KeptIndex } | null = null;

/** Built from the offline songs' details; recomputed only when they or the states change. */
export function keptIndex(ctx: Pick<ViewContext, 'offlineSongs' | 'states'>): KeptIndex {
  if (last?.songs === ctx.offlineSongs && last.states === ctx.states) return last.index;
  const index = {
    albums: new Set<string>(),
    artists: new Set<string>(),
    genres: new Set<string>(),
  };
  for (const song of ctx.offlineSongs.values()) {
    if (ctx.states.get(song.id)?.status !== 'complete') continue;
    if (song.albumId) index.albums.add(song.albumId);
    if (song.artistId) index.artists.add(song.artistId);
    for (const genre of song.genres ?? (song.genre ? [song.genre] : [])) {
      index.genres.add(genre.toLocaleLowerCase('en'));
    }
  }
  last = { songs: ctx.offlineSongs, states: ctx.states, index };
  return index;
}

export function reachOf(kind: keyof KeptIndex, id: string, ctx: ViewContext): CardReach {
  const key = kind === 'genres' ? id.toLocaleLowerCase('en') : id;
  const kept = keptIndex(ctx)[kind].has(key);
  return { kept, dimmed: !ctx.online && !kept };
}
