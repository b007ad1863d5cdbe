/**
 * Reusable read buffers. Streaming allocates one buffer per chunk; under hundreds of listeners that
 * churn (garbage the collector reclaims late) dominated the server's memory. A buffer goes back to
 * the pool once the socket has flushed it (the write callback), so steady streaming allocates
 * nothing. Sizes are powers of two; at most `keepBytes` of idle buffers are kept.
 */
export function createBufferPool(keepBytes = 16 * 1024 * 1024) {
  const free = new Map<number, Buffer[]>();
  let idleBytes = 0;
  return {
    /** A buffer of at least `size` bytes (a power of two, 16 KiB or more). */
    take(size: number): Buffer {
      const rounded = Math.max(16 * 1024, 2 ** Math.ceil(Math.log2(size)));
      const buffer = free.get(rounded)?.pop();
      if (!buffer) return Buffer.allocUnsafeSlow(rounded);
      idleBytes -= rounded;
      return buffer;
    },
    give(buffer: Buffer): void {
      if (idleBytes + buffer.length > keepBytes) return;
      const list = free.get(buffer.length) ?? [];
      if (list.length === 0) free.set(buffer.length, list);
      list.push(buffer);
      idleBytes += buffer.length;
    },
  };
}
