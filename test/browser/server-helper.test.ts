import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTapedeckServer, type TapedeckServer } from './lib/tapedeck-server.ts';
import { createToneWav } from './lib/wav.ts';

const musicDir = mkdtempSync(join(tmpdir(), 'tapedeck-music-'));
writeFileSync(join(musicDir, 'tone.wav'), createToneWav(3));
let server: TapedeckServer | undefined;

afterAll(async () => {
  await server?.close();
  rmSync(musicDir, { recursive: true, force: true });
});

describe('Tapedeck server helper', () => {
  it('starts the server, stops it so the port refuses, and restarts it on the same port', async () => {
    server = await startTapedeckServer({ musicDir });
    const health = await fetch(`${server.origin}/api/health`);
    expect(health.status).toBe(200);
    expect(server.isRunning()).toBe(true);

    await server.stop();
    expect(server.isRunning()).toBe(false);
    await expect(fetch(`${server.origin}/api/health`)).rejects.toThrow();

    await server.start();
    expect((await fetch(`${server.origin}/api/health`)).status).toBe(200);
  }, 90_000);
});
