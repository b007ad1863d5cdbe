import { hkdfSync, randomBytes } from 'node:crypto';
import { type StateStore, withLock } from '../state/state-store.ts';

const KEY = 'secret';

/**
 * The server secret: SECRET when set, else one generated once and kept in the state store
 * (CACHE_DIR/state with the fs store; shared by every instance with Redis). Purposes get keys of
 * their own, derived with HKDF, so no two features ever share a key.
 */
export async function loadSecret(state: StateStore, configured: string | undefined) {
  const secret = configured ?? (await storedSecret(state));
  return {
    keyFor(purpose: string): Buffer {
      return Buffer.from(hkdfSync('sha256', secret, 'tapedeck', purpose, 32));
    },
  };
}

async function storedSecret(state: StateStore): Promise<string> {
  const read = async () => {
    const value = (await state.storage.getItem(KEY)) as { secret?: unknown } | null;
    return typeof value?.secret === 'string' && value.secret.length >= 32 ? value.secret : null;
  };
  return (
    (await read()) ??
    withLock(state, KEY, async () => {
      const existing = await read();
      if (existing) return existing;
      const secret = randomBytes(32).toString('base64url');
      await state.storage.setItem(KEY, { secret, createdAt: new Date().toISOString() });
      return secret;
    })
  );
}
