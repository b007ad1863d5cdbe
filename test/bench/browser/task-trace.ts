/** The renderer main thread's tasks, from a Chromium trace recorded with the `toplevel` category. */
export interface TaskTimes {
  tasks: number;
  /** Wall time of the longest task, ms (what a user feels, inflated when the machine is busy). */
  longestWallMs: number;
  /** CPU time of the longest task and of the one at the 99th percentile, ms (the page's own work). */
  longestCpuMs: number;
  p99CpuMs: number;
  over200CpuMs: number;
  over100CpuMs: number;
  over50CpuMs: number;
}

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * A task is a top-level event of the main thread (`ThreadControllerImpl::RunTask`, or `RunTask`
 * with devtools.timeline) together with the microtask checkpoint that follows it: Chromium traces
 * that checkpoint (`BlinkScheduler_PerformMicrotaskCheckpoint`) beside the task, not inside it, and
 * it is where promise callbacks run (Lit's renders, the virtualizer's updates). Counting the task
 * alone left out most of a list's rendering.
 */
export function mainThreadTasks(trace: Buffer): TaskTimes {
  const parsed = JSON.parse(trace.toString()) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const slices = events
    .filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks: { cpu: number; wall: number }[] = [];
  let end = -1;
  for (const slice of slices) {
    if (slice.ts < end) continue; // nested in the slice before
    end = slice.ts + (slice.dur ?? 0);
    const cpu = (slice.tdur ?? 0) / 1000;
    const wall = (slice.dur ?? 0) / 1000;
    const last = tasks.at(-1);
    if (/MicrotaskCheckpoint$/.test(slice.name) && last) {
      last.cpu += cpu;
      last.wall += wall;
    } else if (/(^|::)RunTask$/.test(slice.name) || /MicrotaskCheckpoint$/.test(slice.name)) {
      tasks.push({ cpu, wall });
    }
  }
  const cpu = tasks.map((t) => t.cpu).sort((a, b) => a - b);
  const over = (ms: number) => cpu.filter((t) => t > ms).length;
  return {
    tasks: tasks.length,
    longestWallMs: Math.round(tasks.reduce((max, t) => Math.max(max, t.wall), 0)),
    longestCpuMs: Math.round(cpu.at(-1) ?? 0),
    p99CpuMs: Math.round(cpu[Math.min(cpu.length - 1, Math.floor(cpu.length * 0.99))] ?? 0),
    over200CpuMs: over(200),
    over100CpuMs: over(100),
    over50CpuMs: over(50),
  };
}
