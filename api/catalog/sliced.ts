/**
 * Work that yields now and then (a generator), so that one implementation runs either at once
 * (`finish`, when a request needs the result) or in slices of a few milliseconds between other
 * tasks (`inSlices`, the warm-up after a restart or a scan): building the index, sort orders and
 * search index of 100 000 songs takes seconds of CPU, and a request must not wait behind it.
 */
export type Sliced<T> = Generator<void, T, void>;

/** How long one slice may hold the event loop. */
const SLICE_MS = 4;

export function finish<T>(work: Sliced<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs `work` a slice at a time, letting I/O and timers run in between; gives up (undefined) when
 * `abandoned()` says so between slices.
 */
export async function inSlices<T>(
  work: Sliced<T>,
  abandoned: () => boolean = () => false,
): Promise<T | undefined> {
  for (;;) {
    const end = performance.now() + SLICE_MS;
    do {
      const step = work.next();
      if (step.done) return step.value;
    } while (performance.now() < end);
    await new Promise((resolve) => setImmediate(resolve));
    if (abandoned()) return undefined;
  }
}

/**
 * A value made once by sliced work. `get` finishes it now (continuing where slices left off);
 * `slices` makes it slice by slice. Both share one run of the work.
 */
export interface Lazy<T> {
  get(): T;
  slices(): Sliced<T>;
}

export function lazy<T>(make: () => Sliced<T>): Lazy<T> {
  let work: Sliced<T> | undefined;
  let done = false;
  let value: T;
  const step = () => {
    work ??= make();
    const next = work.next();
    if (next.done) {
      done = true;
      value = next.value;
      work = undefined;
    }
  };
  return {
    get() {
      while (!done) step();
      return value;
    },
    *slices() {
      while (!done) {
        step();
        if (!done) yield;
      }
      return value;
    },
  };
}

/** Rows 0..length-1 ordered by `compare` (a total order): sorted runs, then merged, yielding. */
export function* sortRows(
  length: number,
  compare: (x: number, y: number) => number,
): Sliced<Uint32Array> {
  let rows = new Uint32Array(length);
  for (let i = 0; i < length; i++) rows[i] = i;
  for (let start = 0; start < length; start += RUN) {
    rows.subarray(start, start + RUN).sort(compare);
    yield;
  }
  let into = new Uint32Array(length);
  for (let width = RUN; width < length; width *= 2) {
    for (let low = 0; low < length; low += 2 * width) {
      const middle = Math.min(low + width, length);
      const high = Math.min(low + 2 * width, length);
      let i = low;
      let j = middle;
      let k = low;
      while (i < middle && j < high) {
        into[k++] = compare(rows[i]!, rows[j]!) <= 0 ? rows[i++]! : rows[j++]!;
        if ((k & 511) === 0) yield;
      }
      while (i < middle) into[k++] = rows[i++]!;
      while (j < high) into[k++] = rows[j++]!;
    }
    [rows, into] = [into, rows];
    yield;
  }
  return rows;
}

/** Rows sorted natively per run before merging: a few hundred comparisons per slice step. */
const RUN = 256;
