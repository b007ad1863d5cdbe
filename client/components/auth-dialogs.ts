import type { SessionController } from '../controllers/session.ts';

/** The account dialogs, each in its own chunk, loaded when first opened. */
const dialogs = {
  'td-change-password': () => import('./td-change-password.ts'),
};

export type AuthDialog = keyof typeof dialogs;

/**
 * Opens one of the account dialogs in the light DOM (at the end of <body>): they hold password
 * fields, which password managers look for in the document. The dialog removes itself on close.
 */
export async function openAuthDialog(tag: AuthDialog, session: SessionController): Promise<void> {
  await dialogs[tag]();
  if (document.querySelector(tag)) return;
  const dialog = document.createElement(tag) as HTMLElement & { session: SessionController };
  dialog.session = session;
  document.body.append(dialog);
}
