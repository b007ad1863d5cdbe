import { html, nothing } from 'lit';
import type { TdEvent } from '../lib/events.ts';
import type { LazyPart } from './lazy-parts.ts';
import type { TdApp } from './td-app.ts';

/**
 * The shell's parts the first screen never shows — queue, storage panel, update prompt, song menu,
 * "add to playlist", toasts — each rendered once needed (its code loads then, see lazy-parts.ts).
 */
export function renderParts(app: TdApp) {
  const { playback: p, worker: w } = app;
  const has = (tag: LazyPart) => app.parts.has(tag);
  const close = (event: Event) => onClose(app, event);
  const remove = (e: TdEvent<'remove-request'>) => app.bridge?.removeSong(e.detail.id);
  const queue = () => html`<td-queue ?open=${app.queueOpen} .queue=${p.queue} .index=${p.index}
    @queue-jump-request=${(e: TdEvent<'queue-jump-request'>) => p.jumpTo(e.detail.index)}
    @close-request=${close}></td-queue>`;
  const storage = () => html`<td-storage-panel ?open=${app.storageOpen} .report=${w.storage}
    .states=${w.states} .songs=${app.offline.songs} @close-request=${close}
    @remove-request=${remove} @clear-offline-request=${() => onClear(app)}
    @budget-request=${(e: TdEvent<'budget-request'>) => app.bridge?.setBudget(e.detail.bytes)}></td-storage-panel>`;
  const update = () => html`<td-update-prompt ?open=${w.needRefresh} .updating=${app.updating}
    @update-request=${() => void onUpdate(app)} @close-request=${close}></td-update-prompt>`;
  const menu =
    () => html`<td-song-menu .target=${app.menu} .offline=${app.menu ? w.states.get(app.menu.song.id) : undefined}
    .online=${app.net.online} @close-request=${close}
    @add-to-playlist-request=${(e: TdEvent<'add-to-playlist-request'>) => {
      app.picking = e.detail.songs;
    }}
    @download-request=${(e: TdEvent<'download-request'>) => app.keep(e.detail.song)}
    @copy-link-request=${(e: TdEvent<'copy-link-request'>) => void onCopyLink(app, e.detail.song.id)}
    @remove-request=${remove}></td-song-menu>`;
  const picker = () => html`<td-playlist-picker .songs=${app.picking} .online=${app.net.online}
    @close-request=${close} @toast-request=${(e: TdEvent<'toast-request'>) => void app.parts.toast(e.detail.message, 'success')}></td-playlist-picker>`;
  const resume = () => html`<td-resume-offer .offer=${app.queueSync.offer} @close-request=${close}
    @resume-request=${() => void onResume(app)}></td-resume-offer>`;
  return [
    has('td-resume-offer') ? resume() : nothing,
    has('td-queue') ? queue() : nothing,
    has('td-storage-panel') ? storage() : nothing,
    has('td-update-prompt') ? update() : nothing,
    has('td-song-menu') ? menu() : nothing,
    has('td-playlist-picker') ? picker() : nothing,
    has('td-toasts') ? html`<td-toasts></td-toasts>` : nothing,
  ];
}

/** Load (and from then on render) the parts the shell's state asks for. */
export function needParts(app: TdApp): void {
  const wanted: [boolean, LazyPart][] = [
    [app.queueSync.offer !== null, 'td-resume-offer'],
    [app.queueOpen, 'td-queue'],
    [app.storageOpen, 'td-storage-panel'],
    [app.worker.needRefresh, 'td-update-prompt'],
    [app.menu !== null, 'td-song-menu'],
    [app.picking !== null, 'td-playlist-picker'],
  ];
  for (const [needed, tag] of wanted) if (needed) void app.parts.need(tag);
}

/** `close-request` from a part: the shell owns whether it is open. */
function onClose(app: TdApp, event: Event): void {
  const tag = (event.currentTarget as Element).localName;
  if (tag === 'td-queue') app.queueOpen = false;
  else if (tag === 'td-storage-panel') app.storageOpen = false;
  else if (tag === 'td-song-menu') app.menu = null;
  else if (tag === 'td-playlist-picker') app.picking = null;
  else if (tag === 'td-resume-offer') app.queueSync.dismiss();
  else app.worker.needRefresh = false;
  app.requestUpdate();
}

function onClear(app: TdApp): void {
  app.bridge?.clearSongs();
  void app.parts.toast('Offline songs removed from this device', 'success');
}

async function onResume(app: TdApp): Promise<void> {
  const resumed = await app.queueSync.resume();
  if (resumed) app.playback.playQueue(resumed.songs, 0, resumed.position);
  else void app.parts.toast('That queue’s songs are no longer in the library', 'error');
}

async function onCopyLink(app: TdApp, songId: string): Promise<void> {
  const { copyStreamLink } = await import('../lib/stream-link.ts');
  const { ok, message } = await copyStreamLink(songId);
  void app.parts.toast(message, ok ? 'success' : 'error', { key: 'stream-link' });
}

async function onUpdate(app: TdApp): Promise<void> {
  app.updating = true;
  await app.bridge?.applyUpdate();
}
