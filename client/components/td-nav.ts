import { css, html, LitElement, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import {
  iconArtist,
  iconDisc,
  iconHeart,
  iconHome,
  iconMusic,
  iconPlaylist,
  iconTag,
} from '../lib/icons.ts';
import type { RouteName } from '../router/routes.ts';
import { baseStyles } from '../styles/shared.ts';

interface NavItem {
  section: RouteName;
  href: string;
  label: string;
  icon: () => TemplateResult;
  /** Shown in the phone's tab bar too (five fit on a 320 px screen). */
  tab: boolean;
}

const ITEMS: NavItem[] = [
  { section: 'home', href: '/', label: 'Home', icon: iconHome, tab: true },
  { section: 'albums', href: '/albums', label: 'Albums', icon: iconDisc, tab: true },
  { section: 'artists', href: '/artists', label: 'Artists', icon: iconArtist, tab: true },
  { section: 'songs', href: '/songs', label: 'Songs', icon: iconMusic, tab: true },
  { section: 'genres', href: '/genres', label: 'Genres', icon: iconTag, tab: false },
  { section: 'playlists', href: '/playlists', label: 'Playlists', icon: iconPlaylist, tab: true },
  { section: 'favourites', href: '/favourites', label: 'Favourites', icon: iconHeart, tab: false },
];

/**
 * The app's navigation: a side bar on wide screens, a bottom tab bar on phones (the sections that
 * do not fit are linked from Home). Plain links: the router turns their clicks into navigations.
 */
@customElement('td-nav')
export class TdNav extends LitElement {
  static styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      nav {
        position: fixed;
        z-index: 14;
        top: calc(var(--td-header-h) + env(safe-area-inset-top) + 1px);
        bottom: calc(var(--td-player-h) + env(safe-area-inset-bottom) + 1px);
        left: 0;
        width: var(--td-side-w);
        padding: 1rem 0.75rem;
        overflow-y: auto;
        border-right: 1px solid var(--td-border);
      }
      ul {
        display: flex;
        flex-direction: column;
        gap: 2px;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      a {
        display: flex;
        align-items: center;
        gap: 0.8rem;
        min-height: 2.6rem;
        padding: 0 0.9rem;
        border-radius: 10px;
        color: var(--td-muted);
        font-weight: 600;
        font-size: 0.95rem;
        text-decoration: none;
        transition: background-color 0.12s, color 0.12s;
      }
      a:hover {
        background: var(--td-hover);
        color: var(--td-text);
      }
      a[aria-current='page'] {
        background: var(--td-accent-soft);
        /* The darker accent: the plain one is 4.3:1 on the soft background, under WCAG's 4.5. */
        color: var(--td-accent-hover);
      }
      @media (max-width: 899px) {
        nav {
          top: auto;
          bottom: 0;
          right: 0;
          width: auto;
          height: calc(var(--td-nav-h) + env(safe-area-inset-bottom));
          padding: 0 max(0.25rem, env(safe-area-inset-left)) env(safe-area-inset-bottom);
          overflow: visible;
          border-right: 0;
          border-top: 1px solid var(--td-border);
          background: var(--td-surface);
        }
        ul {
          flex-direction: row;
          justify-content: space-around;
          height: 100%;
        }
        li {
          flex: 1;
          min-width: 0;
        }
        li.extra {
          display: none;
        }
        a {
          flex-direction: column;
          justify-content: center;
          gap: 0.15rem;
          height: 100%;
          padding: 0;
          border-radius: 0;
          font-size: 0.7rem;
          font-weight: 600;
        }
        a[aria-current='page'] {
          background: none;
        }
        a .icon {
          width: 1.35rem;
          height: 1.35rem;
        }
      }
    `,
  ];

  /** The section of the current view. */
  @property() section: RouteName = 'home';

  render() {
    return html`<nav aria-label="Library">
      <ul>
        ${ITEMS.map(
          (item) => html`<li class=${item.tab ? '' : 'extra'}>
            <a href=${item.href} data-testid="nav-${item.section}"
              aria-current=${item.section === this.section ? 'page' : 'false'}>${item.icon()}<span>${item.label}</span></a>
          </li>`,
        )}
      </ul>
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'td-nav': TdNav;
  }
}
