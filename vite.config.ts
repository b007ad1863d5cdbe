import { fileURLToPath } from 'node:url';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { firstLoadHints } from './client/tools/first-load-hints.ts';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
/** In dev, the API runs beside Vite (see `npm run dev`) and Vite proxies to it. */
const devApi = `http://127.0.0.1:${process.env.API_PORT ?? 3001}`;

const VIEW_COMMON =
  /[\\/]client[\\/](views[\\/](cards|shelf|kept-index|view-parts|view-element|view-styles|card-heart)|components[\\/](cover|ghost-row|song-row|song-row\.styles)|lib[\\/](format|icons-more|local-library|search))\.ts$|[\\/]lit(-html)?[\\/](directive|directive-helpers|directives[\\/](repeat|style-map))\.js$/;

export default defineConfig({
  root: 'client',
  publicDir: 'public',
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        codeSplitting: {
          // What every browse view shares (cards, rows, covers, view base) in one chunk, not a dozen:
          // over HTTP/1.1's six connections a dozen small requests queue behind the first screen's API
          // calls (Lighthouse's mobile preset), and each one is a round trip.
          groups: [
            { name: 'view-common', test: VIEW_COMMON, includeDependenciesRecursively: false },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': devApi, '/songs': devApi } },
  plugins: [
    firstLoadHints(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: '../sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      injectManifest: { globPatterns: ['**/*.{js,css,html,svg,woff2}'] },
      devOptions: { enabled: true, type: 'module' },
      includeAssets: ['icons/*.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: 'Tapedeck',
        short_name: 'Tapedeck',
        description: 'Your music library, on every device, offline after the first play.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#1b1b24',
        background_color: '#1b1b24',
        categories: ['music', 'entertainment'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
        screenshots: [
          {
            src: '/screenshots/wide.png',
            sizes: '1280x800',
            type: 'image/png',
            form_factor: 'wide',
            label: 'Your library and the player on a desktop',
          },
          {
            src: '/screenshots/narrow.png',
            sizes: '390x844',
            type: 'image/png',
            form_factor: 'narrow',
            label: 'Tapedeck on a phone: songs kept offline are marked',
          },
        ],
      },
    }),
  ],
  test: {
    root: repoRoot,
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/bench/**'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
