import { type ConsolaReporter, createConsola, LogLevels } from 'consola';
import { escapeControlChars } from './text/control-chars.ts';

export type Logger = ReturnType<typeof createLogger>;

/**
 * The server's logger. consola quiets itself under test runners; the server's own messages (scan
 * reports, start-up) are wanted there too, so the level comes from LOG_LEVEL (default: info).
 * Every message passes through `escapeArgs` first: file names, tags and request data reach the
 * log, and a newline or an escape sequence in one must not forge or hide a line.
 */
export function createLogger() {
  const name = (process.env.LOG_LEVEL ?? 'info') as keyof typeof LogLevels;
  const consola = createConsola({ level: LogLevels[name] ?? LogLevels.info });
  const reporters = consola.options.reporters;
  const escaping: ConsolaReporter = {
    log(logObj, context) {
      const safe = { ...logObj, args: logObj.args.map(escapeArg) };
      for (const reporter of reporters) reporter.log(safe, context);
    },
  };
  return consola.setReporters([escaping]).withTag('tapedeck');
}

/** Strings are escaped; errors become one escaped line with their causes, then their stack frames. */
export function escapeArg(arg: unknown): unknown {
  if (typeof arg === 'string') return escapeControlChars(arg);
  if (arg instanceof Error) return describeError(arg);
  return arg; // util.inspect already escapes the strings inside objects
}

function describeError(error: Error): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    if (current instanceof Error) {
      const code = (current as NodeJS.ErrnoException).code;
      parts.push(`${current.name}${code ? ` ${code}` : ''}: ${current.message}`);
      current = current.cause;
    } else {
      parts.push(String(current));
      current = undefined;
    }
  }
  const frames = error.stack?.split('\n').filter((line) => /^\s+at /.test(line)) ?? [];
  return [escapeControlChars(parts.join(' ← caused by ')), ...frames.map(escapeControlChars)].join(
    '\n',
  );
}
