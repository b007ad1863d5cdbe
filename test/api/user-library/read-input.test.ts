import { HTTPError } from 'h3';
import { describe, expect, it } from 'vitest';
import {
  onlyKeys,
  readId,
  readLimit,
  readName,
  readPlayedAt,
  readQueue,
  readSongIds,
} from '../../../api/user-library/read-input.ts';

const status = (task: () => unknown) => {
  try {
    task();
    return 200;
  } catch (error) {
    return HTTPError.isError(error) ? error.status : 500;
  }
};

const NOW = Date.parse('2026-12-02T12:00:00Z');
const known = (id: string) => id.startsWith('s');

describe('input of the per-user routes', () => {
  it.each([['abc'], ['A-b_9']])('accepts the id %s', (id) => expect(readId(id, 'id')).toBe(id));
  it.each([[''], ['../x'], ['a:b'], ['a'.repeat(65)], [7], [null]])('refuses the id %j', (id) => {
    expect(status(() => readId(id, 'id'))).toBe(400);
  });

  it('trims names and refuses empty, over-long, control characters and non-strings', () => {
    expect(readName('  Road trip ')).toBe('Road trip');
    expect(readName('é'.repeat(200))).toHaveLength(200);
    for (const bad of ['', '   ', 'x'.repeat(201), 'a\nb', 'a\u0000', 'a\u2028b', 5, null, ['x']]) {
      expect(
        status(() => readName(bad)),
        JSON.stringify(bad),
      ).toBe(400);
    }
  });

  it('takes song ids with repeats, and refuses unknown ones, non-arrays and too many', () => {
    expect(readSongIds(['s1', 's1', 's2'], 10, known)).toEqual(['s1', 's1', 's2']);
    expect(status(() => readSongIds(['s1', 'x'], 10, known))).toBe(400);
    expect(status(() => readSongIds(['s1', 3], 10, known))).toBe(400);
    expect(status(() => readSongIds('s1', 10, known))).toBe(400);
    expect(status(() => readSongIds(Array(11).fill('s1'), 10, known))).toBe(400);
  });

  it('takes the listener’s time with its zone, a little ahead at most, never in the future', () => {
    expect(readPlayedAt('2026-12-02T11:00:00Z', NOW)).toBe(NOW - 3_600_000);
    expect(readPlayedAt('2026-12-02T13:02:00+01:00', NOW)).toBe(NOW + 120_000); // clocks differ a little
    for (const bad of [
      '2026-12-02T13:00:00Z',
      '2026-12-02T11:00:00',
      '1999-01-01T00:00:00Z',
      'yesterday',
      1_700_000_000_000,
      '',
    ]) {
      expect(
        status(() => readPlayedAt(bad, NOW)),
        String(bad),
      ).toBe(400);
    }
  });

  it('takes a queue whose index points into it and whose position is sane', () => {
    expect(readQueue({ songIds: ['s1', 's2'], index: 1, position: 12.5 }, known)).toEqual({
      songIds: ['s1', 's2'],
      index: 1,
      position: 12.5,
    });
    expect(readQueue({ songIds: [], index: 0, position: 0 }, known).songIds).toEqual([]);
    for (const bad of [
      { songIds: ['s1'], index: 1, position: 0 },
      { songIds: ['s1'], index: -1, position: 0 },
      { songIds: ['s1'], index: 0.5, position: 0 },
      { songIds: ['s1'], index: 0, position: -1 },
      { songIds: ['s1'], index: 0, position: Number.NaN },
      { songIds: ['s1'], index: 0, position: '3' },
      { songIds: ['zz'], index: 0, position: 0 },
    ]) {
      expect(
        status(() => readQueue(bad, known)),
        JSON.stringify(bad),
      ).toBe(400);
    }
  });

  it('reads limits and refuses unknown fields', () => {
    expect(readLimit(undefined, 50, 500)).toBe(50);
    expect(readLimit('500', 50, 500)).toBe(500);
    for (const bad of ['0', '501', '-1', '1e2', 'x', ['1', '2']])
      expect(status(() => readLimit(bad, 50, 500))).toBe(400);
    expect(status(() => onlyKeys({ name: 'x', songsIds: [] }, ['name', 'songIds']))).toBe(400);
  });
});
