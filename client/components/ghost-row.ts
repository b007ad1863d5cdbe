import { css, html, unsafeCSS } from 'lit';
import { phoneMedia } from '../styles/breakpoints.ts';
import { ROW_PHONE_PX, ROW_PX } from './song-row.styles.ts';

/**
 * A song row's placeholder: a grey cover and line. Shown until the row's page arrives, and for a
 * frame or two while a fast scroll builds the rows it brought (row-budget.ts). Three elements.
 */
export function renderGhostRow(index: number, total: number) {
  return html`<div class="ghost" role="listitem" aria-posinset=${index + 1} aria-setsize=${total}
    aria-label="Loading"><i></i><b></b></div>`;
}

export const ghostRowStyles = css`
  .ghost {
    display: flex;
    align-items: center;
    gap: 1rem;
    width: 100%;
    height: ${unsafeCSS(ROW_PX)}px;
    padding: 8px 12px;
  }
  .ghost i,
  .ghost b {
    display: block;
    border-radius: 8px;
    background: var(--td-surface-2);
  }
  .ghost i {
    width: 48px;
    height: 48px;
  }
  .ghost b {
    width: min(22rem, 50%);
    height: 14px;
  }
  /* As tall as a song row's cell on phones (td-song-list.ts), or it would overlap the next. */
  @media ${phoneMedia} {
    .ghost {
      height: ${unsafeCSS(ROW_PHONE_PX)}px;
      padding: 6px 4px 6px 8px;
    }
    .ghost i {
      width: 44px;
      height: 44px;
    }
  }
`;
