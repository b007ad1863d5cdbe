import { appendFileSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ClientCopy {
  /** Give this to the server as CLIENT_DIR. */
  readonly dir: string;
  /** Appends `code` to the served sw.js, so the browser sees new worker bytes: a new version. */
  appendToWorker(code: string): void;
  remove(): void;
}

/** A private copy of a built client (see built-client.ts), for a test that edits what is served. */
export function copyBuiltClient(builtDir: string): ClientCopy {
  if (!existsSync(join(builtDir, 'sw.js'))) throw new Error(`no sw.js in the build ${builtDir}`);
  const dir = mkdtempSync(join(tmpdir(), 'tapedeck-client-copy-'));
  cpSync(builtDir, dir, { recursive: true });
  return {
    dir,
    appendToWorker: (code) => appendFileSync(join(dir, 'sw.js'), `\n${code}\n`),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
