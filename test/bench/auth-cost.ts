/**
 * What the stream route's access check costs per request, in process: the fast path's
 * `authorizeStream` with a session cookie and with a stream link, next to what every request pays
 * anyway (`planResponse` of the stream core, the RFC 9110 decisions). Writes AUTH-COST.md beside this file;
 * run with `npx tsx test/bench/auth-cost.ts`. Median of 21 rounds of 10 000 calls each, alternated; the
 * caches are warmed before each batch (they last 10–30 s, as on a server between requests).
 */
import { writeFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createStreamAuthorizer } from '../../api/auth/authorize-stream.ts';
import { createAuth } from '../../api/auth/create-auth.ts';
import { hashToken } from '../../api/auth/sessions.ts';
import type { CatalogEntry } from '../../api/catalog/song.ts';
import { planResponse } from '../../api/lib/http-semantics/response-plan.ts';
import { createMemoryStateStore } from '../../api/state/memory-state-store.ts';
import { representationOf } from '../../api/stream/song-representation.ts';
import { testAuthConfig } from '../helpers/test-auth.ts';

const CALLS = 10_000;
const ROUNDS = 21;
const SONG = 'AAAAAAAAAAAAAAAA';

const auth = await createAuth({ state: createMemoryStateStore(), config: testAuthConfig() });
const admin = (await auth.accounts.findByUsername('admin'))!;
const { token } = await auth.sessions.create(admin);
/** In memory, as after a listener's first request (which takes the h3 path and the store). */
const warm = async () => {
  await auth.verifier.forgetUser(admin.id); // read again: the batch gets the cache's full 10 s
  await auth.verifier.forgetSessions([hashToken(token)]);
  await auth.verifier.verify(token);
  await auth.verifier.user(admin.id);
};
const link = auth.links.create(SONG, admin).token;
const authorize = createStreamAuthorizer(auth);

const request = (url: string, cookie?: string) =>
  ({
    url,
    headers: { host: '127.0.0.1:3000', range: 'bytes=0-262143', ...(cookie ? { cookie } : {}) },
    socket: { encrypted: false, remoteAddress: '127.0.0.1' },
  }) as unknown as IncomingMessage;
const withCookie = request(`/songs/listen/${SONG}`, `tapedeck_session=${token}`);
const withLink = request(`/songs/listen/${SONG}?token=${link}`);
const entry = {
  key: 'a.mp3',
  version: 'v',
  mtimeMs: 1_700_000_000_000,
  song: { id: SONG, size: 10 * 1024 * 1024, etag: '"e"', mimeType: 'audio/mpeg' },
} as unknown as CatalogEntry;
const rangeHeaders = { get: (name: string) => (name === 'range' ? 'bytes=0-262143' : null) };

const cases: Record<string, () => unknown> = {
  'plan (RFC 9110 decisions, every request)': () =>
    planResponse(representationOf(entry), 'GET', rangeHeaders),
  'authorize: session cookie': () => {
    if (!authorize(withCookie, SONG)) throw new Error('refused');
  },
  'authorize: stream link': () => {
    if (!authorize(withLink, SONG)) throw new Error('refused');
  },
};

const samples = new Map<string, number[]>(Object.keys(cases).map((name) => [name, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, run] of Object.entries(cases)) {
    await warm();
    const started = process.hrtime.bigint();
    for (let i = 0; i < CALLS; i++) run();
    samples.get(name)!.push(Number(process.hrtime.bigint() - started) / CALLS);
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const plan = median(samples.get('plan (RFC 9110 decisions, every request)')!);
const rows = [...samples].map(
  ([name, values]) =>
    `| ${name} | ${Math.round(median(values))} | ${(median(values) / plan).toFixed(2)} |`,
);
const load = loadavg()
  .map((n) => n.toFixed(2))
  .join(' ');
const report = `# What the stream route's access check costs

Written by \`npx tsx test/bench/auth-cost.ts\` on ${new Date().toISOString().slice(0, 16)} UTC
(Node ${process.versions.node}, ${availableParallelism()} CPUs, load average ${load}).

Every stream request on Node's fast path (\`api/http/stream-fast-path.ts\`) calls
\`authorizeStream\` (\`api/auth/authorize-stream.ts\`): a session verified in the last 30 s (its user
read in the last 10 s), or a stream link whose HMAC was checked once, both from memory; anything
else goes to h3, which asks the state store. This measures that call in process, ${ROUNDS} rounds of
${CALLS.toLocaleString('en')} calls per case, alternated, caches warm (as after a listener's first
request); the peer is \`planResponse\` (the stream core), the RFC 9110 decisions every request pays anyway. The
ratio is what to read: absolute times move with the machine's load.

| Per request | ns (median) | × plan |
| --- | ---: | ---: |
${rows.join('\n')}
`;
await writeFile(fileURLToPath(new URL('./AUTH-COST.md', import.meta.url)), report);
process.stdout.write(report);
auth.dispose();
