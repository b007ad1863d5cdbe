import type { H3Event } from 'h3';
import { ConfigError } from '../config-readers.ts';
import type { StateStore } from '../state/state-store.ts';
import { sweepRemovedLibraries } from '../user-library/remove-user.ts';
import { createAccountActions } from './account-actions.ts';
import { createAccounts } from './accounts.ts';
import type { AuthConfig } from './auth-config.ts';
import {
  clientAddress,
  forwardedHttps,
  isLoopback,
  isTrusted,
  type Peer,
} from './client-address.ts';
import { clearedSessionCookies, sessionCookie } from './cookies.ts';
import { createFirstAccount } from './first-account.ts';
import { createOfflineKeys } from './offline-keys.ts';
import type { RequestInfo } from './request-guard.ts';
import { loadSecret } from './secret.ts';
import { createSecurityHeaders } from './security-headers.ts';
import { createSessionVerifier } from './session-verifier.ts';
import { createSessions } from './sessions.ts';
import { createStreamLinks } from './stream-links.ts';
import { createThrottle, type ThrottleLimits } from './throttle.ts';

export interface AuthOptions {
  state: StateStore;
  config: AuthConfig;
  /** The built client: its index.html's inline styles go into the CSP. */
  clientDir?: string;
  now?: () => number;
  limits?: ThrottleLimits;
}

const SWEEP_MS = 60 * 60_000;
/** Libraries of removed accounts whose deletion had to wait (remove-user.ts). */
const LIBRARY_SWEEP_MS = 5 * 60_000;
const DAY_MS = 24 * 3600_000;

/**
 * Accounts and access, built once by the server entry and passed to the app and the Node server.
 * Creates the first admin from ADMIN_USERNAME/ADMIN_PASSWORD when there is no account yet, and
 * sweeps expired sessions hourly (one instance at a time, under a lock).
 */
export async function createAuth(options: AuthOptions) {
  const { state, config } = options;
  const now = options.now ?? Date.now;
  const accounts = createAccounts(state);
  const sessions = createSessions(state, config.sessionDays * DAY_MS, now);
  const verifier = createSessionVerifier({ state, accounts, sessions, now });
  const offlineKeys = createOfflineKeys(state);
  const secret = await loadSecret(state, config.secret);
  const links = createStreamLinks(secret.keyFor('stream-links'), config.linkTtlSeconds, now);
  const firstAccount = createFirstAccount(state, accounts);
  const createdAdmin = config.admin ? await adminFromEnvironment(firstAccount, config.admin) : null;

  const sweep = async () => {
    if (state.expiresDocuments) return; // Redis drops each session when it ends (sessions.ts)
    const held = await state.lock('session-sweep', SWEEP_MS / 2);
    if (!held) return;
    await sessions.sweep().finally(() => held.release());
  };
  const sweeper = setInterval(() => void sweep().catch(() => {}), SWEEP_MS);
  sweeper.unref();
  const sweepLibraries = () =>
    sweepRemovedLibraries(state, async (id) => (await accounts.get(id)) !== null);
  void sweepLibraries().catch(() => {});
  const librarySweeper = setInterval(() => void sweepLibraries().catch(() => {}), LIBRARY_SWEEP_MS);
  librarySweeper.unref();

  return {
    config,
    accounts,
    sessions,
    verifier,
    offlineKeys,
    links,
    firstAccount,
    /** The admin made from the environment at start, if one was. */
    createdAdmin,
    throttle: createThrottle(state, options.limits),
    actions: createAccountActions({ accounts, sessions, verifier, offlineKeys, state }),
    headers: createSecurityHeaders(options.clientDir),
    sweep,
    sweepLibraries,

    /** Where an h3 request came from, believing forwarded headers only from TRUST_PROXY. */
    requestInfo(event: H3Event): RequestInfo {
      const headers = event.req.headers;
      const peer: Peer = {
        address: event.req.ip,
        forwardedFor: headers.get('x-forwarded-for'),
        forwardedProto: headers.get('x-forwarded-proto'),
      };
      const https = event.url.protocol === 'https:' || forwardedHttps(peer, config.trustProxy);
      const address = clientAddress(peer, config.trustProxy);
      const proxied =
        peer.forwardedFor !== null || headers.has('forwarded') || headers.has('x-real-ip');
      const host = headers.get('host') ?? '';
      return {
        secure: https || config.publicUrl?.secure === true,
        address,
        // From this machine, to a loopback name, with no untrusted proxy in between: a reverse
        // proxy on this host relays strangers from 127.0.0.1, and says so in its headers.
        loopback:
          isLoopback(address) &&
          (!proxied || isTrusted(config.trustProxy, peer.address)) &&
          isLoopbackHost(host),
        origin: config.publicUrl?.origin ?? `${https ? 'https' : 'http'}://${host}`,
      };
    },

    /**
     * Starts a session for `user` and sets its cookie on the response. A session the request
     * already had ends: signing in again never leaves an old token alive behind the new one.
     */
    async startSession(event: H3Event, user: { id: string; generation: number }) {
      const previous = event.context.sessionHash;
      if (previous) {
        await sessions.remove(previous);
        await verifier.forgetSessions([previous]);
      }
      const { token, hash } = await sessions.create(user);
      const secure = event.context.request?.secure ?? false;
      event.res.headers.append('set-cookie', sessionCookie(token, secure));
      return hash;
    },
    async endSession(event: H3Event) {
      const hash = event.context.sessionHash;
      if (hash) {
        await sessions.remove(hash);
        await verifier.forgetSessions([hash]);
      }
      for (const cookie of clearedSessionCookies(event.context.request?.secure ?? false)) {
        event.res.headers.append('set-cookie', cookie);
      }
    },
    dispose() {
      clearInterval(sweeper);
      clearInterval(librarySweeper);
      verifier.dispose();
    },
  };
}

export type Auth = Awaited<ReturnType<typeof createAuth>>;

async function adminFromEnvironment(
  firstAccount: ReturnType<typeof createFirstAccount>,
  admin: { username: string; password: string },
) {
  try {
    return await firstAccount.fromEnvironment(admin);
  } catch (error) {
    throw new ConfigError(`ADMIN_USERNAME/ADMIN_PASSWORD: ${(error as Error).message}`);
  }
}

function isLoopbackHost(host: string): boolean {
  const name = host.replace(/:\d+$/, '').toLowerCase();
  return name === 'localhost' || name === '[::1]' || /^127(\.\d{1,3}){3}$/.test(name);
}
