import type { Catalog } from '../catalog/catalog.ts';
import type { CatalogEntry } from '../catalog/song.ts';
import type { HeaderSource } from '../lib/http-semantics/conditional.ts';
import {
  planJsonError,
  planResponse,
  type ResponsePlan,
} from '../lib/http-semantics/response-plan.ts';
import { type AudioObject, type AudioStore, StaleObjectError } from '../storage/audio-store.ts';
import { isStoreUnavailable } from '../storage/store-unavailable.ts';
import { representationOf } from './song-representation.ts';

export interface StreamDeps {
  catalog: Catalog;
  audio: AudioStore;
  /**
   * Called when the stored object is not the version the catalog holds (found at open or while
   * streaming): the server rescans it, so the next answer is about what is really there.
   */
  onStale?: (key: string) => Promise<void>;
  /** How long an open waits for that rescan before answering 503 (default 5 s). */
  staleWaitMs?: number;
  log?: { error(message: string, error?: unknown): void; warn?(message: string): void };
}

/** What to send: the plan, and the opened object its body reads from (null when it has none). */
export interface PreparedStream {
  plan: ResponsePlan;
  object: AudioObject | null;
  /** The storage key, for a rescan when the object changes mid-stream. */
  key: string | null;
}

const RETRY_AFTER_S = 5;

/**
 * Decides a stream answer for a known song and opens what its body needs. An object that is no
 * longer the scanned version is never served under the old validators: the server rescans it and
 * the answer is planned again from the catalog as it then is (the new version — so an If-Range with
 * the old ETag gets a 200 of the new bytes — or 404 when the song is gone), or 503 + Retry-After
 * when that cannot be done promptly.
 */
export async function prepareStream(
  deps: StreamDeps,
  entry: CatalogEntry,
  method: 'GET' | 'HEAD',
  request: HeaderSource,
): Promise<PreparedStream> {
  const first = await attempt(deps, entry, method, request);
  if (first) return first;
  if (!(await rescanned(deps, entry.key))) return unavailable('the song is being rescanned');
  const fresh = deps.catalog.get(entry.song.id);
  if (!fresh) return { plan: planJsonError(404, 'no such song'), object: null, key: null };
  if (fresh.version === entry.version)
    return unavailable('the song changed and is being rescanned');
  return (await attempt(deps, fresh, method, request)) ?? unavailable('the song keeps changing');
}

/**
 * The answer without a promise when everything it needs is at hand (a text answer, or a store that
 * opens the object at once: `AudioStore.openNow`); undefined means "use prepareStream". What it
 * answers, prepareStream answers the same.
 */
export function prepareStreamNow(
  deps: StreamDeps,
  entry: CatalogEntry,
  method: 'GET' | 'HEAD',
  request: HeaderSource,
): PreparedStream | undefined {
  if (!deps.audio.openNow) return undefined;
  const plan = planResponse(representationOf(entry), method, request);
  if (plan.body.kind === 'text') return { plan, object: null, key: entry.key };
  if (plan.body.kind === 'none') return undefined;
  const object = deps.audio.openNow(entry.key, entry.version);
  return object && { plan, object, key: entry.key };
}

/** The prepared answer, or null when the object is not `entry`'s version. */
async function attempt(
  deps: StreamDeps,
  entry: CatalogEntry,
  method: 'GET' | 'HEAD',
  request: HeaderSource,
): Promise<PreparedStream | null> {
  const plan = planResponse(representationOf(entry), method, request);
  if (plan.body.kind === 'text') return { plan, object: null, key: entry.key };
  try {
    if (plan.body.kind === 'none') {
      // HEAD and 304 open nothing, but still vouch for the validators they repeat.
      const info = await deps.audio.stat(entry.key);
      return info?.version === entry.version ? { plan, object: null, key: entry.key } : null;
    }
    const object = await deps.audio.open(entry.key, entry.version);
    return object && { plan, object, key: entry.key };
  } catch (error) {
    if (isStoreUnavailable(error)) {
      // An object store that refused, failed or timed out: its 502/504, and one log line.
      deps.log?.warn?.(error.message);
      return { plan: planJsonError(error.status, error.publicMessage), object: null, key: null };
    }
    deps.log?.error('cannot open a song', error);
    return unavailable('the song cannot be read right now');
  }
}

async function rescanned(deps: StreamDeps, key: string): Promise<boolean> {
  if (!deps.onStale) return false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(resolve, deps.staleWaitMs ?? 5000, false);
  });
  const done = deps.onStale(key).then(
    () => true,
    (error: unknown) => {
      deps.log?.error('rescan of a changed song failed', error);
      return false;
    },
  );
  try {
    return await Promise.race([done, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function unavailable(message: string): PreparedStream {
  const plan = planJsonError(503, message, { 'retry-after': String(RETRY_AFTER_S) });
  return { plan, object: null, key: null };
}

/** When a body broke off because the object changed, rescan it (in the background). */
export function reportBodyError(deps: StreamDeps, key: string | null, error: unknown): void {
  if (!(error instanceof StaleObjectError) || key === null || !deps.onStale) return;
  deps
    .onStale(key)
    .catch((cause: unknown) => deps.log?.error('rescan of a changed song failed', cause));
}
