import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../helpers/api-server.ts';
import { json, sendJson } from './auth-client.ts';

let api: TestApi;
beforeAll(async () => {
  const limits = { perAccount: 1000, perAddress: 1000, windowMs: 60_000 };
  api = await startTestApi({}, 'fs', 'node', { limits });
});
afterAll(() => api.close());

const ROUNDS = 12;

async function timedLogin(username: string) {
  const started = performance.now();
  const response = await sendJson(api, 'POST', '/api/auth/login', {
    username,
    password: 'not the password',
  });
  return { ms: performance.now() - started, status: response.status, body: json(response) };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    (sorted[Math.floor((sorted.length - 1) / 2)]! + sorted[Math.ceil((sorted.length - 1) / 2)]!) / 2
  );
};

describe('sign-in does not tell which accounts exist', () => {
  it('answers an unknown user and a wrong password alike, in about the same time', async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    const bodies = new Set<string>();
    for (let i = 0; i < ROUNDS; i++) {
      // Interleaved, so a slow moment of the machine hits both sides.
      for (const [name, into] of [
        ['admin', known],
        [`nobody-${i}`, unknown],
      ] as const) {
        const { ms, status, body } = await timedLogin(name);
        expect(status).toBe(401);
        bodies.add(JSON.stringify(body));
        into.push(ms);
      }
    }
    expect([...bodies]).toEqual([JSON.stringify({ error: 'wrong user name or password' })]);
    const ratio = median(unknown) / median(known);
    console.info(
      `login medians: wrong password ${median(known).toFixed(1)} ms, unknown user ${median(unknown).toFixed(1)} ms (×${ratio.toFixed(2)})`,
    );
    // A generous bound: a missing dummy hash makes the unknown side ~100× faster.
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  }, 60_000);
});
