/**
 * The audio store could not answer (an object store refused, lost the object, failed or timed out).
 * The client gets `status` (502, or 504 for a timeout) with `publicMessage` as JSON; `message` has the
 * details for the one log line, which may name the key (clients never see it).
 */
export class StoreUnavailableError extends Error {
  /** The store's own HTTP status, when it answered (412: another version than the one asked). */
  readonly upstreamStatus: number | null;
  constructor(
    readonly status: 502 | 504,
    readonly publicMessage: string,
    message: string,
    options?: { cause?: unknown; upstreamStatus?: number },
  ) {
    super(message, options);
    this.upstreamStatus = options?.upstreamStatus ?? null;
    this.name = 'StoreUnavailableError';
  }
}

export function isStoreUnavailable(error: unknown): error is StoreUnavailableError {
  return error instanceof StoreUnavailableError;
}
