import { createHash, randomBytes } from 'node:crypto';
import { HTTPError } from 'h3';
import { type StateStore, withLock } from '../state/state-store.ts';
import { checkPassword, checkUsername, foldUsername } from './account-rules.ts';
import { hashPassword } from './passwords.ts';

/** What the state store keeps per account. Never leaves the server as is. */
export interface UserRecord {
  id: string;
  username: string;
  admin: boolean;
  /** A disabled account cannot sign in; its sessions and links are refused. */
  disabled: boolean;
  createdAt: string;
  passwordHash: string;
  /** Bumped when the password changes or the account is disabled: older sessions and links die. */
  generation: number;
}

/** DESIGN's User, plus `disabled` (an extension: see README). */
export interface User {
  id: string;
  username: string;
  admin: boolean;
  disabled: boolean;
  createdAt: string;
}

export interface AccountChanges {
  username?: string;
  password?: string;
  admin?: boolean;
  disabled?: boolean;
}

export type Accounts = ReturnType<typeof createAccounts>;

/**
 * Accounts in the state store: `users:<id>` records and a `usernames:<hash>` index for
 * case-insensitive unique names (hashed: a name may hold any character, a key may not). Changes
 * run under one lock, so two requests cannot take the same name or remove the last admin together.
 */
export function createAccounts(state: StateStore) {
  const { storage } = state;
  const userKey = (id: string) => `users:${id}`;
  const nameKey = (username: string) =>
    `usernames:${createHash('sha256').update(foldUsername(username)).digest('hex')}`;

  const get = async (id: string) =>
    /^[A-Za-z0-9_-]{1,64}$/.test(id) ? asRecord(await storage.getItem(userKey(id))) : null;
  const list = async () => {
    const keys = await storage.getKeys('users');
    const records = await Promise.all(keys.map((key) => storage.getItem(key)));
    return records
      .map(asRecord)
      .filter((record): record is UserRecord => record !== null)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  };
  const findByUsername = async (username: string) => {
    const entry = (await storage.getItem(nameKey(username))) as { id?: string } | null;
    return typeof entry?.id === 'string' ? get(entry.id) : null;
  };
  const save = (record: UserRecord) => storage.setItem(userKey(record.id), record);
  const locked = <T>(task: () => Promise<T>) => withLock(state, 'accounts', task);

  return {
    get,
    list,
    findByUsername,
    async any(): Promise<boolean> {
      return (await storage.getKeys('users')).length > 0;
    },
    create(input: { username: string; password: string; admin: boolean }): Promise<UserRecord> {
      const username = checkUsername(input.username);
      checkPassword(input.password);
      return locked(async () => {
        if (await findByUsername(username)) throw conflict('that user name is taken');
        const record: UserRecord = {
          id: randomBytes(12).toString('base64url'),
          username,
          admin: input.admin,
          disabled: false,
          createdAt: new Date().toISOString(),
          passwordHash: await hashPassword(input.password),
          generation: 1,
        };
        await storage.setItem(nameKey(username), { id: record.id });
        await save(record);
        return record;
      });
    },
    /** Applies `changes`; a new password or disabling bumps the generation (revoking). */
    update(id: string, changes: AccountChanges): Promise<UserRecord> {
      const username = changes.username === undefined ? undefined : checkUsername(changes.username);
      if (changes.password !== undefined) checkPassword(changes.password);
      return locked(async () => {
        const record = await get(id);
        if (!record) throw notFound();
        const next = { ...record };
        if (username !== undefined && username !== record.username) {
          const holder = await findByUsername(username);
          if (holder && holder.id !== id) throw conflict('that user name is taken');
          next.username = username;
        }
        if (changes.admin !== undefined) next.admin = changes.admin;
        if (changes.disabled !== undefined) next.disabled = changes.disabled;
        if (changes.password !== undefined)
          next.passwordHash = await hashPassword(changes.password);
        if (changes.password !== undefined || (next.disabled && !record.disabled)) {
          next.generation = record.generation + 1;
        }
        await keepAnAdmin(await list(), next);
        if (next.username !== record.username) {
          await storage.setItem(nameKey(next.username), { id });
          await storage.removeItem(nameKey(record.username));
        }
        await save(next);
        return next;
      });
    },
    remove(id: string): Promise<UserRecord> {
      return locked(async () => {
        const record = await get(id);
        if (!record) throw notFound();
        await keepAnAdmin(await list(), null, id);
        await storage.removeItem(userKey(id));
        await storage.removeItem(nameKey(record.username));
        return record;
      });
    },
  };
}

export function toUser(record: UserRecord): User {
  const { id, username, admin, disabled, createdAt } = record;
  return { id, username, admin, disabled, createdAt };
}

/** Refuses a change that would leave no enabled admin (nobody could manage accounts). */
async function keepAnAdmin(all: UserRecord[], changed: UserRecord | null, removedId?: string) {
  const after = all
    .filter((user) => user.id !== (changed?.id ?? removedId))
    .concat(changed ? [changed] : []);
  if (all.some((u) => u.admin && !u.disabled) && !after.some((u) => u.admin && !u.disabled)) {
    throw conflict('the last admin cannot be removed, disabled or made a listener');
  }
}

function asRecord(value: unknown): UserRecord | null {
  const record = value as UserRecord | null;
  return record && typeof record === 'object' && typeof record.passwordHash === 'string'
    ? record
    : null;
}

function conflict(message: string) {
  return HTTPError.status(409, 'Conflict', { message });
}
function notFound() {
  return HTTPError.status(404, 'Not Found', { message: 'no such user' });
}
