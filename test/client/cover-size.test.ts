import { describe, expect, it } from 'vitest';
import { coverAt } from '../../client/lib/cover-size.ts';

describe('coverAt (the client asks for the size it shows)', () => {
  it.each([
    [48, 1, 64],
    [48, 2, 128],
    [48, 3, 128], // past 2× nobody sees the difference
    [176, 1, 256],
    [176, 2, 512],
    [220, 1, 256],
    [900, 2, 512],
  ])('%i px at %i× → %i', (px, dpr, size) => {
    expect(coverAt('/api/songs/x/cover?v=abc', px, dpr)).toBe(
      `/api/songs/x/cover?v=abc&size=${size}`,
    );
  });

  it('adds the size to a URL without a query, replaces one already there, keeps null', () => {
    expect(coverAt('/api/albums/a/cover', 48, 1)).toBe('/api/albums/a/cover?size=64');
    expect(coverAt('/c?size=512&v=1', 48, 1)).toBe('/c?size=64&v=1');
    expect(coverAt(null, 48)).toBeNull();
  });
});
