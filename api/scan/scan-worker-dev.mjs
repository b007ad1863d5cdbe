// Starts the parse worker from its TypeScript source (npm run dev, tests): the built server runs
// dist-server/scan-worker.js instead. Node 20 cannot take tsx as a worker's --import.
import { register } from 'tsx/esm/api';

register();
await import('./scan-worker.ts');
