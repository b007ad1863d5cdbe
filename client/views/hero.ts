import { css, html, nothing, type TemplateResult } from 'lit';
import type { FavouriteKind } from '../../api/user-library/types.ts';
import { coverStyles, renderCover } from '../components/cover.ts';
import { coverAt } from '../lib/cover-size.ts';
import { emit } from '../lib/events.ts';
import { iconHeart } from '../lib/icons.ts';
import { iconHeartFilled } from '../lib/icons-more.ts';
import { phoneMedia } from '../styles/breakpoints.ts';
import type { ViewContext } from './view-context.ts';
import { offlineBanner, offlineChip } from './view-parts.ts';

/** Detail views show their cover this wide (less on phones). */
const HERO_PX = 220;

export interface HeroOptions {
  kicker: string;
  title: string;
  coverUrl: string | null;
  /** Round cover (artists). */
  round?: boolean;
  meta: (TemplateResult | string)[];
  actions: TemplateResult | typeof nothing;
}

/** The top of a detail view: cover, kind, title, facts, and what can be done with it. */
export function hero(host: HTMLElement, ctx: ViewContext, options: HeroOptions) {
  return html`<header class="hero">
      <div class="hero-cover ${options.round ? 'round' : ''}">${renderCover(coverAt(options.coverUrl, HERO_PX), options.title)}</div>
      <div class="hero-text">
        <p class="kicker">${options.kicker}</p>
        <h1 tabindex="-1">${options.title}</h1>
        <p class="meta">${options.meta.filter(Boolean).map((part, i) => html`${i > 0 ? html`<span aria-hidden="true"> · </span>` : nothing}${part}`)}</p>
        <div class="tools">${options.actions}${offlineChip(host, ctx)}</div>
      </div>
    </header>
    ${offlineBanner(ctx)}`;
}

/** The heart for an album or an artist. */
export function heartButton(
  host: HTMLElement,
  kind: FavouriteKind,
  id: string,
  on: boolean,
  name: string,
) {
  return html`<button class="icon-button heart ${on ? 'on' : ''}" data-testid="favourite" aria-pressed=${String(on)}
    aria-label="Favourite: ${name}" title=${on ? 'Remove from favourites' : 'Add to favourites'}
    @click=${() => emit(host, 'favourite-request', { kind, id, on: !on })}>
    ${on ? iconHeartFilled() : iconHeart()}</button>`;
}

const heroRules = css`
  .hero {
    display: grid;
    grid-template-columns: ${HERO_PX}px minmax(0, 1fr);
    align-items: end;
    gap: 1.5rem;
    padding: 1.5rem 12px 1.25rem;
  }
  .hero-cover .cover {
    width: ${HERO_PX}px;
    height: ${HERO_PX}px;
    border-radius: 14px;
    box-shadow: var(--td-shadow);
  }
  .hero-cover.round .cover {
    border-radius: 50%;
  }
  .kicker {
    margin: 0 0 0.3rem;
    color: var(--td-muted);
    font-size: 0.78rem;
    font-weight: 700;
    letter-spacing: 0.08em;
    text-transform: uppercase;
  }
  .hero h1 {
    font-size: clamp(1.5rem, 1.1rem + 2vw, 2.6rem);
    line-height: 1.15;
    overflow-wrap: anywhere;
  }
  .meta {
    margin: 0.5rem 0 1rem;
    color: var(--td-muted);
    font-size: 0.92rem;
  }
  .meta a {
    color: var(--td-text);
    font-weight: 600;
    text-decoration: none;
  }
  .meta a:hover {
    text-decoration: underline;
  }
  .heart.on {
    color: var(--td-accent);
  }
  @media ${phoneMedia} {
    .hero {
      grid-template-columns: 1fr;
      justify-items: center;
      text-align: center;
      gap: 1rem;
      padding: 1rem 8px;
    }
    .hero-cover .cover {
      width: 180px;
      height: 180px;
    }
    .hero .tools {
      justify-content: center;
    }
  }
`;

export const heroStyles = [coverStyles, heroRules];
