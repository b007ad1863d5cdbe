import { createInterface } from 'node:readline';
import { ConfigError, loadConfig } from '../config.ts';
import { createStateStore } from '../state/create-state-store.ts';
import { toUser } from './accounts.ts';
import { createAuth } from './create-auth.ts';

const USAGE = `usage: npm run user -- <command>
  add <name> [--admin]   add an account (the password is asked for, or read from stdin)
  passwd <name>          set a new password (ends that account's sessions and stream links)
  remove <name>          delete an account (its browsers wipe their offline copies)
  list                   list the accounts`;

/**
 * `npm run user`: manage accounts from a shell, in the same state store as the server
 * (STATE_STORE, CACHE_DIR). A running server sees the change within seconds (its account cache
 * lasts 10 s).
 */
async function main(args: string[]) {
  const [command, name, ...flags] = args;
  const config = loadConfig(process.env);
  if (config.stateStore === 'memory')
    throw new ConfigError('STATE_STORE=memory: nothing to manage');
  const state = await createStateStore(config);
  const auth = await createAuth({ state, config: { ...config.auth, admin: undefined } });
  const find = async () => {
    const record = name ? await auth.accounts.findByUsername(name) : null;
    if (!record) throw new Error(`no account named ${JSON.stringify(name ?? '')}`);
    return record;
  };
  try {
    switch (command) {
      case 'add': {
        if (!name) throw new Error(USAGE);
        const admin = flags.includes('--admin');
        const password = await readPassword();
        const record = await auth.accounts.create({ username: name, password, admin });
        console.log(`added ${record.username}${admin ? ' (admin)' : ''}`);
        break;
      }
      case 'passwd': {
        const record = await find();
        await auth.actions.update(record.id, { password: await readPassword() });
        console.log(`new password for ${record.username}; its sessions have ended`);
        break;
      }
      case 'remove': {
        const record = await find();
        await auth.actions.remove(record.id);
        console.log(`removed ${record.username}`);
        break;
      }
      case 'list':
        for (const user of (await auth.accounts.list()).map(toUser)) {
          const role = [user.admin ? 'admin' : 'listener', user.disabled ? 'disabled' : '']
            .filter(Boolean)
            .join(', ');
          console.log(`${user.username}\t${role}\tsince ${user.createdAt.slice(0, 10)}`);
        }
        break;
      default:
        throw new Error(USAGE);
    }
  } finally {
    auth.dispose();
    await state.dispose();
  }
}

/** Asked for without echo on a terminal; otherwise the first line of stdin (scripts, tests). */
async function readPassword(): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    const lines = createInterface({ input });
    for await (const line of lines) return line;
    throw new Error('no password on stdin');
  }
  process.stdout.write('Password: ');
  input.setRawMode(true);
  let password = '';
  try {
    for await (const chunk of input) {
      for (const char of String(chunk)) {
        if (char === '\r' || char === '\n') return password;
        if (char === '\u0003') throw new Error('cancelled');
        if (char === '\u007f') password = password.slice(0, -1);
        else password += char;
      }
    }
    return password;
  } finally {
    input.setRawMode(false);
    input.pause();
    process.stdout.write('\n');
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(
      error instanceof Error ? error.message.replace(/^(?!usage)/, 'tapedeck: ') : error,
    );
    process.exit(1);
  },
);
