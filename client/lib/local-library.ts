import type {
  Album,
  AlbumDetail,
  AlbumSort,
  Artist,
  ArtistDetail,
  ArtistSort,
  Genre,
  Song,
  SongSort,
} from './library-types.ts';
import { matchesQuery, matchesText } from './search.ts';

/**
 * The browse API's answers rebuilt from the songs this device keeps, for when the server cannot
 * answer: the same shapes and orders, so an offline view looks like the online one, only shorter.
 */

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export interface LocalSongQuery {
  q?: string;
  albumId?: string;
  artistId?: string;
  genre?: string;
  sort?: SongSort;
}

export function localSongs(songs: Iterable<Song>, query: LocalSongQuery = {}): Song[] {
  const out = [...songs].filter(
    (song) =>
      matchesQuery(song, query.q ?? '') &&
      (!query.albumId || song.albumId === query.albumId) &&
      (!query.artistId || song.artistId === query.artistId) &&
      (!query.genre || genresOf(song).some((g) => collator.compare(g, query.genre ?? '') === 0)),
  );
  if (query.sort === 'title') return out.sort((a, b) => collator.compare(a.title, b.title));
  return out.sort(bySongOrder);
}

export function localAlbums(
  songs: Iterable<Song>,
  query: { q?: string; artistId?: string; genre?: string; sort?: AlbumSort } = {},
): Album[] {
  const { q, ...filters } = query;
  const grouped = groupAlbums(localSongs(songs, { ...filters, sort: undefined }));
  const albums = [...grouped.values()]
    .map((g) => g.album)
    .filter((a) => matchesText(`${a.name} ${a.artist}`, q ?? ''));
  const byName = (a: Album, b: Album) => collator.compare(a.name, b.name);
  if (query.sort === 'year')
    return albums.sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || byName(a, b));
  if (query.sort === 'artist')
    return albums.sort((a, b) => collator.compare(a.artist, b.artist) || byName(a, b));
  return albums.sort(byName);
}

export function localAlbum(songs: Iterable<Song>, id: string): AlbumDetail | null {
  const group = groupAlbums(localSongs(songs, { albumId: id })).get(id);
  return group ? { ...group.album, songs: group.songs } : null;
}

export function localArtists(
  songs: Iterable<Song>,
  query: { q?: string; sort?: ArtistSort } = {},
): Artist[] {
  const artists = new Map<string, Artist & { albums: Set<string> }>();
  for (const song of songs) {
    const id = song.artistId;
    if (!id) continue;
    let artist = artists.get(id);
    if (!artist) {
      const name = song.albumArtist ?? song.artist;
      artist = {
        id,
        name,
        albumCount: 0,
        songCount: 0,
        coverUrl: song.coverUrl ?? '',
        favourite: false,
        albums: new Set(),
      };
      artists.set(id, artist);
    }
    artist.songCount++;
    if (song.albumId) artist.albums.add(song.albumId);
  }
  return [...artists.values()]
    .filter((a) => matchesText(a.name, query.q ?? ''))
    .map(({ albums, ...artist }) => ({ ...artist, albumCount: albums.size }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

export function localArtist(songs: Iterable<Song>, id: string): ArtistDetail | null {
  const artist = localArtists(songs).find((a) => a.id === id);
  return artist ? { ...artist, albums: localAlbums(songs, { artistId: id }) } : null;
}

export function localGenres(songs: Iterable<Song>): Genre[] {
  const genres = new Map<string, { name: string; songs: number; albums: Set<string> }>();
  for (const song of songs) {
    for (const name of genresOf(song)) {
      const key = name.toLocaleLowerCase('en');
      const genre = genres.get(key) ?? { name, songs: 0, albums: new Set<string>() };
      genre.songs++;
      if (song.albumId) genre.albums.add(song.albumId);
      genres.set(key, genre);
    }
  }
  return [...genres.values()]
    .map((g) => ({ name: g.name, songCount: g.songs, albumCount: g.albums.size }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

function genresOf(song: Song): string[] {
  if (song.genres && song.genres.length > 0) return song.genres;
  return song.genre ? [song.genre] : [];
}

const LAST = Number.MAX_SAFE_INTEGER;

/** Album artist, album, disc, track, title: the server's default order. */
function bySongOrder(a: Song, b: Song): number {
  return (
    collator.compare(a.albumArtist ?? a.artist, b.albumArtist ?? b.artist) ||
    collator.compare(a.album ?? '', b.album ?? '') ||
    (a.discNumber ?? LAST) - (b.discNumber ?? LAST) ||
    (a.trackNumber ?? LAST) - (b.trackNumber ?? LAST) ||
    collator.compare(a.title, b.title) ||
    a.id.localeCompare(b.id)
  );
}

function groupAlbums(songs: Song[]): Map<string, { album: Album; songs: Song[] }> {
  const groups = new Map<string, { album: Album; songs: Song[] }>();
  for (const song of songs) {
    const id = song.albumId;
    if (!id || song.album === null) continue;
    let group = groups.get(id);
    if (!group) {
      const album: Album = {
        id,
        name: song.album,
        artist: song.albumArtist ?? song.artist,
        artistId: song.artistId ?? '',
        year: song.year,
        genres: [],
        songCount: 0,
        duration: 0,
        coverUrl: song.coverUrl ?? '',
        favourite: false,
      };
      group = { album, songs: [] };
      groups.set(id, group);
    }
    group.songs.push(song);
    group.album.songCount++;
    group.album.duration += song.duration;
    for (const genre of genresOf(song))
      if (!group.album.genres.includes(genre)) group.album.genres.push(genre);
  }
  return groups;
}
