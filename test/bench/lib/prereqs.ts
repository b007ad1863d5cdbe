import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

interface Tool {
  name: string;
  /** Absolute path to prefer, else looked up on PATH. */
  path?: string;
  debian: string;
}

const TOOLS: Tool[] = [
  { name: 'nginx', path: '/usr/sbin/nginx', debian: 'nginx-light' },
  { name: 'go', path: '/usr/bin/go', debian: 'golang-go' },
  { name: 'wrk', debian: 'wrk' },
  { name: 'taskset', debian: 'util-linux' },
];

/**
 * Finds every tool the bench needs (wrk only when it is the load generator); throws one message
 * naming the Debian packages that are missing.
 */
export function resolveTools(needWrk = true): Record<string, string> {
  const found: Record<string, string> = {};
  const missing: Tool[] = [];
  for (const tool of TOOLS) {
    if (tool.name === 'wrk' && !needWrk) continue;
    const path = findExecutable(tool);
    if (path) found[tool.name] = path;
    else missing.push(tool);
  }
  if (missing.length > 0) {
    const names = missing.map((t) => t.name).join(', ');
    const packages = [...new Set(missing.map((t) => t.debian))].join(' ');
    throw new Error(
      `[bench] missing ${names}. Install with: sudo apt-get install -y ${packages}\n` +
        '(the bench needs nginx-light, golang-go, wrk and taskset from util-linux)',
    );
  }
  return found;
}

function findExecutable(tool: Tool): string | undefined {
  const candidates = [
    ...(tool.path ? [tool.path] : []),
    ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, tool.name)),
  ];
  return candidates.find((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
