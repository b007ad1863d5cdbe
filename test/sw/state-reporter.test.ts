import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorkerToPage } from '../../sw/protocol.ts';
import { createStateReporter } from '../../sw/state-reporter.ts';

describe('state reporter', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends at most one SONG_STATE per interval per song, the latest state last', () => {
    vi.useFakeTimers();
    const sent: WorkerToPage[] = [];
    let bytes = 0;
    const reporter = createStateReporter({
      stateOf: (id) => ({
        id,
        status: 'partial',
        cachedBytes: bytes,
        size: 100,
        downloading: true,
        pinned: false,
      }),
      broadcast: (m) => sent.push(m),
      interval: 250,
      now: () => Date.now(),
    });
    for (let i = 1; i <= 10; i++) {
      bytes = i;
      reporter.changed('a');
    }
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(250);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ state: { cachedBytes: 10 } });
    reporter.changed('b');
    reporter.changed('a', true);
    expect(sent).toHaveLength(4);
  });
});
