import { describe, expect, it, vi } from 'vitest';
import { PagedItems, type PageSource } from '../../client/controllers/paged-items.ts';
import { ApiError } from '../../client/lib/api.ts';

const TOTAL = 1000;

function setUp(options: { fail?: (offset: number) => ApiError | null } = {}) {
  const host = { addController: vi.fn(), requestUpdate: vi.fn() };
  const reach = vi.fn();
  const list = new PagedItems<number>(host as never, {
    pageSize: 100,
    parallel: 2,
    onReachability: reach,
  });
  const asked: number[] = [];
  const source = (key = 'k', local?: () => Promise<number[]>): PageSource<number> => ({
    key,
    async fetch(offset, limit) {
      asked.push(offset);
      const error = options.fail?.(offset);
      if (error) throw error;
      return {
        items: Array.from({ length: Math.min(limit, TOTAL - offset) }, (_, i) => offset + i),
        total: TOTAL,
      };
    },
    local,
  });
  return { host, list, asked, source, reach };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('PagedItems', () => {
  it('fetches the first page, then only the pages scrolled into view', async () => {
    const { list, asked, source } = setUp();
    list.use(source());
    await settle();
    expect(list.total).toBe(TOTAL);
    expect(list.items).toHaveLength(TOTAL);
    expect(list.items[99]).toBe(99);
    expect(list.items[100]).toBeUndefined();
    list.want(520, 540);
    await settle();
    expect(asked).toEqual([0, 500]);
    expect(list.items[550]).toBe(550);
    expect(list.loadedItems()).toHaveLength(200);
  });

  it('drops pages scrolled past before they were asked for', async () => {
    const { list, asked, source } = setUp();
    list.use(source());
    await settle();
    list.want(100, 900); // a fast fling: at most `parallel` pages start at once…
    list.want(950, 990); // …and the ones left behind are not fetched any more
    await settle();
    await settle();
    expect(asked.slice(0, 3)).toEqual([0, 100, 200]);
    expect(asked).not.toContain(500);
    expect(list.items[960]).toBe(960);
  });

  it('keeps nothing of an old source when the key changes', async () => {
    const { list, source } = setUp();
    list.use(source('a'));
    await settle();
    list.use(source('b'));
    expect(list.items).toHaveLength(0);
    expect(list.loading).toBe(true);
    list.use(source('b')); // same key: nothing starts over
    await settle();
    expect(list.items[0]).toBe(0);
  });

  it('falls back to what this device keeps when the network fails', async () => {
    const { list, source, reach } = setUp({ fail: () => new ApiError('down', 0) });
    list.use(source('k', async () => [7, 8, 9]));
    await settle();
    await settle();
    expect(list.origin).toBe('local');
    expect(list.items).toEqual([7, 8, 9]);
    expect(list.error).toBeNull();
    expect(reach).toHaveBeenCalledWith(false);
  });

  it('shows an API error instead of falling back', async () => {
    const { list, source } = setUp({ fail: () => new ApiError('sort must be one of …', 400) });
    list.use(source('k', async () => [1]));
    await settle();
    expect(list.error).toBe('sort must be one of …');
    expect(list.origin).toBe('server');
  });

  it('fetches the whole list up to a cap, to play it', async () => {
    const { list, source } = setUp();
    list.use(source());
    await settle();
    expect(await list.all(350)).toHaveLength(400);
  });
});

describe('PagedItems memory', () => {
  it('keeps only the pages nearest to the screen, and fetches a dropped one again', async () => {
    const host = { addController: vi.fn(), requestUpdate: vi.fn() };
    const list = new PagedItems<number>(host as never, { pageSize: 10, keepPages: 3 });
    const asked: number[] = [];
    list.use({
      key: 'k',
      async fetch(offset, limit) {
        asked.push(offset);
        return { items: Array.from({ length: limit }, (_, i) => offset + i), total: 1000 };
      },
    });
    await settle();
    for (const first of [100, 200, 300, 400]) {
      list.want(first, first + 5);
      await settle();
    }
    expect(list.loadedItems()).toHaveLength(30);
    expect(list.items[0]).toBeUndefined(); // the first page, farthest away, was dropped
    expect(list.items[400]).toBe(400);
    list.want(0, 5);
    await settle();
    expect(list.items[0]).toBe(0);
    expect(asked.filter((offset) => offset === 0)).toHaveLength(2);
  });
});
