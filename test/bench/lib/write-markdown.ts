import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand } from './processes.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIOME = `${REPO_ROOT}node_modules/.bin/biome`;

/**
 * Writes a Markdown report and, when it lies in the repository, formats it with the repository's
 * Biome (which formats Markdown tables) so that `npm run lint` stays clean. Returns the text.
 */
export async function writeMarkdown(path: string, text: string): Promise<string> {
  await writeFile(path, text);
  // Biome panics on files outside its root; those need no formatting anyway.
  if (!resolve(path).startsWith(REPO_ROOT) || !existsSync(BIOME)) return text;
  try {
    await runCommand(BIOME, ['format', '--write', path], { cwd: REPO_ROOT, timeoutMs: 60_000 });
  } catch (error) {
    console.error(`[bench] could not format ${path}: ${(error as Error).message.split('\n')[0]}`);
  }
  return readFile(path, 'utf8');
}
