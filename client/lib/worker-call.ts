import type { SessionUser } from './auth-api.ts';

/** The worker's side of accounts (SwBridge.signedIn / signOut). */
export interface WorkerAccount {
  signedIn(user: SessionUser): Promise<void>;
  signOut(): Promise<void>;
}

const TIMEOUT_MS = 10_000;

/**
 * Awaits a call to the worker, at most 10 s: a worker that never answers (being replaced, or
 * broken) must not hang sign-in or sign-out. A failure is logged, not thrown.
 */
export async function callWorker(call: () => Promise<void>): Promise<void> {
  await Promise.race([
    call().catch((error: unknown) => console.warn('[tapedeck] worker:', error)),
    new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS)),
  ]);
}
