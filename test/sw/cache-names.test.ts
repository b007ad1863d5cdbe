import { describe, expect, it } from 'vitest';
import { isStaleCacheName, songCacheName, songIdFromCacheName } from '../../sw/cache-names.ts';

describe('cache names', () => {
  it.each([
    ['tapedeck-meta-v1', false],
    ['tapedeck-catalog-v1', false],
    ['tapedeck-covers-v1', false],
    ['tapedeck-chunks-v1:abc', false],
    ['tapedeck-meta-v0', true],
    ['tapedeck-chunks-v0:abc', true],
    ['workbox-precache-v2-https://x/', false],
    ['someone-else', false],
  ])('%s stale: %s', (name, stale) => {
    expect(isStaleCacheName(name)).toBe(stale);
  });

  it('song cache names round-trip ids', () => {
    expect(songIdFromCacheName(songCacheName('a:b/c d'))).toBe('a:b/c d');
    expect(songIdFromCacheName('tapedeck-meta-v1')).toBeNull();
  });
});
