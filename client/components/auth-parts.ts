import { html, nothing } from 'lit';
import type { SessionController } from '../controllers/session.ts';
import { afterFirstScreen } from '../lib/first-screen-shown.ts';

/** The account parts of the shell, each in its own chunk: the first load stays the library's. */
const parts = {
  'td-sign-in': () => import('./td-sign-in.ts'),
  'td-first-account': () => import('./td-first-account.ts'),
  'td-account-menu': () => import('./td-account-menu.ts'),
};

const loads = new Map<keyof typeof parts, Promise<unknown>>();

/** Starts loading `tag`'s module (once; again after a failure). Rendered early, it upgrades. */
export function loadAuthPart(tag: keyof typeof parts): void {
  if (loads.has(tag)) return;
  loads.set(
    tag,
    parts[tag]().catch((error: unknown) => {
      loads.delete(tag);
      console.warn(`[tapedeck] could not load ${tag}`, error);
    }),
  );
}

/** What the page's main area shows when not signed in: sign-in or the first account. */
export function renderSessionGate(session: SessionController) {
  if (session.status === 'setup') {
    loadAuthPart('td-first-account');
    return html`<td-first-account .session=${session}></td-first-account>`;
  }
  if (session.status === 'signed-out') {
    loadAuthPart('td-sign-in');
    return html`<td-sign-in .session=${session}></td-sign-in>`;
  }
  return nothing; // checking: the boot outline is still there
}

/** The header's account button, once signed in. */
export function renderAccountMenu(session: SessionController) {
  if (!session.user) return nothing;
  void afterFirstScreen().then(() => loadAuthPart('td-account-menu'));
  return html`<td-account-menu .session=${session}></td-account-menu>`;
}
