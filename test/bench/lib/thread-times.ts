import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds (user + system) per thread name of a process, from /proc/<pid>/task/*\/stat. */
export function readThreadTimes(pid: number): Map<string, number> {
  const ticksPerSecond = 100; // USER_HZ on Linux
  const times = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // the thread ended meanwhile
    }
    // comm is in parentheses and may hold spaces; fields after it are space-separated.
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const seconds = (Number(fields[11]) + Number(fields[12])) / ticksPerSecond; // utime, stime
    const group = tid === String(pid) ? `${name} (main thread)` : name;
    times.set(group, (times.get(group) ?? 0) + seconds);
  }
  return times;
}

/** CPU seconds spent per thread group between two readings, largest first. */
export function diffThreadTimes(
  before: Map<string, number>,
  after: Map<string, number>,
): { thread: string; seconds: number }[] {
  return [...after.entries()]
    .map(([thread, seconds]) => ({ thread, seconds: seconds - (before.get(thread) ?? 0) }))
    .filter((t) => t.seconds > 0)
    .sort((a, b) => b.seconds - a.seconds);
}
