import type { StateStore } from '../state/state-store.ts';
import { removeAccountAndLibrary } from '../user-library/remove-user.ts';
import type { AccountChanges, Accounts, UserRecord } from './accounts.ts';
import type { OfflineKeys } from './offline-keys.ts';
import type { SessionVerifier } from './session-verifier.ts';
import type { Sessions } from './sessions.ts';

interface Deps {
  accounts: Accounts;
  sessions: Sessions;
  verifier: SessionVerifier;
  offlineKeys: OfflineKeys;
  state: StateStore;
}

/**
 * Account changes with everything that must follow them: a new password ends the account's other
 * sessions (and its stream links, through the generation) and replaces its offline key; disabling
 * or deleting leaves tombstones so those browsers learn why, and deleting also deletes the user's
 * library (favourites, playlists, plays, queue); every instance forgets what it cached.
 */
export function createAccountActions({ accounts, sessions, verifier, offlineKeys, state }: Deps) {
  const afterChange = async (before: UserRecord, after: UserRecord | null, keepHash?: string) => {
    let ended: string[] = [];
    if (!after || (after.disabled && !before.disabled)) {
      ended = await sessions.endAllOf(before.id, 'tombstone');
    } else if (after.passwordHash !== before.passwordHash) {
      ended = await sessions.endAllOf(before.id, 'delete', keepHash);
      await offlineKeys.rotate(before.id);
    }
    if (!after) await offlineKeys.remove(before.id);
    await verifier.forgetUser(before.id);
    await verifier.forgetSessions(ended);
  };

  return {
    /**
     * Changes an account. `keepHash`: the account's own session making the change, kept alive
     * across its password change (it moves to the new generation).
     */
    async update(id: string, changes: AccountChanges, keepHash?: string): Promise<UserRecord> {
      const before = await accounts.get(id);
      const after = await accounts.update(id, changes);
      if (before) await afterChange(before, after, keepHash);
      if (keepHash && after.generation !== before?.generation) {
        const kept = await sessions.read(keepHash);
        if (kept && !('removed' in kept) && kept.userId === id) {
          await sessions.touch(keepHash, { ...kept, generation: after.generation });
          await verifier.forgetSessions([keepHash]);
        }
      }
      return after;
    },
    async remove(id: string): Promise<void> {
      // The library goes after the account (a refused removal keeps it), or later if it cannot
      // at once: never left behind, and never a failed answer for a removal that happened.
      const before = await removeAccountAndLibrary(state, id, () => accounts.remove(id));
      await afterChange(before, null);
    },
  };
}

export type AccountActions = ReturnType<typeof createAccountActions>;
