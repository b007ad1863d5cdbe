import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProgressiveList } from '../../client/controllers/progressive-list.ts';

function setUp(innerHeight: number) {
  vi.stubGlobal('innerHeight', innerHeight);
  const host = { addController: vi.fn(), requestUpdate: vi.fn() };
  const list = new ProgressiveList(host as never, { chunk: 10, rowHeight: 50 });
  return { host, list };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('ProgressiveList', () => {
  it('renders a short list whole, and schedules nothing', () => {
    const { host, list } = setUp(500); // a screenful: 10 rows + 2
    expect(list.take(8)).toBe(8);
    expect(list.complete).toBe(true);
    vi.runAllTimers();
    expect(host.requestUpdate).not.toHaveBeenCalled();
  });

  it('renders a screenful first, then a chunk per idle period until all are in', () => {
    const { host, list } = setUp(500);
    expect(list.take(35)).toBe(12);
    expect(list.complete).toBe(false);
    expect(list.take(35)).toBe(12); // one chunk scheduled at a time
    vi.runOnlyPendingTimers();
    expect(host.requestUpdate).toHaveBeenCalledTimes(1);
    expect(list.take(35)).toBe(22);
    vi.runOnlyPendingTimers();
    expect(list.take(35)).toBe(32);
    vi.runOnlyPendingTimers();
    expect(list.take(35)).toBe(35);
    expect(list.complete).toBe(true);
  });

  it('starts from a screenful again after reset (a new query)', () => {
    const { list } = setUp(500);
    list.take(100);
    vi.runOnlyPendingTimers();
    expect(list.take(100)).toBe(22);
    list.reset();
    expect(list.take(100)).toBe(12);
  });

  it('stops scheduling when the host disconnects', () => {
    const { host, list } = setUp(500);
    list.take(100);
    list.hostDisconnected();
    vi.runAllTimers();
    expect(host.requestUpdate).not.toHaveBeenCalled();
  });
});
