import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatPercent,
  formatSpokenTime,
  formatTime,
} from '../../client/lib/format.ts';

describe('formatTime', () => {
  it.each([
    [0, '0:00'],
    [9.99, '0:09'],
    [83, '1:23'],
    [600, '10:00'],
    [3725, '1:02:05'],
    [Number.NaN, '0:00'],
    [Number.POSITIVE_INFINITY, '0:00'],
    [-4, '0:00'],
  ])('%s s → %s', (seconds, text) => {
    expect(formatTime(seconds)).toBe(text);
  });
});

describe('formatSpokenTime', () => {
  it('names minutes and seconds, singular when one', () => {
    expect(formatSpokenTime(83)).toBe('1 minute 23 seconds');
    expect(formatSpokenTime(61)).toBe('1 minute 1 second');
    expect(formatSpokenTime(5)).toBe('5 seconds');
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1500, '1.5 KB'],
    [2_388_383, '2.4 MB'],
    [250e6, '250 MB'],
    [1e9, '1.0 GB'],
  ])('%s → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('formatPercent', () => {
  it('floors, and reaches 100 only when complete', () => {
    expect(formatPercent(0, 100)).toBe(0);
    expect(formatPercent(42.9, 100)).toBe(42);
    expect(formatPercent(999, 1000)).toBe(99);
    expect(formatPercent(1000, 1000)).toBe(100);
    expect(formatPercent(2000, 1000)).toBe(100);
    expect(formatPercent(5, 0)).toBe(0);
  });
});
