import { join } from 'node:path';
import type { Page, Request, Response, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstScreenUrls, HOME_URLS } from '../../api/lib/first-screen.ts';
import { type ChromiumAdapter, launchChromium } from './adapters/chromium.ts';
import { ensureBuiltClient } from './lib/built-client.ts';
import { ensureControlled } from './lib/service-worker.ts';
import { signInThroughForm } from './lib/sign-in.ts';
import { startTapedeckServer, type TapedeckServer } from './lib/tapedeck-server.ts';
import { SCREENSHOT_DIR } from './scenario/chromium-extras.ts';

/**
 * The browse views in real Chromium against the real server and worker: URLs, links and the back
 * button; a playlist made, reordered (keyboard and drag), played, renamed and deleted; an album
 * made a favourite; an album opened offline with the server stopped. Screenshots of every view at
 * a phone's and a desktop's width go to screenshots/views/.
 */

interface ApiSong {
  id: string;
  title: string;
  album: string | null;
  albumId: string;
  artistId: string;
  albumArtist: string;
  mimeType: string;
}

let server: TapedeckServer;
let browser: ChromiumAdapter;
let page: Page;
let songs: ApiSong[];
type Favourites = { albums: { id: string }[]; artists: { id: string }[] };
/** A heart's round trip (PUT, then the view's update) on a busy machine. */
const WAIT = { timeout: 10_000 };

const api = <T>(path: string, init?: { method: string; body?: unknown }) =>
  page.evaluate(
    async ([url, method, body]) => {
      const response = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return {
        status: response.status,
        body: response.status === 204 ? null : await response.json(),
      };
    },
    [path, init?.method ?? 'GET', init?.body] as const,
  ) as Promise<{ status: number; body: T }>;

const heading = () => page.locator('main h1').first();
const rowIds = async () =>
  page
    .locator('[data-testid="song-row"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-song-id')));

beforeAll(async () => {
  const clientDir = await ensureBuiltClient();
  server = await startTapedeckServer({ env: { CLIENT_DIR: clientDir } });
  browser = await launchChromium();
  page = browser.page;
  page.setDefaultTimeout(15_000);
  await screenshotSignedOut();
  await signInThroughForm(browser, server);
  songs = (await api<{ items: ApiSong[] }>('/api/songs?limit=500')).body.items;
}, 300_000);

/**
 * The first-account page (the answer to `/api/auth/me` replaced, for the picture only: on the
 * first visit, before the worker controls the page) and the sign-in page, at both widths.
 */
async function screenshotSignedOut() {
  const sizes = [
    [390, 844],
    [1280, 800],
  ] as const;
  const setup = (route: Route) =>
    route.fulfill({
      status: 401,
      contentType: 'application/json',
      body: JSON.stringify({ error: 'sign in first', reason: 'signed-out', setupRequired: true }),
    });
  await page.route('**/api/auth/me', setup);
  await page.goto(`${server.origin}/`);
  await page.locator('#td-setup-username').waitFor();
  for (const [width, height] of sizes) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'views', `first-account-${width}.png`) });
  }
  await page.unroute('**/api/auth/me', setup);
  await page.goto(`${server.origin}/`);
  await page.locator('#td-sign-in-username').waitFor();
  for (const [width, height] of sizes) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'views', `sign-in-${width}.png`) });
  }
}

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('chromium: browsing the library', () => {
  it('navigates by URL, by links and by the back button, and reloads on any view', async () => {
    const album = songs.find((s) => s.album === 'Neon Harbor')!;
    await page.goto(`${server.origin}/albums`);
    await page.locator(`[data-testid="album-card"][data-album-id="${album.albumId}"]`).click();
    await page.waitForURL(`**/albums/${album.albumId}`);
    await expect.poll(() => heading().textContent()).toBe('Neon Harbor');
    await expect.poll(rowIds).toHaveLength(4);

    await page.locator('.hero .meta a', { hasText: 'Velvet Meridian' }).click();
    await page.waitForURL(`**/artists/${album.artistId}`);
    await expect.poll(() => heading().textContent()).toBe('Velvet Meridian');

    await page.goBack();
    await expect.poll(() => heading().textContent()).toBe('Neon Harbor');
    await page.goBack();
    await page.waitForURL('**/albums');
    await expect.poll(() => page.locator('[data-testid="album-card"]').count()).toBe(3);
    await page.goForward();
    await expect.poll(() => heading().textContent()).toBe('Neon Harbor');

    await page.goto(`${server.origin}/artists/${album.artistId}`);
    await expect.poll(() => heading().textContent()).toBe('Velvet Meridian');
    await page.locator('[data-testid="nav-songs"]').first().click();
    await page.waitForURL('**/songs');
    await expect.poll(rowIds).toHaveLength(songs.length);
    expect(
      await page.locator('[data-testid="nav-songs"]').first().getAttribute('aria-current'),
    ).toBe('page');

    await page.goto(`${server.origin}/genres`);
    await page.locator('[data-testid="genre"]').first().click();
    await page.waitForURL('**/genres/*');
    await expect.poll(() => page.locator('[data-testid="album-card"]').count()).toBeGreaterThan(0);

    await page.goto(`${server.origin}/no/such/page`);
    await expect.poll(() => heading().textContent()).toBe('Page not found');
  }, 120_000);

  it('a first visit (no worker yet) finds who is signed in and home’s data in the document', async () => {
    // A browser of its own: a fresh profile, so no service worker answers the navigation.
    const fresh = await launchChromium();
    try {
      const [name, value] = (await server.cookie()).split('=') as [string, string];
      await fresh.page.context().addCookies([{ name, value, url: server.origin }]);
      const asked: string[] = [];
      fresh.page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.pathname.startsWith('/api/')) asked.push(url.pathname + url.search);
      });
      await fresh.page.goto(`${server.origin}/`);
      await expect
        .poll(() => fresh.page.locator('[data-testid="album-card"]').count(), WAIT)
        .toBe(3);
      expect(await fresh.page.locator('main h1').first().textContent()).toBe('Home');
      for (const url of firstScreenUrls('/')) {
        expect(asked, `${url} asked for, though the document held it`).not.toContain(url);
      }
      // Nor does it ask whether the server is there: the document just came from it.
      expect(asked).not.toContain('/api/health');
    } finally {
      await fresh.close();
    }
  }, 90_000);

  it('with the worker, asks for home’s data beside /api/auth/me, not after it answers, and shows it', async () => {
    // The worker answers the navigation with its copy of the shell (no answers in it).
    await ensureControlled(browser, 30_000);
    // The order requests were sent in, and how many had been sent when /api/auth/me answered.
    const sent: string[] = [];
    let sentWhenMeAnswered = -1;
    const onRequest = (request: Request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) sent.push(url.pathname + url.search);
    };
    const onResponse = (response: Response) => {
      const first = sentWhenMeAnswered < 0;
      if (first && new URL(response.url()).pathname === '/api/auth/me') {
        sentWhenMeAnswered = sent.length;
      }
    };
    page.on('request', onRequest);
    page.on('response', onResponse);
    try {
      await page.goto(`${server.origin}/`);
      await expect.poll(() => page.locator('[data-testid="album-card"]').count()).toBe(3);
    } finally {
      page.off('request', onRequest);
      page.off('response', onResponse);
    }
    for (const url of Object.values(HOME_URLS)) {
      expect(sent.indexOf(url), `${url} in ${sent.join(' ')}`).toBeGreaterThanOrEqual(0);
      expect(sent.indexOf(url), `${url} sent before /api/auth/me answered`).toBeLessThan(
        sentWhenMeAnswered,
      );
    }
  }, 60_000);

  it('makes a playlist from song menus, reorders it by keyboard and by drag, plays, renames and deletes it', async () => {
    const [a, b, c] = songs.filter((s) => s.mimeType === 'audio/mpeg');
    await page.goto(`${server.origin}/songs`);
    const addFromMenu = async (song: ApiSong) => {
      await page
        .locator(`[data-testid="song-row"][data-song-id="${song.id}"] [data-testid="song-menu"]`)
        .click();
      await page.locator('[data-testid="menu-add-to-playlist"]').click();
    };
    await addFromMenu(a!);
    await page.locator('[data-testid="new-playlist-name"]').fill('Road trip');
    await page.locator('[data-testid="create-playlist"]').click();
    await expect.poll(() => page.locator('td-playlist-picker[open]').count()).toBe(0);
    for (const song of [b!, c!]) {
      await addFromMenu(song);
      await page.locator('[data-testid="pick-playlist"]', { hasText: 'Road trip' }).click();
      await expect.poll(() => page.locator('td-playlist-picker[open]').count()).toBe(0);
    }

    await page.locator('[data-testid="nav-playlists"]').first().click();
    await page.locator('[data-testid="playlist-card"]', { hasText: 'Road trip' }).click();
    await page.waitForURL('**/playlists/*');
    const id = page.url().split('/').pop()!;
    await expect.poll(rowIds).toEqual([a!.id, b!.id, c!.id]);

    const saved = async () =>
      (await api<{ songIds: string[] }>(`/api/playlists/${id}`)).body.songIds;
    await page.locator('[data-testid="edit-playlist"]').click();
    await page.locator('[data-testid="reorder-handle"]').first().focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(rowIds).toEqual([b!.id, a!.id, c!.id]);
    await expect.poll(saved, { timeout: 10_000 }).toEqual([b!.id, a!.id, c!.id]);
    // Focus stays on the moved song's handle: a second press moves it again.
    await page.keyboard.press('ArrowDown');
    await expect.poll(saved, { timeout: 10_000 }).toEqual([b!.id, c!.id, a!.id]);

    const handles = page.locator('[data-testid="reorder-handle"]');
    await handles.nth(2).dragTo(page.locator('[data-testid="playlist-entry"]').nth(0));
    await expect.poll(saved, { timeout: 10_000 }).toEqual([a!.id, b!.id, c!.id]);

    await page.locator('[data-testid="remove-from-playlist"]').nth(1).click();
    await expect.poll(saved, { timeout: 10_000 }).toEqual([a!.id, c!.id]);
    await page.locator('[data-testid="edit-playlist"]').click();

    await page.locator('[data-testid="play-all"]').click();
    await expect
      .poll(() =>
        page.evaluate(() => (document.getElementById('td-audio') as HTMLAudioElement).src),
      )
      .toContain(`/songs/listen/${a!.id}`);
    await page.evaluate(() => (document.getElementById('td-audio') as HTMLAudioElement).pause());

    await page.locator('[data-testid="rename-playlist"]').click();
    await page.locator('[data-testid="playlist-name"]').fill('Night drive');
    await page.locator('[data-testid="playlist-name"]').press('Enter');
    await expect.poll(() => heading().textContent()).toBe('Night drive');
    await page.locator('[data-testid="delete-playlist"]').click();
    await page.locator('[data-testid="confirm-delete"]').click();
    await page.waitForURL('**/playlists');
    expect((await api(`/api/playlists/${id}`)).status).toBe(404);
  }, 120_000);

  it('makes an album a favourite from its view, and the favourites view lists it', async () => {
    const album = songs.find((s) => s.album === 'Kettle and Coal')!;
    await page.goto(`${server.origin}/albums/${album.albumId}`);
    const heart = page.locator('.hero [data-testid="favourite"]');
    await expect.poll(() => heart.getAttribute('aria-pressed')).toBe('false');
    await heart.click();
    await expect.poll(() => heart.getAttribute('aria-pressed')).toBe('true');
    const favourites = async () =>
      (await api<{ albums: { id: string }[] }>('/api/favourites')).body.albums.map((x) => x.id);
    await expect.poll(favourites).toEqual([album.albumId]);
    await page.locator('[data-testid="nav-favourites"]').first().click();
    await expect
      .poll(() =>
        page.locator(`[data-testid="album-card"][data-album-id="${album.albumId}"]`).count(),
      )
      .toBe(1);
  }, 60_000);

  it('hearts an album from the albums grid, lists it in favourites and takes it off there; an artist by keyboard', async () => {
    const album = songs.find((s) => s.album === 'Neon Harbor')!;
    const favourites = async () => (await api<Favourites>('/api/favourites')).body;
    const before = (await favourites()).albums.map((a) => a.id);
    expect(before).not.toContain(album.albumId);

    await page.goto(`${server.origin}/albums`);
    const card = `[data-album-id="${album.albumId}"]`;
    const heart = page.locator(`.card-box:has(${card}) [data-testid="card-favourite"]`);
    await expect.poll(() => heart.getAttribute('aria-pressed'), WAIT).toBe('false');
    expect(await heart.getAttribute('aria-label')).toBe('Add Neon Harbor to favourites');
    // The grid stays flat: one element per heart (no icon inside it).
    expect(await heart.evaluate((b) => b.tagName + b.childElementCount)).toBe('BUTTON0');
    await heart.click();
    await expect.poll(() => heart.getAttribute('aria-pressed'), WAIT).toBe('true');
    expect(await heart.getAttribute('aria-label')).toBe('Remove Neon Harbor from favourites');
    expect(new URL(page.url()).pathname).toBe('/albums'); // the card's link was not followed
    await expect
      .poll(async () => (await favourites()).albums.map((a) => a.id), WAIT)
      .toContain(album.albumId);

    await page.locator('[data-testid="nav-favourites"]').first().click();
    await page.waitForURL('**/favourites');
    const listed = page.locator(`.card-box:has(${card}) [data-testid="card-favourite"]`);
    await expect.poll(() => listed.getAttribute('aria-pressed'), WAIT).toBe('true');
    await listed.click();
    await expect.poll(() => page.locator(card).count(), WAIT).toBe(0);
    await expect
      .poll(async () => (await favourites()).albums.map((a) => a.id), WAIT)
      .toEqual(before);

    // By keyboard, on the artists grid: Tab reaches the heart after the card's link; Space toggles.
    await page.goto(`${server.origin}/artists`);
    const artistCard = page.locator(`[data-artist-id="${album.artistId}"]`);
    const artistHeart = page.locator(
      `.card-box:has([data-artist-id="${album.artistId}"]) [data-testid="card-favourite"]`,
    );
    await artistCard.focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => artistHeart.evaluate((b) => b.matches(':focus')), WAIT).toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(() => artistHeart.getAttribute('aria-pressed'), WAIT).toBe('true');
    await expect
      .poll(async () => (await favourites()).artists.map((a) => a.id), WAIT)
      .toContain(album.artistId);
    await page.keyboard.press('Enter');
    await expect.poll(() => artistHeart.getAttribute('aria-pressed'), WAIT).toBe('false');
    await expect
      .poll(async () => (await favourites()).artists.map((a) => a.id), WAIT)
      .not.toContain(album.artistId);
    expect(new URL(page.url()).pathname).toBe('/artists');
  }, 90_000);

  it('taking a heart off in favourites keeps keyboard focus: on the next heart, the previous, then the heading', async () => {
    const before = (await api<Favourites>('/api/favourites')).body;
    const picked = songs.slice(0, 3);
    const albums = [...new Set(songs.map((s) => s.albumId))].slice(0, 2);
    for (const song of picked) await api(`/api/favourites/songs/${song.id}`, { method: 'PUT' });
    for (const id of albums) await api(`/api/favourites/albums/${id}`, { method: 'PUT' });
    for (const album of before.albums) {
      if (!albums.includes(album.id))
        await api(`/api/favourites/albums/${album.id}`, { method: 'DELETE' });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.origin}/favourites`);
    await expect.poll(rowIds, WAIT).toHaveLength(3);
    const order = (await rowIds()) as string[];
    const focused = () =>
      page.evaluate(() => {
        let active = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        const el = active as HTMLElement | null;
        return {
          testid: el?.dataset.testid ?? el?.tagName ?? null,
          song: el?.closest<HTMLElement>('[data-song-id]')?.dataset.songId ?? null,
          id: el?.dataset.id ?? null,
        };
      });
    /** Tab from `start` until a heart has focus (a few stops: links, then the heart). */
    const tabToHeart = async (start: string, testid: string) => {
      await page.locator(start).focus();
      for (let i = 0; i < 6 && (await focused()).testid !== testid; i++) {
        await page.keyboard.press('Tab');
      }
      expect((await focused()).testid).toBe(testid);
    };

    // A song's heart: focus goes to the next song's heart once the row has gone.
    await tabToHeart(`[data-song-id="${order[0]}"] [data-testid="play-song"]`, 'favourite-song');
    expect((await focused()).song).toBe(order[0]);
    await page.keyboard.press('Space');
    await expect.poll(rowIds, WAIT).toEqual(order.slice(1));
    await expect
      .poll(focused, WAIT)
      .toEqual({ testid: 'favourite-song', song: order[1], id: null });
    // The last song's heart: focus goes back to the one before it.
    await tabToHeart(`[data-song-id="${order[2]}"] [data-testid="play-song"]`, 'favourite-song');
    await page.keyboard.press('Space');
    await expect.poll(rowIds, WAIT).toEqual([order[1]]);
    await expect
      .poll(focused, WAIT)
      .toEqual({ testid: 'favourite-song', song: order[1], id: null });

    // An album card's heart: the next album's heart; the shelf's last one: the view's heading.
    const shelf = await page
      .locator('[data-testid="album-card"]')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-album-id')!));
    expect([...shelf].sort()).toEqual([...albums].sort());
    await tabToHeart(`[data-album-id="${shelf[0]}"]`, 'card-favourite');
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('[data-testid="album-card"]').count(), WAIT).toBe(1);
    await expect
      .poll(focused, WAIT)
      .toEqual({ testid: 'card-favourite', song: null, id: shelf[1] });
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('[data-testid="album-card"]').count(), WAIT).toBe(0);
    await expect.poll(focused, WAIT).toEqual({ testid: 'H1', song: null, id: null });

    // As it was: the earlier tests' favourites back, these off.
    await api(`/api/favourites/songs/${order[1]}`, { method: 'DELETE' });
    for (const album of before.albums)
      await api(`/api/favourites/albums/${album.id}`, { method: 'PUT' });
  }, 90_000);

  it('song rows fit their cells between the phone and desktop layouts (650 and 700 px wide)', async () => {
    // The side bar shows from 900 px (index.html), so with it the list is over 640 px wide; at a
    // 650 px viewport the list is under 640 px while the viewport is over it.
    const cells = () =>
      page.locator('[data-testid="song-row"]').evaluateAll((rows) => {
        const boxes = rows
          .map((row) => ({
            index: Number((row as HTMLElement).dataset.index),
            box: row.getBoundingClientRect(),
          }))
          .sort((a, b) => a.index - b.index);
        // Each row's height against the distance to the next row's top: its cell's height.
        const fits = boxes.slice(0, -1).map(({ index, box }, i) => ({
          index,
          row: box.height,
          cell: boxes[i + 1]!.box.top - box.top,
        }));
        return { fits, listWidth: rows[0]!.closest('.list')!.getBoundingClientRect().width };
      });
    const widths: number[] = [];
    for (const width of [650, 700]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${server.origin}/songs`);
      await expect.poll(rowIds, WAIT).toHaveLength(songs.length);
      const { fits, listWidth } = await cells();
      widths.push(listWidth);
      expect(fits.length).toBeGreaterThan(2);
      for (const { index, row, cell } of fits)
        expect({ width, index, row }).toEqual({ width, index, row: cell });
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'views', `songs-${width}.png`) });
    }
    expect(widths[0]).toBeLessThanOrEqual(640); // the case: a list under 640 px in a wider viewport
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 60_000);

  it('screenshots every view at 390 and 1280 pixels wide', async () => {
    const album = songs.find((s) => s.album === 'Neon Harbor')!;
    const views: [string, string][] = [
      ['home', '/'],
      ['songs', '/songs'],
      ['search', '/search?q=neon'],
      ['albums', '/albums'],
      ['album', `/albums/${album.albumId}`],
      ['artists', '/artists'],
      ['artist', `/artists/${album.artistId}`],
      ['genres', '/genres'],
      ['playlists', '/playlists'],
      ['favourites', '/favourites'],
      ['admin', '/admin'],
    ];
    for (const [width, height] of [
      [320, 640],
      [390, 844],
      [1280, 800],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const [name, path] of views) {
        // The smallest phone: only the views with cards (hearts must stay usable there).
        if (width === 320 && !['home', 'albums', 'artists', 'favourites'].includes(name)) continue;
        await page.goto(`${server.origin}${path}`);
        await expect.poll(() => heading().count(), { timeout: 15_000 }).toBeGreaterThan(0);
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: join(SCREENSHOT_DIR, 'views', `${name}-${width}.png`) });
      }
      if (width === 320) continue;
      // The "Add to playlist" dialog, its new-playlist field filled in.
      await page.goto(`${server.origin}/songs`);
      await page.locator('[data-testid="song-menu"]').first().click();
      await page.locator('[data-testid="menu-add-to-playlist"]').click();
      await page.locator('[data-testid="new-playlist-name"]').fill('Sunday morning');
      await page.screenshot({
        path: join(SCREENSHOT_DIR, 'views', `playlist-picker-${width}.png`),
      });
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('td-playlist-picker[open]').count()).toBe(0);
    }
  }, 240_000);

  // It stops the server (the next test starts it again).
  it('opens an album offline, with the server stopped: what was kept plays, the rest is dimmed', async () => {
    const album = songs.filter((s) => s.album === 'Neon Harbor');
    const played = album[0]!;
    await page.goto(`${server.origin}/albums/${played.albumId}`);
    await ensureControlled(browser, 30_000);
    await page.reload(); // the album's answer now goes through the worker, which keeps it
    await page
      .locator(`[data-testid="song-row"][data-song-id="${played.id}"] [data-testid="play-song"]`)
      .click();
    await expect
      .poll(
        () =>
          page
            .locator(`[data-testid="song-row"][data-song-id="${played.id}"]`)
            .getAttribute('data-offline'),
        {
          timeout: 60_000,
        },
      )
      .toBe('complete');
    await page.evaluate(() => (document.getElementById('td-audio') as HTMLAudioElement).pause());

    await server.stop();
    await page.reload();
    await expect.poll(() => heading().textContent(), { timeout: 30_000 }).toBe('Neon Harbor');
    const availability = async () =>
      page
        .locator('[data-testid="song-row"]')
        .evaluateAll((rows) =>
          rows.map((r) => `${r.getAttribute('data-song-id')}:${r.getAttribute('data-available')}`),
        );
    await expect
      .poll(availability, { timeout: 20_000 })
      .toEqual(album.map((s) => `${s.id}:${s.id === played.id}`));

    // "Available offline" leaves only what plays; other views are rebuilt from what is kept.
    await page.locator('[data-testid="filter-offline"]').first().check();
    await expect.poll(rowIds).toEqual([played.id]);
    await page.locator('[data-testid="nav-albums"]').first().click();
    await expect
      .poll(() =>
        page
          .locator('[data-testid="album-card"]')
          .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-album-id'))),
      )
      .toEqual([played.albumId]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'views', 'album-offline-1280.png') });
  }, 180_000);

  it('offers the queue saved on another device, and picks it up where it was left', async () => {
    await server.start(); // after the offline test
    const [a, b] = songs.filter((s) => s.mimeType === 'audio/mpeg');
    // Saved by "another device": this page never sent it, so it is offered as from elsewhere.
    const saved = await api('/api/queue', {
      method: 'PUT',
      body: { songIds: [a!.id, b!.id], index: 1, position: 3 },
    });
    expect(saved.status).toBe(204);
    await page.goto(`${server.origin}/songs`);
    await page.locator('[data-testid="resume-offer"]').waitFor();
    await page.locator('[data-testid="resume-queue"]').click();
    const audio = () =>
      page.evaluate(() => {
        const el = document.getElementById('td-audio') as HTMLAudioElement;
        return { src: el.src, time: el.currentTime };
      });
    await expect.poll(async () => (await audio()).src).toContain(`/songs/listen/${b!.id}`);
    await expect.poll(async () => (await audio()).time, { timeout: 15_000 }).toBeGreaterThan(2.5);
    await page.evaluate(() => (document.getElementById('td-audio') as HTMLAudioElement).pause());
    await expect.poll(() => page.locator('[data-testid="resume-offer"]').count()).toBe(0);
  }, 60_000);
});
