import { html } from 'lit';
import type { TdEvent } from '../lib/events.ts';
import { renderView } from '../views/render-view.ts';
import type { ViewContext } from '../views/view-context.ts';
import type { TdApp } from './td-app.ts';

/**
 * The current view, with what it needs to know (one `ViewContext`) and the shell's answers to
 * what it asks (`…-request` events bubbling up from inside it).
 */
export function renderMain(app: TdApp, memo: (ctx: ViewContext) => ViewContext) {
  const p = app.playback;
  const { route, query } = app.router.location;
  const ctx = memo({
    online: app.net.online,
    ready: app.net.checked && app.worker.statesKnown,
    states: app.worker.states,
    offlineSongs: app.offline.songs,
    offlineOnly: app.offlineOnly,
    currentId: p.current?.id ?? null,
    playing: p.playing,
    epoch: app.worker.epoch,
    favourites: app.favourites.changes,
    query,
    user: app.session.user,
  });
  return html`<div class="view"
    @play-list-request=${(e: TdEvent<'play-list-request'>) => {
      if (e.detail.songs.length > 0) p.playQueue(e.detail.songs, e.detail.index ?? 0);
    }}
    @play-request=${() => p.play()} @pause-request=${() => p.pause()}
    @download-request=${(e: TdEvent<'download-request'>) => app.keep(e.detail.song)}
    @remove-request=${(e: TdEvent<'remove-request'>) => app.bridge?.removeSong(e.detail.id)}
    @favourite-request=${(e: TdEvent<'favourite-request'>) =>
      void app.favourites.set(e.detail.kind, e.detail.id, e.detail.on)}
    @offline-filter-request=${(e: TdEvent<'offline-filter-request'>) => {
      app.offlineOnly = e.detail.on;
    }}
    @song-menu-request=${(e: TdEvent<'song-menu-request'>) => {
      app.menu = e.detail;
    }}
    @add-to-playlist-request=${(e: TdEvent<'add-to-playlist-request'>) => {
      app.picking = e.detail.songs;
    }}
    @navigate-request=${(e: TdEvent<'navigate-request'>) =>
      app.router.navigate(e.detail.href, { replace: e.detail.replace })}
    @query-request=${(e: TdEvent<'query-request'>) => app.router.setQuery(e.detail.changes)}
    @reachability-change=${(e: TdEvent<'reachability-change'>) => app.net.report(e.detail.reachable)}
    >${renderView(route, ctx)}</div>`;
}
