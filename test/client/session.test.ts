import type { ReactiveController } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionController } from '../../client/controllers/session.ts';
import { createRememberedUser } from '../../client/lib/remembered-user.ts';

const ANN = { id: 'u1', username: 'ann', admin: false };

type Answer = (url: string, init?: RequestInit) => Response | Promise<Response>;
const json = (status: number, body: unknown) => () => Response.json(body, { status });
const down = () => {
  throw new TypeError('fetch failed');
};

function setUp(answers: Answer[], remembered: Record<string, string> = {}) {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push(`${init?.method ?? 'GET'} ${url}`);
      const answer = answers.shift();
      if (!answer) throw new Error(`unexpected ${url}`);
      return answer(url, init);
    }),
  );
  const store = new Map(Object.entries(remembered));
  const memory = createRememberedUser({
    getItem: (key) => store.get(key) ?? null,
    setItem: (key, value) => void store.set(key, value),
  });
  const worker: string[] = [];
  const hooks = {
    bridge: () => ({
      signedIn: async (user: { username: string }) => void worker.push(`signedIn ${user.username}`),
      signOut: async () => void worker.push('signOut'),
    }),
    onSignedOut: vi.fn(),
    reload: vi.fn(),
  };
  const host = {
    addController: (_c: ReactiveController) => {},
    removeController: () => {},
    requestUpdate: vi.fn(),
    updateComplete: Promise.resolve(true),
  };
  const session = new SessionController(host, hooks, memory);
  return { session, calls, worker, hooks, memory };
}

afterEach(() => vi.unstubAllGlobals());

describe('the session controller', () => {
  it('shows the library at once on a first visit (no worker yet), and waits for a registered worker', async () => {
    const worker = (registration: unknown) =>
      vi.stubGlobal('navigator', {
        serviceWorker: { controller: null, getRegistration: async () => registration },
      });
    const pending = () => {
      const { session, hooks } = setUp([json(200, { user: ANN })]);
      let told = false;
      hooks.bridge = () => ({
        // A worker still installing: it never answers within the test.
        signedIn: () => {
          told = true;
          return new Promise<undefined>(() => {});
        },
        signOut: async () => {},
      });
      void session.recheck();
      return { session, told: () => told };
    };
    worker(undefined);
    const first = pending();
    await vi.waitFor(() => expect(first.session.status).toBe('signed-in'));
    expect(first.told()).toBe(true); // told all the same, in the background

    worker({ active: {} }); // a worker holds this browser's data: it hears of the user first
    const later = pending();
    await vi.waitFor(() => expect(later.told()).toBe(true));
    await new Promise((r) => setTimeout(r, 0)); // what is queued runs: getRegistration's answer
    expect(later.session.status).not.toBe('signed-in');
  });

  it('signs in from /api/auth/me and tells the worker who it is', async () => {
    const { session, worker, memory } = setUp([json(200, { user: ANN })]);
    await session.recheck();
    expect(session.status).toBe('signed-in');
    expect(session.user).toEqual(ANN);
    expect(worker).toEqual(['signedIn ann']);
    expect(memory.get()).toEqual(ANN);
  });

  it('stays signed in offline as the user remembered here: a network failure is not a sign-out', async () => {
    for (const answer of [down, json(502, { error: 'bad gateway' }), json(503, {})]) {
      const { session, worker } = setUp([answer], { 'tapedeck.user': JSON.stringify(ANN) });
      await session.recheck();
      expect(session).toMatchObject({ status: 'signed-in', user: ANN, offline: true });
      expect(worker).toEqual([]);
    }
  });

  it('offline with nobody remembered: the sign-in page says why it cannot sign in', async () => {
    const { session } = setUp([down]);
    await session.recheck();
    expect(session).toMatchObject({ status: 'signed-out', notice: 'offline' });
  });

  it('an expired session asks the same user again and keeps what the worker holds', async () => {
    const { session, worker, hooks } = setUp([
      json(200, { user: ANN }),
      json(401, { error: 'x', reason: 'session-expired' }),
    ]);
    await session.recheck();
    await session.recheck();
    expect(session).toMatchObject({
      status: 'signed-out',
      notice: 'session-expired',
      prefill: 'ann',
    });
    expect(worker).toEqual(['signedIn ann']); // no signOut: the offline songs stay
    expect(hooks.onSignedOut).toHaveBeenCalledOnce();
  });

  it('a removed account makes the worker wipe, and forgets the user', async () => {
    const { session, worker, memory } = setUp(
      [json(401, { error: 'x', reason: 'account-removed' })],
      {
        'tapedeck.user': JSON.stringify(ANN),
      },
    );
    await session.recheck();
    expect(worker).toEqual(['signOut']);
    expect(memory.get()).toBeNull();
    expect(session).toMatchObject({ status: 'signed-out', notice: 'account-removed' });
  });

  it('shows the first-account page while the server has no account', async () => {
    const { session } = setUp([
      json(401, {
        error: 'x',
        reason: 'signed-out',
        setupRequired: true,
        setupTokenRequired: true,
      }),
    ]);
    await session.recheck();
    expect(session).toMatchObject({ status: 'setup', setupTokenRequired: true });
  });

  it('signs in: the worker first, then a fresh page', async () => {
    const { session, worker, hooks, calls } = setUp([json(200, { user: ANN })]);
    expect(await session.signIn('ann', 'pw')).toBeNull();
    expect(calls).toEqual(['POST /api/auth/login']);
    expect(worker).toEqual(['signedIn ann']);
    expect(hooks.reload).toHaveBeenCalledOnce();
  });

  it('explains a wrong password, a rate limit with when to try again, and a disabled account', async () => {
    const { session } = setUp([
      json(401, { error: 'wrong user name or password' }),
      json(429, { error: 'too many', retryAfter: 300 }),
      json(403, { error: 'disabled', reason: 'account-removed' }),
      down,
    ]);
    expect(await session.signIn('ann', 'x')).toBe('Wrong user name or password.');
    expect(await session.signIn('ann', 'x')).toMatch(
      /^Too many attempts\. Try again in 5 minutes \(at \d\d:\d\d/,
    );
    expect(await session.signIn('ann', 'x')).toMatch(/disabled/);
    expect(await session.signIn('ann', 'x')).toMatch(/Can’t reach/);
  });

  it('signs out: server, then the worker wipes, then a fresh page; offline, the server hears of it later', async () => {
    const online = setUp([json(204, null)], { 'tapedeck.user': JSON.stringify(ANN) });
    await online.session.signOut();
    expect(online.calls).toEqual(['POST /api/auth/logout']);
    expect(online.worker).toEqual(['signOut']);
    expect(online.memory.get()).toBeNull();
    expect(online.hooks.reload).toHaveBeenCalledOnce();

    const offline = setUp([down, json(200, { user: ANN }), json(204, null)], {
      'tapedeck.user': JSON.stringify(ANN),
    });
    await offline.session.signOut();
    expect(offline.worker).toEqual(['signOut']);
    expect(offline.memory.signOutPending).toBe(true);
    await offline.session.recheck(); // back online: the cookie still works, so end that session
    expect(offline.calls).toEqual([
      'POST /api/auth/logout',
      'GET /api/auth/me',
      'POST /api/auth/logout',
    ]);
    expect(offline.session.status).toBe('signed-out');
    expect(offline.memory.signOutPending).toBe(false);
  });
});
