import { loadView } from '../views/render-view.ts';
import { restoreScroll } from './restore-scroll.ts';
import type { Router } from './router.ts';

/**
 * What follows a navigation, called after every shell update (it acts once per new location):
 * the view's code is loaded, a link's target view gets the focus on its heading (screen readers
 * announce it), and "back" puts the scroll where it was.
 */
export function createAfterNavigation(router: Router, main: HTMLElement): () => void {
  let shown = '';
  return () => {
    const { href, route } = router.location;
    if (href === shown) return;
    const first = shown === '';
    shown = href;
    void loadView(route).then(() => {
      if (router.kind === 'push') {
        main.querySelector<HTMLElement & { focusHeading?(): void }>('.view > *')?.focusHeading?.();
      }
      const y = router.restoreScrollY;
      if (!first && y !== null) restoreScroll(y);
    });
  };
}
