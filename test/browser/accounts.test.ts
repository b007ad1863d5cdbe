import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../helpers/test-auth.ts';
import { type ChromiumAdapter, launchChromium } from './adapters/chromium.ts';
import { createApp } from './lib/app.ts';
import { ensureBuiltClient } from './lib/built-client.ts';
import { fetchAllSongs, readSongFromDisk, type Song } from './lib/catalog.ts';
import { byTestId, createDeep } from './lib/deep-query.ts';
import { waitForPlayback } from './lib/media.ts';
import { ensureControlled } from './lib/service-worker.ts';
import { fillSignInForm, signInThroughForm, waitForSignedIn } from './lib/sign-in.ts';
import { dumpStorage } from './lib/storage-dump.ts';
import { startTapedeckServer, type TapedeckServer } from './lib/tapedeck-server.ts';
import { waitFor } from './lib/wait.ts';
import {
  ageSessions,
  libraryCacheEntries,
  pageText,
  recordClipboard,
  signOutThroughMenu,
  waitForSignInPage,
} from './scenario/accounts.ts';

const LOU = { username: 'lou', password: 'lou listens a lot' };
const MAX = { username: 'max', password: 'max listens too' };

/**
 * Accounts in real Chromium, through the UI, against a real server process: sign in, play, keep
 * playing with the server stopped, come back with an expired session and sign in again with the
 * song still offline; a second user on that browser starts with nothing; signing out leaves no
 * library data and no title, even offline; an admin manages listeners.
 */
describe('chromium: accounts, sessions and the worker', () => {
  let server: TapedeckServer;
  let browser: ChromiumAdapter;
  let songs: Song[];
  let played: Song;
  let app: ReturnType<typeof createApp>;
  const deep = () => createDeep(browser);
  const titlesShown = async () => {
    const text = await browser.evaluate(pageText);
    return songs.filter((song) => text.includes(song.title)).map((song) => song.title);
  };

  beforeAll(async () => {
    const clientDir = await ensureBuiltClient();
    server = await startTapedeckServer({ env: { CLIENT_DIR: clientDir } });
    songs = await fetchAllSongs(server);
    // The largest MP3: long enough for range requests, and Chromium plays it.
    played = songs.filter((s) => s.mimeType === 'audio/mpeg').sort((a, b) => b.size - a.size)[0]!;
    const cookie = await server.cookie();
    for (const user of [LOU, MAX]) {
      const response = await fetch(`${server.origin}/api/users`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ ...user, admin: false }),
      });
      expect(response.status).toBe(201);
    }
    browser = await launchChromium();
    app = createApp(browser);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows a stranger only the sign-in page, and says when the password is wrong', async () => {
    await browser.open(`${server.origin}/?run=stranger`);
    await waitForSignInPage(browser);
    expect(await titlesShown()).toEqual([]);
    expect(await deep().count(byTestId('song-row'))).toBe(0);
    await fillSignInForm(browser, { username: LOU.username, password: 'not it at all' });
    await waitFor(async () => (await deep().query(byTestId('sign-in-error')))[0]?.text, {
      timeoutMs: 15_000,
      message: 'the wrong-password message',
    }).then((text) => expect(text).toBe('Wrong user name or password.'));
  }, 60_000);

  it('signs in through the form, and copies a stream link that plays without the cookie', async () => {
    await signInThroughForm(browser, server, LOU);
    await browser.open(`${server.origin}/songs?run=copy-link`);
    await app.waitForRows(2, 20_000, 'library after sign-in');
    await browser.evaluate(recordClipboard);
    // The link is in the row's menu ("More").
    await deep().click([
      byTestId('song-row', { 'data-song-id': played.id }),
      byTestId('song-menu'),
    ]);
    await waitFor(async () => (await deep().count(byTestId('copy-link'))) > 0, {
      timeoutMs: 15_000,
      message: 'the song menu (its code loads when first opened)',
    });
    await deep().click(byTestId('copy-link'));
    const copied = await waitFor(
      () => browser.evaluate(() => (window as unknown as { copied: string[] }).copied[0] ?? ''),
      { timeoutMs: 15_000, message: 'the stream link on the clipboard' },
    );
    expect(copied).toMatch(
      new RegExp(`^${server.origin}/songs/listen/${played.id}\\?(.+&)?token=`),
    );
    await waitFor(async () => /Stream link copied/.test(await browser.evaluate(pageText)), {
      timeoutMs: 10_000,
      message: 'the "copied" notice',
    });
    const disk = await readSongFromDisk(server, server.musicDir, played);
    const part = await fetch(copied, { headers: { range: 'bytes=1000-1999' } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(disk.subarray(1000, 2000))).toBe(true);
  }, 60_000);

  it('plays, and keeps playing from the worker with the server stopped', async () => {
    await browser.open(`${server.origin}/songs?run=play`);
    await ensureControlled(browser, 30_000);
    await app.waitForRows(2, 20_000, 'library');
    await app.clickPlay(played.id);
    await waitForPlayback(browser, {
      id: 'td-audio',
      pastSeconds: 0.5,
      timeoutMs: 20_000,
      what: 'first play',
    });
    await app.waitForOffline(played.id, 'complete', 120_000);
    await browser.evaluate(() => (document.getElementById('td-audio') as HTMLAudioElement).pause());
    await server.stop();
    await browser.open(`${server.origin}/songs?run=offline`);
    await app.waitForRows(1, 20_000, 'offline library, signed in from this device');
    await app.clickPlay(played.id);
    await waitForPlayback(browser, {
      id: 'td-audio',
      pastSeconds: 0.5,
      timeoutMs: 20_000,
      what: 'offline play',
    });
  }, 240_000);

  it('back online with an expired session: sign-in for lou, and the song is still offline after', async () => {
    await browser.evaluate(() => (document.getElementById('td-audio') as HTMLAudioElement).pause());
    expect(await ageSessions(server)).toBeGreaterThan(0);
    await server.start();
    // The app notices by itself once the server answers again (its health probe), no reload.
    await waitForSignInPage(browser, /session has ended/, 45_000);
    expect(await deep().query('#td-sign-in-username')).toMatchObject([{ value: LOU.username }]);
    await fillSignInForm(browser, LOU);
    await waitForSignedIn(browser);
    await app.waitForOffline(played.id, 'complete', 20_000);
    expect((await libraryCacheEntries(browser)).some((e) => e.url.includes(played.id))).toBe(true);
  }, 120_000);

  it('a second user on this browser starts with nothing offline', async () => {
    await server.stop();
    await ageSessions(server);
    await server.start();
    await browser.open(`${server.origin}/songs?run=second-user`);
    await waitForSignInPage(browser, /session has ended/);
    await fillSignInForm(browser, MAX);
    await waitForSignedIn(browser);
    await app.waitForRows(2, 20_000, 'library of the second user');
    const row = await app.row(played.id);
    expect(row?.offline, 'the first user’s song, as the second user sees it').toBe('none');
    const kept = await libraryCacheEntries(browser);
    expect(
      // (Its cover may be cached again: the second user sees that song in the library too.)
      kept.filter((e) => e.url.includes(played.id) && !new URL(e.url).pathname.endsWith('/cover')),
      'chunks of the first user’s song',
    ).toEqual([]);
  }, 120_000);

  it('signing out leaves no library data and no title, even offline', async () => {
    await browser.open(`${server.origin}/songs?run=sign-out`);
    await waitForSignedIn(browser);
    await app.waitForRows(2, 20_000, 'library before signing out');
    // Keep a song (the worker seals it, and its details; the page keeps nothing readable).
    const kept = songs.filter((s) => s.id !== played.id).sort((a, b) => a.size - b.size)[0]!;
    await deep().click([
      byTestId('song-row', { 'data-song-id': kept.id }),
      byTestId('download-song'),
    ]);
    await app.waitForOffline(kept.id, 'complete', 60_000);
    const titlesStored = async () => {
      const text = (await dumpStorage(browser)).blobs.map((b) => b.bytes.toString('utf8')).join();
      return songs.filter((s) => text.includes(s.title)).map((s) => s.title);
    };
    expect(await titlesStored(), 'titles readable in IndexedDB or caches').toEqual([]);
    await signOutThroughMenu(browser);
    expect(await titlesStored(), 'titles left in IndexedDB or caches').toEqual([]);
    expect(await titlesShown()).toEqual([]);
    expect(await browser.evaluate(() => document.title)).toBe('Tapedeck');
    expect(await libraryCacheEntries(browser)).toEqual([]);
    await server.stop();
    await browser.open(`${server.origin}/?run=signed-out-offline`);
    await waitForSignInPage(browser);
    expect(await titlesShown()).toEqual([]);
    expect(await deep().count(byTestId('song-row'))).toBe(0);
    await server.start();
  }, 120_000);

  it('an admin adds, disables and removes a listener in the UI', async () => {
    await signInThroughForm(browser, server);
    await deep().click(byTestId('account-button'));
    await waitFor(async () => (await deep().count(byTestId('manage-listeners'))) > 0, {
      timeoutMs: 10_000,
      message: 'the admin menu item',
    });
    await deep().click(byTestId('manage-listeners'));
    await waitFor(async () => (await deep().count(byTestId('admin-user'))) >= 3, {
      timeoutMs: 15_000,
      message: 'the list of listeners',
    });
    await deep().setValue('#td-add-username', 'nora');
    await deep().setValue('#td-add-password', 'nora password');
    await deep().click('.td-add button[type="submit"]');
    const nora = '[data-testid="admin-user"][data-username="nora"]';
    await waitFor(async () => (await deep().count(nora)) === 1, {
      timeoutMs: 15_000,
      message: 'nora in the list',
    });
    await deep().click([nora, byTestId('admin-disable')]);
    await waitFor(async () => (await deep().query(nora))[0]?.text.includes('Disabled'), {
      timeoutMs: 15_000,
      message: 'nora disabled',
    });
    await deep().click([nora, byTestId('admin-remove')]);
    await deep().click([nora, byTestId('admin-remove-confirm')]);
    await waitFor(async () => (await deep().count(nora)) === 0, {
      timeoutMs: 15_000,
      message: 'nora removed',
    });
    const users = (await (
      await fetch(`${server.origin}/api/users`, {
        headers: { cookie: await signIn(server.origin) },
      })
    ).json()) as { items: { username: string }[] };
    expect(users.items.map((u) => u.username).sort()).toEqual(['admin', 'lou', 'max']);
    const csp = browser.logs().filter((line) => /Content.Security.Policy/i.test(line));
    expect(csp, 'CSP violations in the console').toEqual([]);
  }, 120_000);
});
