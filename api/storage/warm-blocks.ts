/**
 * Recently read blocks of songs, kept in memory under a byte budget (least recently used goes
 * first). Why: nginx answers a range that was read before from the kernel's page cache with
 * `sendfile`, without copying it; Node has no `sendfile`, so every range cost a thread-pool read,
 * a copy into user space and an fstat (half of the stream route's CPU, test/bench/PROFILE.md).
 * A block is kept only after it was read and verified, and under the descriptor it was read from:
 * that descriptor is leased only while the file is still the version it was opened as (checked at
 * every open), and an invalidated descriptor's blocks are never asked for again and age out.
 */
export const WARM_BLOCK = 256 * 1024;

/** Blocks kept per file, at most: 16 GiB of it (larger files are read, never kept). */
const BLOCKS_PER_OWNER = 2 ** 16;

export interface WarmBlocks {
  get(owner: object, index: number): Buffer | undefined;
  put(owner: object, index: number, block: Buffer): void;
}

export function createWarmBlocks(budgetBytes: number): WarmBlocks {
  const owners = new WeakMap<object, number>();
  let nextOwner = 0;
  // A Map iterates in insertion order: re-inserting on use makes its first key the least recent.
  // Keys are numbers (owner × 2¹⁶ + block), cheaper than strings on the hot path.
  const blocks = new Map<number, Buffer>();
  let bytes = 0;

  const keyOf = (owner: object, index: number) => {
    let id = owners.get(owner);
    if (id === undefined) {
      id = nextOwner++;
      owners.set(owner, id);
    }
    return id * BLOCKS_PER_OWNER + index;
  };

  return {
    get(owner, index) {
      if (index >= BLOCKS_PER_OWNER) return undefined;
      const key = keyOf(owner, index);
      const block = blocks.get(key);
      if (block) {
        blocks.delete(key);
        blocks.set(key, block);
      }
      return block;
    },
    put(owner, index, block) {
      if (block.length > budgetBytes || index >= BLOCKS_PER_OWNER) return;
      const key = keyOf(owner, index);
      const old = blocks.get(key);
      if (old) {
        bytes -= old.length;
        blocks.delete(key);
      }
      blocks.set(key, block);
      bytes += block.length;
      for (const [oldest, evicted] of blocks) {
        if (bytes <= budgetBytes) break;
        blocks.delete(oldest);
        bytes -= evicted.length;
      }
    },
  };
}
