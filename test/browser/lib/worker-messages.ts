import { OFFLINE_CHANNEL, type PageToWorker, type WorkerToPage } from '../../../sw/protocol.ts';
import type { BrowserAdapter } from '../adapters/types.ts';

/**
 * Page function: posts `message` (sw/protocol.ts) to the controlling worker and, when `answerType`
 * is given, resolves with the first worker broadcast of that type whose JSON contains `contains`
 * (e.g. a STORAGE report naming the new budget). Null when none came within `timeoutMs`.
 */
export const postToWorker = async (
  channelName: string,
  message: unknown,
  answerType: string | null,
  contains: string,
  timeoutMs: number,
) => {
  const worker = navigator.serviceWorker.controller;
  if (!worker) throw new Error('postToWorker: no service worker controls this page');
  if (answerType === null) {
    worker.postMessage(message);
    return null;
  }
  const channel = new BroadcastChannel(channelName);
  try {
    const answer = new Promise<unknown>((resolve) => {
      channel.onmessage = (event: MessageEvent) => {
        const data = event.data as { type?: string };
        if (data?.type === answerType && JSON.stringify(data).includes(contains)) resolve(data);
      };
      setTimeout(() => resolve(null), timeoutMs);
    });
    worker.postMessage(message);
    return await answer;
  } finally {
    channel.close();
  }
};

/** Node-side wrappers over `postToWorker`, with failure messages that name what was awaited. */
export function createWorkerMessages(browser: BrowserAdapter) {
  return {
    send: async (message: PageToWorker) => {
      await browser.evaluate(postToWorker, OFFLINE_CHANNEL, message, null, '', 0);
    },
    /** Sends `message` and waits for a broadcast of `answerType` containing `contains`. */
    async ask<T extends WorkerToPage['type']>(
      message: PageToWorker,
      answerType: T,
      contains = '',
      timeoutMs = 10_000,
    ): Promise<Extract<WorkerToPage, { type: T }>> {
      const answer = await browser.evaluate(
        postToWorker,
        OFFLINE_CHANNEL,
        message,
        answerType,
        contains,
        timeoutMs,
      );
      if (!answer) {
        throw new Error(
          `[${browser.name}] no ${answerType} broadcast containing ${JSON.stringify(contains)} ` +
            `within ${timeoutMs} ms after ${JSON.stringify(message)}`,
        );
      }
      return answer as Extract<WorkerToPage, { type: T }>;
    },
  };
}
