/** The renderer main thread's tasks, from a Chromium trace recorded with the `toplevel` category. */
export interface TaskTimes {
  tasks: number;
  /** Wall time of the longest task, ms (what a user feels, inflated when the machine is busy). */
  longestWallMs: number;
  /** CPU time of the longest task and of the one at the 99th percentile, ms (the page's own work). */
  longestCpuMs: number;
  p99CpuMs: number;
  over200CpuMs: number;
}

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

export function mainThreadTasks(trace: Buffer): TaskTimes {
  const parsed = JSON.parse(trace.toString()) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const mains = events.filter(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  const isMain = (e: TraceEvent) => mains.some((m) => m.pid === e.pid && m.tid === e.tid);
  // 'ThreadControllerImpl::RunTask' with the toplevel category alone, 'RunTask' with devtools.timeline.
  const tasks = events.filter((e) => e.ph === 'X' && /(^|::)RunTask$/.test(e.name) && isMain(e));
  const cpu = tasks.map((t) => (t.tdur ?? 0) / 1000).sort((a, b) => a - b);
  const wall = tasks.map((t) => (t.dur ?? 0) / 1000);
  return {
    tasks: tasks.length,
    longestWallMs: Math.round(Math.max(0, ...wall)),
    longestCpuMs: Math.round(cpu.at(-1) ?? 0),
    p99CpuMs: Math.round(cpu[Math.min(cpu.length - 1, Math.floor(cpu.length * 0.99))] ?? 0),
    over200CpuMs: cpu.filter((ms) => ms > 200).length,
  };
}
