import { createConsola, LogLevels } from 'consola';

/**
 * The server's logger. consola quiets itself under test runners; the server's own messages (scan
 * reports, start-up) are wanted there too, so the level comes from LOG_LEVEL (default: info).
 */
export function createLogger() {
  const name = (process.env.LOG_LEVEL ?? 'info') as keyof typeof LogLevels;
  return createConsola({ level: LogLevels[name] ?? LogLevels.info }).withTag('tapedeck');
}
