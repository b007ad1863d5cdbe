import type { ViewContext } from './view-context.ts';

/**
 * Returns the previous context object while none of its fields changed (by identity), so the
 * shell's frequent updates (the player's clock) do not re-render every view.
 */
export function createContextMemo(): (next: ViewContext) => ViewContext {
  let last: ViewContext | null = null;
  return (next) => {
    if (last && sameFields(last, next)) return last;
    last = next;
    return next;
  };
}

function sameFields(a: ViewContext, b: ViewContext): boolean {
  for (const key of Object.keys(b) as (keyof ViewContext)[]) {
    const same =
      key === 'query' ? a.query.toString() === b.query.toString() : Object.is(a[key], b[key]);
    if (!same) return false;
  }
  return true;
}
