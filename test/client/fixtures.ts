import type { Song } from '../../client/lib/library-types.ts';

/** A song with every field filled, `over` replacing some. */
export function makeSong(id: string, over: Partial<Song> = {}): Song {
  return {
    id,
    title: `Title ${id}`,
    artist: 'Artist',
    album: 'Album',
    albumId: 'al1',
    artistId: 'ar1',
    albumArtist: 'Artist',
    trackNumber: 1,
    discNumber: 1,
    year: 2001,
    genre: 'Jazz',
    genres: ['Jazz'],
    duration: 100,
    mimeType: 'audio/mpeg',
    size: 1000,
    etag: `"${id}"`,
    coverUrl: `/api/songs/${id}/cover?v=1`,
    streamUrl: `/songs/listen/${id}`,
    favourite: false,
    ...over,
  };
}
