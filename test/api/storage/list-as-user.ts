/**
 * Lists a folder with the fs store and prints `{ keys, warnings }` as JSON. The listing test runs
 * it as an unprivileged user (setpriv): root reads every folder, so EACCES needs another user.
 */
import { createFsAudioStore } from '../../../api/storage/fs-audio-store.ts';

const warnings: string[] = [];
const store = createFsAudioStore(process.argv[2]!, { log: { warn: (m) => warnings.push(m) } });
const infos = await store.list();
process.stdout.write(JSON.stringify({ keys: infos.map((info) => info.key), warnings }));
