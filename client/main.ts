import { registerSW } from 'virtual:pwa-register';
import { ME_URL } from '../api/lib/first-screen.ts';
import { TdApp } from './components/td-app.ts';
import { startEarly } from './lib/early-requests.ts';
import { firstScreenShown } from './lib/first-screen-shown.ts';
import { nextTask } from './lib/idle.ts';
import { startSwBridge } from './sw-bridge.ts';
import { startHomeEarly } from './views/home-requests.ts';

// Who is signed in, and on `/` home's data beside it (not after it answers), asked for now: the
// shell asks a task later, once defined (early-requests.ts hands it these answers).
startEarly([ME_URL], { cache: 'no-store' });
if (location.pathname === '/') startHomeEarly();
else firstScreenShown(); // only home's first screen is waited for

// Evaluating the modules is one task; the shell's upgrade (its controllers) and its first render
// come in later ones (see TdApp.scheduleUpdate), so no start-up task blocks input for long.
// A promise, not a top-level await: that would make the bundler split shared modules out of this
// chunk (more, smaller files on the first load).
void nextTask().then(() => {
  customElements.define('td-app', TdApp);
  // The entry builds the worker bridge and hands it to the shell (no module-level singletons).
  const app = document.querySelector('td-app');
  if (app) app.bridge = startSwBridge(registerSW);
});
