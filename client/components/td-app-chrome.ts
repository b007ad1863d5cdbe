import { html, nothing } from 'lit';
import type { TdEvent } from '../lib/events.ts';
import { iconOffline, iconStorage, logoCassette } from '../lib/icons.ts';
import { isFavourite } from '../views/view-context.ts';
import { renderAccountMenu } from './auth-parts.ts';
import type { TdApp } from './td-app.ts';

/** Typing waits this long before the search results follow (one request per pause, not per key). */
const SEARCH_DELAY_MS = 250;
const searchTimers = new WeakMap<TdApp, ReturnType<typeof setTimeout>>();

/**
 * The header: logo (home), search, and the app's actions (install, offline storage, account);
 * signed out, only the logo and install.
 */
export function renderHeader(app: TdApp) {
  const { route, query } = app.router.location;
  const onSearch = (event: TdEvent<'search-request'>) => {
    const q = event.detail.query;
    clearTimeout(searchTimers.get(app));
    // The first key opens the search view at once (a history entry); later ones replace its query.
    if (app.router.location.route.name !== 'search') {
      if (q.trim()) app.router.navigate(`/search?q=${encodeURIComponent(q)}`);
      return;
    }
    searchTimers.set(
      app,
      setTimeout(() => app.router.setQuery({ q }), SEARCH_DELAY_MS),
    );
  };
  const onStorage = () => {
    app.storageOpen = true;
    app.bridge?.refresh();
  };
  const signedIn = app.session.signedIn;
  return html`<header class="top">
    <div class="inner">
      <a class="brand" href="/" aria-label="Tapedeck, home">${logoCassette()}<span>Tapedeck</span></a>
      ${
        signedIn
          ? html`<td-search class="search" .value=${route.name === 'search' ? (query.get('q') ?? '') : ''}
        @search-request=${onSearch}></td-search>`
          : html`<span></span>`
      }
      <div class="actions">
        ${app.net.online ? null : html`<span class="offline-pill" title="No connection">${iconOffline()}<span>Offline</span></span>`}
        <td-install-prompt></td-install-prompt>
        ${
          signedIn
            ? html`<button class="icon-button" data-testid="storage-button" aria-label="Offline storage"
          title="Offline storage" @click=${onStorage}>${iconStorage()}</button>`
            : nothing
        }
        ${renderAccountMenu(app.session)}
      </div>
    </div>
  </header>`;
}

/** The player bar: the playback controller's state down, the bar's requests up. */
export function renderPlayerBar(app: TdApp) {
  const p = app.playback;
  const favourites = { favourites: app.favourites.changes };
  const signedIn = app.session.signedIn;
  return html`<td-player-bar ?hidden=${!signedIn} .song=${signedIn ? p.current : null} .playing=${p.playing} .buffering=${p.buffering}
    .currentTime=${p.currentTime} .duration=${p.duration} .volume=${p.volume} .muted=${p.muted}
    .hasNext=${p.hasNext} .error=${p.error} .queueOpen=${app.queueOpen}
    .favourite=${p.current ? isFavourite(favourites, 'songs', p.current.id, p.current.favourite) : false}
    @play-request=${() => p.play()} @pause-request=${() => p.pause()}
    @seek-request=${(e: TdEvent<'seek-request'>) => p.seek(e.detail.time)}
    @next-request=${() => p.next()} @previous-request=${() => p.previous()}
    @volume-request=${(e: TdEvent<'volume-request'>) => p.setVolume(e.detail.volume)}
    @mute-request=${(e: TdEvent<'mute-request'>) => p.setMuted(e.detail.muted)}
    @add-to-playlist-request=${(e: TdEvent<'add-to-playlist-request'>) => {
      app.picking = e.detail.songs;
    }}
    @favourite-request=${(e: TdEvent<'favourite-request'>) =>
      void app.favourites.set(e.detail.kind, e.detail.id, e.detail.on)}
    @queue-toggle-request=${() => {
      app.queueOpen = !app.queueOpen;
    }}></td-player-bar>`;
}
