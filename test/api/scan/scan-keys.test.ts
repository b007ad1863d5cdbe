import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRescanner } from '../../../api/scan/rescanner.ts';
import { scanKeys } from '../../../api/scan/scan-keys.ts';
import type { ScanReport } from '../../../api/scan/scan-library.ts';
import type { AudioStore } from '../../../api/storage/audio-store.ts';
import { songsOf } from '../../helpers/api-server.ts';
import { makeMp3 } from '../../helpers/mp3-fixture.ts';
import { createScanSetup } from '../../helpers/scan-setup.ts';

let cleanup: (() => Promise<void>) | undefined;
afterEach(() => cleanup?.());

/** The setup's source, refusing to list: a one-file rescan must never list the folder. */
function withoutListing(source: AudioStore): AudioStore {
  return {
    ...source,
    name: source.name,
    list: () => Promise.reject(new Error('listed the whole folder')),
    stat: (key) => source.stat(key),
    open: (key, version) => source.open(key, version),
  };
}

async function library() {
  const setup = await createScanSetup({
    'A/One/01 - a.mp3': makeMp3({ title: 'Alpha', artist: 'A', album: 'One', track: '1' }),
    'A/One/02 - b.mp3': makeMp3({ title: 'Beta', artist: 'A', album: 'One', track: '2' }),
    'B/Two/01 - c.mp3': makeMp3({ title: 'Gamma', artist: 'B', album: 'Two', track: '1' }),
  });
  cleanup = setup.cleanup;
  await setup.scan();
  const options = {
    catalog: setup.catalog,
    source: withoutListing(setup.source),
    target: setup.source,
    pictures: setup.pictures,
    log: { info() {}, warn: (m: string) => void setup.warnings.push(m) },
  };
  return { ...setup, options };
}

describe('scanKeys (the one-file rescan of a stale song)', () => {
  it('reads a changed file again, keeps the others as they were, and never lists', async () => {
    const { catalog, write, options } = await library();
    const before = new Map(songsOf(catalog).map((song) => [song.title, song]));
    const versionBefore = catalog.version();
    await write('A/One/02 - b.mp3', makeMp3({ title: 'Beta 2', artist: 'A', album: 'One' }, 40));

    const report = await scanKeys(options, ['A/One/02 - b.mp3']);
    expect(report).toMatchObject({ changed: 1, added: 0, removed: 0, skipped: 0 });
    const after = new Map(songsOf(catalog).map((song) => [song.title, song]));
    expect([...after.keys()].sort()).toEqual(['Alpha', 'Beta 2', 'Gamma']);
    expect(after.get('Beta 2')!.id).toBe(before.get('Beta')!.id);
    expect(after.get('Beta 2')!.etag).not.toBe(before.get('Beta')!.etag);
    expect(after.get('Beta 2')!.duration).toBeGreaterThan(before.get('Beta')!.duration);
    expect(after.get('Alpha')).toEqual(before.get('Alpha'));
    expect(catalog.version()).not.toBe(versionBefore);
  });

  it('drops a file that is gone or no longer decodes, and commits nothing when nothing changed', async () => {
    const { catalog, dir, write, options, warnings } = await library();
    const version = catalog.version();
    expect(await scanKeys(options, ['A/One/01 - a.mp3'])).toMatchObject({ unchanged: 1 });
    expect(catalog.version()).toBe(version);

    await rm(join(dir, 'B/Two/01 - c.mp3'));
    await write('A/One/01 - a.mp3', 'not audio at all, just text');
    const report = await scanKeys(options, ['B/Two/01 - c.mp3', 'A/One/01 - a.mp3', 'nope.mp3']);
    expect(report).toMatchObject({ removed: 1, skipped: 1 });
    expect(songsOf(catalog).map((song) => song.title)).toEqual(['Beta']);
    expect(warnings.join('\n')).toMatch(/skipped 01 - a\.mp3/);
  });
});

describe('createRescanner', () => {
  it('runs one scan at a time: keys asked for during a scan are done together after it', async () => {
    const report: ScanReport = {
      added: 0,
      changed: 0,
      unchanged: 0,
      removed: 0,
      skipped: 0,
      undecodable: 0,
    };
    const calls: string[] = [];
    let running = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const track = async (name: string) => {
      running++;
      calls.push(`${name} (${running} running)`);
      if (name === 'whole') await gate;
      running--;
      return report;
    };
    const scanner = createRescanner({
      scan: () => track('whole'),
      scanKeys: (keys) => track(keys.join('+')),
      log: { info() {}, error() {} },
    });
    const whole = scanner.rescan('start');
    const one = scanner.rescanKey('a.mp3', 'stale');
    const two = scanner.rescanKey('b.mp3', 'stale');
    await Promise.resolve();
    expect(calls).toEqual(['whole (1 running)']);
    release();
    await Promise.all([whole, one, two]);
    expect(calls).toEqual(['whole (1 running)', 'a.mp3+b.mp3 (1 running)']);
  });
});
