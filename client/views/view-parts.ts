import { html, nothing, type TemplateResult } from 'lit';
import { emit } from '../lib/events.ts';
import { iconOffline } from '../lib/icons.ts';
import type { ViewContext } from './view-context.ts';

/**
 * Pieces every view renders the same way. Templates, not elements: they live in the view's own
 * shadow root and cost no element of their own.
 */

export interface HeadingOptions {
  title: string;
  /** "120 songs", "Loading…". */
  count?: string;
  /** Buttons and selects on the right. */
  tools?: TemplateResult | typeof nothing;
}

/** The view's title (focused after navigation, for screen readers), count and tools. */
export function viewHeading(host: HTMLElement, ctx: ViewContext, options: HeadingOptions) {
  return html`<div class="toolbar">
      <div class="heading">
        <h1 tabindex="-1">${options.title}</h1>
        ${options.count === undefined ? nothing : html`<p class="count" aria-live="polite">${options.count}</p>`}
      </div>
      <div class="tools">${options.tools ?? nothing}${offlineChip(host, ctx)}</div>
    </div>
    ${offlineBanner(ctx)}`;
}

/** The "Available offline" filter: the shell keeps it, so it holds across views. */
export function offlineChip(host: HTMLElement, ctx: ViewContext) {
  const onChange = (event: Event) =>
    emit(host, 'offline-filter-request', { on: (event.target as HTMLInputElement).checked });
  return html`<label class="chip">
    <input type="checkbox" data-testid="filter-offline" .checked=${ctx.offlineOnly} @change=${onChange} />
    <span>Available offline</span>
  </label>`;
}

export function offlineBanner(ctx: ViewContext) {
  if (ctx.online) return nothing;
  return html`<div class="banner" role="status">${iconOffline()}
    <span>You're offline. What this device keeps still plays; the rest is dimmed.</span></div>`;
}

export function errorNotice(message: string | null, retry: () => void) {
  if (!message) return nothing;
  return html`<div class="notice"><p>${message}</p>
    <button class="btn btn-quiet" @click=${retry}>Try again</button></div>`;
}

export function emptyState(title: string, text: string) {
  return html`<div class="empty"><h2>${title}</h2><p>${text}</p></div>`;
}

export function skeletonRows(count = 8) {
  return html`<div class="skeleton" aria-hidden="true">
    ${Array.from({ length: count }, () => html`<div class="ghost"><i></i><b></b></div>`)}
  </div>`;
}

/** `3 songs`, `1 album`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** What an empty list says, by why it is empty. */
export function emptyFor(ctx: ViewContext, things: string, query = '') {
  if (ctx.offlineOnly)
    return emptyState(
      `No ${things} on this device yet`,
      'Songs you play are kept on this device. Use the download button to keep one on purpose.',
    );
  if (query)
    return emptyState(
      `No ${things} match “${query}”`,
      ctx.online ? 'Try other words.' : 'Offline, only what this device keeps can be searched.',
    );
  if (!ctx.online)
    return emptyState(
      'You’re offline',
      `${capitalise(things)} appear here once they have been loaded, or kept on this device.`,
    );
  return emptyState(
    `No ${things} yet`,
    'Add music files to the server’s music folder and they will show up here.',
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
