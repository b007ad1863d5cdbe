/**
 * The list routes the library benchmark times, at limit=100: first pages, deep offsets, every sort,
 * filters and searches (a common word, two words, a rare word, no match).
 */
export async function routesToMeasure(
  url: string,
  cookie: string,
  songs: number,
): Promise<string[]> {
  const json = async <T>(path: string) =>
    (await (await fetch(url + path, { headers: { cookie } })).json()) as T;
  type Page = { items: { id: string }[]; total: number };
  const middle = async (list: string) => {
    const { total } = await json<Page>(`${list}?limit=1`);
    return (await json<Page>(`${list}?limit=1&offset=${Math.floor(total / 2)}`)).items[0]?.id;
  };
  const albumId = (await middle('/api/albums')) ?? '';
  const artistId = (await middle('/api/artists')) ?? '';
  const deep = Math.max(0, songs - 100);
  const deepAlbums = Math.max(0, Math.floor(songs / 10) - 100);
  return [
    '/api/songs?limit=100',
    `/api/songs?limit=100&offset=${Math.floor(songs / 2)}`,
    `/api/songs?limit=100&offset=${deep}`,
    `/api/songs?limit=100&sort=title&offset=${deep}`,
    `/api/songs?limit=100&sort=added&offset=${Math.floor(songs / 2)}`,
    '/api/songs?limit=100&q=amber',
    '/api/songs?limit=100&q=amber%20river&offset=100',
    '/api/songs?limit=100&q=xylo%20zero%20night',
    '/api/songs?limit=100&q=nomatchatall',
    `/api/songs?limit=100&albumId=${albumId}`,
    `/api/songs?limit=100&artistId=${artistId}`,
    '/api/songs?limit=100&genre=jazz&offset=5000',
    '/api/albums?limit=100',
    `/api/albums?limit=100&sort=year&offset=${deepAlbums}`,
    `/api/albums?limit=100&sort=artist&offset=${deepAlbums}`,
    '/api/albums?limit=100&sort=added',
    '/api/albums?limit=100&q=velvet',
    '/api/albums?limit=100&genre=rock&offset=500',
    `/api/albums?limit=100&artistId=${artistId}`,
    '/api/artists?limit=100',
    '/api/artists?limit=100&sort=added&offset=900',
    '/api/artists?limit=100&q=blue',
    '/api/genres',
  ];
}
