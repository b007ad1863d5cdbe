import { describe, expect, it } from 'vitest';
import { createWarmBlocks } from '../../../api/storage/warm-blocks.ts';

describe('warm blocks', () => {
  it('keeps blocks per owner and drops the least recently used beyond the budget', () => {
    const warm = createWarmBlocks(3 * 1024);
    const a = {};
    const b = {};
    const block = (fill: number) => Buffer.alloc(1024, fill);
    warm.put(a, 0, block(1));
    warm.put(b, 0, block(2));
    warm.put(a, 1, block(3));
    expect(warm.get(a, 0)?.[0]).toBe(1); // now the most recent
    warm.put(b, 1, block(4)); // over budget: b/0 goes, the least recently used
    expect(warm.get(b, 0)).toBeUndefined();
    expect([warm.get(a, 0)?.[0], warm.get(a, 1)?.[0], warm.get(b, 1)?.[0]]).toEqual([1, 3, 4]);
  });

  it('never keeps a block larger than the budget', () => {
    const warm = createWarmBlocks(1024);
    warm.put({}, 0, Buffer.alloc(2048));
    const owner = {};
    warm.put(owner, 0, Buffer.alloc(1024, 7));
    expect(warm.get(owner, 0)?.[0]).toBe(7);
  });

  it('never mixes up two files’ blocks, and keeps none past 16 GiB of a file', () => {
    const warm = createWarmBlocks(4096);
    const [first, second] = [{}, {}];
    warm.put(first, 0, Buffer.alloc(8, 1)); // first file's key space is taken first
    warm.put(second, 0, Buffer.alloc(8, 2));
    warm.put(first, 2 ** 16, Buffer.alloc(8, 3)); // would be the second file's block 0 if kept
    expect(warm.get(second, 0)?.[0]).toBe(2);
    expect(warm.get(first, 2 ** 16)).toBeUndefined();
    expect(warm.get(first, 0)?.[0]).toBe(1);
  });
});
