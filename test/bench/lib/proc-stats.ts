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

/** CPU seconds a process has used so far, all threads, user + system (/proc/<pid>/stat). */
export function readCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ)
}
