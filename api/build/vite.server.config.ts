import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The repository's root: paths below are relative to it, wherever Vite is started from. */
const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The server's production build (`npm run build:server`, run by `npm start`): `api/` compiled to
 * plain ESM in `dist-server/`, dependencies left as imports. Node then runs it without tsx, whose
 * loader thread costs every dynamic `import()` a round trip (music-metadata imports a parser per
 * file: about a fifth of a scan's CPU time at 100 000 songs).
 */
export default defineConfig({
  root,
  publicDir: false,
  build: {
    ssr: true,
    outDir: 'dist-server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    rollupOptions: {
      input: {
        server: 'api/server.ts',
        scan: 'api/scan/cli.ts',
        user: 'api/auth/user-cli.ts',
        // Started by api/scan/parse-pool.ts as ./scan-worker.js: chunks sit beside the entries.
        'scan-worker': 'api/scan/scan-worker.ts',
      },
      output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
