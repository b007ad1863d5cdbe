import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { parseRoute, type Route } from './routes.ts';

export interface RouterLocation {
  route: Route;
  /** Path and query, e.g. `/songs?sort=title`. */
  href: string;
  query: URLSearchParams;
}

/** How the location was reached: scroll is reset on a push and restored on a pop. */
export type NavigationKind = 'initial' | 'push' | 'replace' | 'pop';

interface EntryState {
  /** Where the page was scrolled when the user left this entry. */
  scrollY?: number;
}

/**
 * The History API as a reactive controller: same-origin `<a href>` clicks (through shadow roots)
 * and `navigate()` push entries, the back and forward buttons pop them, and the host re-renders
 * with the new `location`. Links stay real links, so they open in a new tab and work without us.
 */
export class Router implements ReactiveController {
  location: RouterLocation = readLocation();
  kind: NavigationKind = 'initial';
  /** The scroll position to restore after a pop, once the view has laid out. */
  restoreScrollY: number | null = null;
  private readonly _host: ReactiveControllerHost;
  private readonly _onPop = (event: PopStateEvent) => {
    this._set('pop', (event.state as EntryState | null)?.scrollY ?? 0);
  };
  private readonly _onClick = (event: MouseEvent) => this._intercept(event);

  constructor(host: ReactiveControllerHost) {
    this._host = host;
    host.addController(this);
  }

  hostConnected(): void {
    // Views load their data after navigating: we restore the scroll position ourselves then.
    if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
    window.addEventListener('popstate', this._onPop);
    window.addEventListener('click', this._onClick);
  }
  hostDisconnected(): void {
    window.removeEventListener('popstate', this._onPop);
    window.removeEventListener('click', this._onClick);
  }

  /** Go to `href` (same origin): a new history entry, or `replace` the current one. */
  navigate(href: string, { replace = false } = {}): void {
    const url = new URL(href, location.href);
    const target = url.pathname + url.search;
    if (target === this.location.href && !replace) return;
    if (replace) history.replaceState(history.state, '', target);
    else {
      history.replaceState({ ...(history.state as EntryState | null), scrollY: scrollY }, '');
      history.pushState({}, '', target);
    }
    this._set(replace ? 'replace' : 'push', null);
  }

  /** Change query parameters of the current view in place (typing, a sort): no new entry. */
  setQuery(changes: Record<string, string | null>): void {
    const query = new URLSearchParams(this.location.query);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') query.delete(key);
      else query.set(key, value);
    }
    const search = query.size > 0 ? `?${query}` : '';
    this.navigate(`${location.pathname}${search}`, { replace: true });
  }

  private _set(kind: NavigationKind, scrollTo: number | null): void {
    this.location = readLocation();
    this.kind = kind;
    this.restoreScrollY = scrollTo;
    if (kind === 'push') window.scrollTo(0, 0);
    this._host.requestUpdate();
  }

  private _intercept(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.composedPath().find((node) => node instanceof HTMLAnchorElement);
    if (!anchor || !isAppLink(anchor)) return;
    event.preventDefault();
    this.navigate(anchor.href);
  }
}

function readLocation(): RouterLocation {
  return {
    route: parseRoute(location.pathname),
    href: location.pathname + location.search,
    query: new URLSearchParams(location.search),
  };
}

/** A link to one of our views: same origin, same tab, not a download, not an API or a song. */
function isAppLink(anchor: HTMLAnchorElement): boolean {
  if (anchor.target && anchor.target !== '_self') return false;
  if (anchor.hasAttribute('download') || !anchor.getAttribute('href')) return false;
  const url = new URL(anchor.href);
  if (url.origin !== location.origin) return false;
  return !/^\/(api|songs\/listen)\//.test(url.pathname);
}
