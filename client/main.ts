import { registerSW } from 'virtual:pwa-register';
import './components/td-app.ts';
import { startSwBridge } from './sw-bridge.ts';

// The entry builds the worker bridge and hands it to the shell (no module-level singletons).
const app = document.querySelector('td-app');
if (app) app.bridge = startSwBridge(registerSW);
