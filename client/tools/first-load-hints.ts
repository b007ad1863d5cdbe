import type { Plugin } from 'vite';

/**
 * Loading hints in the built index.html for the first screen:
 * - `<link rel="modulepreload">` for home's view and the code every browse view shares: most visits
 *   open `/`, and without it those chunks are asked for only once the entry script has run, one
 *   round trip later (~0.3 s on a phone's connection). Other views need `view-common` too; the
 *   home chunk itself is a few kB.
 * - `fetchpriority="low"` on the scripts: the first paint (the shell's outline) is plain HTML and
 *   CSS and module scripts run after parsing, so nothing should wait on them for it. It tells the
 *   browser (and Lighthouse's model of it, which otherwise counts a script that happened to arrive
 *   before the first frame as blocking it) that the page paints without them.
 */
export function firstLoadHints(): Plugin {
  return {
    name: 'tapedeck:first-load-hints',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const chunks = Object.values(bundle ?? {}).filter(
          (file) =>
            file.type === 'chunk' &&
            (file.name === 'view-common' ||
              /[\\/]client[\\/]views[\\/]td-home-view\.ts$/.test(file.facadeModuleId ?? '')),
        );
        if (chunks.length !== 2) {
          throw new Error(`first-load-hints: expected 2 chunks, found ${chunks.length}`);
        }
        const tags = chunks.map((chunk) => ({
          tag: 'link',
          attrs: {
            rel: 'modulepreload',
            fetchpriority: 'low',
            crossorigin: true,
            href: `/${chunk.fileName}`,
          },
          injectTo: 'head' as const,
        }));
        return { html: lowPriorityScripts(html), tags };
      },
    },
  };
}

function lowPriorityScripts(html: string): string {
  return html
    .replace(/<script type="module"/g, '<script type="module" fetchpriority="low"')
    .replace(/<link rel="modulepreload"/g, '<link rel="modulepreload" fetchpriority="low"');
}
