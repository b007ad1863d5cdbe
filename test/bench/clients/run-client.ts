import { fileURLToPath } from 'node:url';
import { runCommand } from '../lib/processes.ts';

/**
 * Runs one of the Node clients in this folder pinned to `cpu`, passing `input` as JSON, and
 * returns the object it prints on its `BENCH_JSON` line.
 */
export async function runNodeClient<T>(
  cpu: string,
  script: string,
  input: unknown,
  timeoutMs: number,
): Promise<T> {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const out = await runCommand(
    'taskset',
    ['-c', cpu, process.execPath, '--import', 'tsx', path, JSON.stringify(input)],
    // `--import tsx` resolves from the working directory: the repository root.
    { timeoutMs, cwd: fileURLToPath(new URL('../../../', import.meta.url)) },
  );
  return parseBenchJson<T>(out);
}

export function parseBenchJson<T>(out: string): T {
  const line = out.split('\n').find((l) => l.startsWith('BENCH_JSON '));
  if (!line) throw new Error(`[bench] client printed no BENCH_JSON line:\n${out.slice(-2000)}`);
  return JSON.parse(line.slice('BENCH_JSON '.length)) as T;
}
