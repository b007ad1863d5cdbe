import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { PagedItems } from '../controllers/paged-items.ts';
import type { Page } from '../lib/library-types.ts';
import { cardGrid, cardGridStyles } from './card-grid.ts';
import { type CardOptions, cardStyles } from './cards.ts';
import { keptSignature, sortSelect } from './list-tools.ts';
import type { ViewContext } from './view-context.ts';
import { ViewElement } from './view-element.ts';
import { emptyFor, errorNotice, plural, viewHeading } from './view-parts.ts';

export interface GridQuery<S extends string> {
  q: string;
  sort: S;
  limit: number;
  offset: number;
}

/**
 * A view that lists one kind of thing as a grid of cards (albums, artists): search and sort from
 * the URL, pages fetched as they scroll into view, and offline the ones this device keeps.
 */
export abstract class GridView<T, S extends string> extends ViewElement {
  static styles = [...ViewElement.styles, ...cardStyles, cardGridStyles];

  protected abstract readonly noun: { one: string; many: string; title: string };
  protected abstract readonly sorts: Record<S, string>;
  protected abstract fetchPage(query: GridQuery<S>, signal: AbortSignal): Promise<Page<T>>;
  /** What this device keeps, as the server would list it (only kept ones when `keptOnly`). */
  protected abstract localItems(ctx: ViewContext, q: string, sort: S): T[];
  protected abstract card(item: T, options: CardOptions): TemplateResult;
  /** More buttons before the sort (play a genre). */
  protected extraTools(): TemplateResult | typeof nothing {
    return nothing;
  }

  protected readonly list = new PagedItems<T>(this, {
    pageSize: 60,
    onReachability: (reachable) => this.reportReach(reachable),
  });

  protected willUpdate(changed: PropertyValues<this>): void {
    const ctx = this.ctx;
    const q = this.q;
    const sort = this.sort;
    this.list.use({
      key: JSON.stringify([
        this.localName,
        this.scope,
        q,
        sort,
        ctx.online,
        ctx.offlineOnly && keptSignature(ctx),
      ]),
      fetch: (offset, limit, signal) => this.fetchPage({ q, sort, limit, offset }, signal),
      local: async () => this.localItems(ctx, q, sort),
      localOnly: ctx.offlineOnly,
    });
    const old = changed.get('ctx');
    if (old && old.epoch !== ctx.epoch) this.list.refresh();
  }

  render() {
    const { ctx, list, noun, q } = this;
    const waiting = !ctx.ready || list.loading;
    const count = waiting ? 'Loading…' : plural(list.total, noun.one, noun.many);
    return html`
      ${viewHeading(this, ctx, {
        title: q ? `${noun.title} matching “${q}”` : noun.title,
        count,
        tools: html`${this.extraTools()}${sortSelect(this, `Sort ${noun.many}`, this.sorts, this.sort)}`,
      })}
      ${errorNotice(list.error, () => list.refresh())}
      ${!waiting && list.total === 0 && !list.error ? emptyFor(ctx, noun.many, q) : nothing}
      ${
        !waiting && list.total > 0
          ? cardGrid(
              list.items,
              (item, options) => this.card(item, options),
              (first, last) => list.want(first, last),
              noun.title,
            )
          : nothing
      }
    `;
  }

  /** What else the list depends on (a genre's name). */
  protected get scope(): string {
    return '';
  }

  protected get q(): string {
    return this.ctx.query.get('q')?.slice(0, 200) ?? '';
  }

  protected get sort(): S {
    const sort = this.ctx.query.get('sort');
    const sorts = Object.keys(this.sorts) as S[];
    return sort && sorts.includes(sort as S) ? (sort as S) : (sorts[0] as S);
  }
}
