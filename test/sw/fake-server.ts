/**
 * A fake stream server for the worker's tests: answers `/songs/listen/:id` from byte arrays with
 * Range and If-Range handled as the real API does (parsed by `range-parser`, not by the code under
 * test), records every request, and can go offline, truncate bodies or break them mid-way.
 * It also plays the accounts contract: a session (user id) or none, `GET /api/auth/offline-key`
 * answering `{ userId, key, createdAt }` with the user's 32-byte key, and `401 { error, reason }`
 * for every private request without a session.
 */
import { randomBytes } from 'node:crypto';
import parseRange from 'range-parser';
import { expect } from 'vitest';

export interface FakeSong {
  bytes: Uint8Array<ArrayBuffer>;
  etag: string;
  type: string;
}

export interface SeenRequest {
  url: string;
  range: string | null;
  ifRange: string | null;
}

export const ORIGIN = 'https://tapedeck.test';
export const TEST_USER = 'u1';

interface FakeUser {
  key: Uint8Array<ArrayBuffer>;
  createdAt: string;
}

export function createFakeServer() {
  const songs = new Map<string, FakeSong>();
  const users = new Map<string, FakeUser>();
  const seen: SeenRequest[] = [];
  const state = {
    /** The signed-in user of this browser's session, or null (then every private request is 401). */
    session: TEST_USER as string | null,
    /** The `reason` of those 401s. */
    signedOutReason: 'session-expired',
    /** Requests for the offline key (not in `seen`, which lists stream requests). */
    keyRequests: 0,
    /** Milliseconds before the key answer (the session is read after the wait). */
    keyDelayMs: 0,
    /** When set, key answers wait for it (a test releases it once it has checked the meantime). */
    keyGate: null as Promise<void> | null,
    online: true,
    /** Answers the next N chunk requests with a body shorter than its Content-Length. */
    truncateNext: 0,
    /** Breaks the next N bodies after half of their bytes. */
    breakNext: 0,
    /** Milliseconds before each answer, to see how many requests overlap. */
    delayMs: 0,
    inFlight: 0,
    maxInFlight: 0,
  };

  const newKey = (): FakeUser => ({
    key: new Uint8Array(randomBytes(32)),
    createdAt: new Date().toISOString(),
  });
  const userOf = (id: string) => {
    let user = users.get(id);
    if (!user) {
      user = newKey();
      users.set(id, user);
    }
    return user;
  };
  const unauthorized = () =>
    Response.json({ error: 'sign in', reason: state.signedOutReason }, { status: 401 });

  async function fetch(input: string, init?: RequestInit): Promise<Response> {
    const request = new Request(input, init);
    if (new URL(request.url).pathname === '/api/auth/offline-key') {
      state.keyRequests += 1;
      const session = state.session;
      if (state.keyDelayMs > 0)
        await new Promise((resolve) => setTimeout(resolve, state.keyDelayMs));
      await state.keyGate;
      if (!state.online) throw new TypeError('fetch failed');
      if (session !== state.session) return unauthorized(); // answered for the session it was sent with
      if (state.session === null) return unauthorized();
      const { key, createdAt } = userOf(state.session);
      const body = {
        userId: state.session,
        key: Buffer.from(key).toString('base64url'),
        createdAt,
      };
      return Response.json(body, { headers: { 'Cache-Control': 'no-store' } });
    }
    seen.push({
      url: request.url,
      range: request.headers.get('Range'),
      ifRange: request.headers.get('If-Range'),
    });
    if (state.delayMs > 0) {
      state.inFlight += 1;
      state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
      await new Promise((resolve) => setTimeout(resolve, state.delayMs));
      state.inFlight -= 1;
    }
    if (!state.online) throw new TypeError('fetch failed');
    if (state.session === null) return unauthorized();
    const id = decodeURIComponent(new URL(request.url).pathname.replace(/^\/songs\/listen\//, ''));
    const song = songs.get(id);
    if (!song) return Response.json({ error: 'no such song' }, { status: 404 });
    const base = { ETag: song.etag, 'Content-Type': song.type, 'Accept-Ranges': 'bytes' };
    const size = song.bytes.byteLength;
    const rangeHeader = request.headers.get('Range');
    const ifRange = request.headers.get('If-Range');
    const useRange = rangeHeader !== null && (ifRange === null || ifRange === song.etag);
    const ranges = useRange ? parseRange(size, rangeHeader, { combine: true }) : -2;
    if (ranges === -1) {
      return new Response(null, {
        status: 416,
        headers: { ...base, 'Content-Range': `bytes */${size}` },
      });
    }
    if (ranges === -2 || ranges.type !== 'bytes') {
      return new Response(body(song.bytes), {
        headers: { ...base, 'Content-Length': String(size) },
      });
    }
    const { start, end } = ranges[0]!;
    const headers = {
      ...base,
      'Content-Range': `bytes ${start}-${end}/${size}`,
      'Content-Length': String(end - start + 1),
    };
    return new Response(body(song.bytes.slice(start, end + 1)), { status: 206, headers });
  }

  function body(
    bytes: Uint8Array<ArrayBuffer>,
  ): ReadableStream<Uint8Array> | Uint8Array<ArrayBuffer> {
    if (state.truncateNext > 0) {
      state.truncateNext -= 1;
      return bytes.slice(0, bytes.byteLength - 1);
    }
    if (state.breakNext > 0) {
      state.breakNext -= 1;
      const half = bytes.slice(0, Math.floor(bytes.byteLength / 2));
      return new ReadableStream({
        start(controller) {
          controller.enqueue(half);
          controller.error(new TypeError('connection reset'));
        },
      });
    }
    return bytes;
  }

  return {
    fetch,
    seen,
    state,
    addSong(id: string, bytes: Uint8Array<ArrayBuffer>, etag = '"v1"', type = 'audio/mpeg') {
      songs.set(id, { bytes, etag, type });
    },
    url: (id: string) => `${ORIGIN}/songs/listen/${encodeURIComponent(id)}`,
    /** The user's current raw offline key (made on first use). */
    keyOf: (userId: string) => userOf(userId).key,
    /** A password change: the user gets a new offline key. */
    rotateKey(userId: string) {
      users.set(userId, newKey());
    },
    signIn(userId: string) {
      state.session = userId;
    },
    /** This browser's session ends; its private requests get 401 with `reason`. */
    endSession(reason: 'session-expired' | 'account-removed') {
      state.session = null;
      state.signedOutReason = reason;
    },
  };
}

/** Deterministic, position-dependent bytes, so any misplaced byte shows. */
export function songBytes(size: number, seed = 1): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed * 7 + (i >> 8)) & 0xff;
  return bytes;
}

/** Byte-exact comparison that stays fast on megabytes (toEqual walks typed arrays slowly). */
export function expectBytes(actual: Uint8Array | undefined, expected: Uint8Array): void {
  expect(actual?.byteLength).toBe(expected.byteLength);
  expect(Buffer.compare(Buffer.from(actual!), Buffer.from(expected))).toBe(0);
}
