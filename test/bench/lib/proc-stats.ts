import { readdirSync, readFileSync } from 'node:fs';

/** Resident set size of a process in bytes, from /proc/<pid>/status. */
export function readRssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`[bench] no VmRSS for pid ${pid}`);
  return Number(match[1]) * 1024;
}

/** Number of open file descriptors (files, sockets, pipes) of a process. */
export function countFds(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).length;
}
