import {
  AbstractTokenizer,
  EndOfStreamError,
  type IRandomAccessFileInfo,
  type IRandomAccessTokenizer,
  type IReadChunkOptions,
} from 'strtok3';

/** Reads bytes `start..end` (inclusive) of the object; resolves with exactly those bytes. */
export type RangeReader = (start: number, end: number) => Promise<Uint8Array>;

export interface RangeTokenizerOptions {
  /** Reads are rounded out to aligned blocks of this size (one request per run of missing blocks). */
  blockSize?: number;
  /** Blocks kept for later reads (music-metadata re-reads headers and small atoms). */
  maxBlocks?: number;
}

/**
 * A random-access strtok3 tokenizer over ranged reads, so music-metadata reads tags and duration
 * from an object store without downloading the song: it seeks (ID3v1 and APE tails, MP4 atoms,
 * FLAC blocks) and each miss costs one ranged GET of whole blocks.
 *
 * Written here rather than taken from `@tokenizer/range` (0.13): its `readBuffer` ignores an
 * explicit position 0 and it keeps every byte it ever loaded; the strtok3 base class does the rest.
 */
export function createRangeTokenizer(
  read: RangeReader,
  fileInfo: IRandomAccessFileInfo,
  options: RangeTokenizerOptions = {},
): IRandomAccessTokenizer {
  return new RangeTokenizer(
    read,
    fileInfo,
    options.blockSize ?? 64 * 1024,
    options.maxBlocks ?? 16,
  );
}

class RangeTokenizer extends AbstractTokenizer implements IRandomAccessTokenizer {
  fileInfo: IRandomAccessFileInfo;
  /** Block index → bytes; Map order is the eviction order (oldest first). */
  private readonly blocks = new Map<number, Uint8Array>();

  constructor(
    private readonly readRange: RangeReader,
    fileInfo: IRandomAccessFileInfo,
    private readonly blockSize: number,
    private readonly maxBlocks: number,
  ) {
    super({ fileInfo });
    this.fileInfo = fileInfo;
  }

  supportsRandomAccess(): boolean {
    return true;
  }

  setPosition(position: number): void {
    this.validateLength(position, 'position');
    this.position = position;
  }

  async readBuffer(target: Uint8Array, options?: IReadChunkOptions): Promise<number> {
    const normalized = this.normalizeOptions(target, options);
    const count = await this.peekBuffer(target, normalized);
    this.position = normalized.position + count;
    return count;
  }

  async peekBuffer(target: Uint8Array, options?: IReadChunkOptions): Promise<number> {
    const { position, length, mayBeLess } = this.normalizeOptions(target, options);
    const count = Math.max(0, Math.min(this.fileInfo.size - position, length));
    if (!mayBeLess && count < length) throw new EndOfStreamError();
    if (count === 0) return 0;
    const blocks = await this.loadBlocks(position, position + count - 1);
    let written = 0;
    while (written < count) {
      const at = position + written;
      const block = blocks.get(Math.floor(at / this.blockSize))!;
      const offset = at % this.blockSize;
      const piece = block.subarray(offset, offset + count - written);
      target.set(piece, written);
      written += piece.length;
    }
    return count;
  }

  /** The blocks covering `start..end`, fetching each run of missing ones with one read. */
  private async loadBlocks(start: number, end: number): Promise<Map<number, Uint8Array>> {
    const first = Math.floor(start / this.blockSize);
    const last = Math.floor(end / this.blockSize);
    const found = new Map<number, Uint8Array>();
    let missingFrom = -1;
    for (let index = first; index <= last + 1; index++) {
      const cached = index <= last ? this.blocks.get(index) : undefined;
      if (cached) found.set(index, cached);
      if (index <= last && !cached) {
        if (missingFrom < 0) missingFrom = index;
      } else if (missingFrom >= 0) {
        await this.fetchRun(missingFrom, index - 1, found);
        missingFrom = -1;
      }
    }
    return found;
  }

  private async fetchRun(first: number, last: number, into: Map<number, Uint8Array>) {
    const start = first * this.blockSize;
    const end = Math.min((last + 1) * this.blockSize, this.fileInfo.size) - 1;
    const bytes = await this.readRange(start, end);
    if (bytes.length !== end - start + 1) {
      throw new Error(`ranged read of bytes ${start}-${end} returned ${bytes.length} bytes`);
    }
    for (let index = first; index <= last; index++) {
      const offset = (index - first) * this.blockSize;
      const block = bytes.subarray(offset, offset + this.blockSize);
      into.set(index, block);
      this.blocks.delete(index);
      this.blocks.set(index, block);
    }
    while (this.blocks.size > this.maxBlocks) {
      this.blocks.delete(this.blocks.keys().next().value!);
    }
  }
}
