/** Pure display formatting: times, sizes, percentages. */

/** `83` → `1:23`, `3725` → `1:02:05`; anything not a finite, non-negative number → `0:00`. */
export function formatTime(seconds: number): string {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Spoken form for screen readers: `83` → `1 minute 23 seconds`. */
export function formatSpokenTime(seconds: number): string {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const m = Math.floor(total / 60);
  const s = total % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  return m > 0 ? `${part(m, 'minute')} ${part(s, 'second')}` : part(s, 'second');
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** Decimal units, as storage settings show them: `1_500_000` → `1.5 MB`. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes <= 0) return '0 B';
  const exp = Math.min(UNITS.length - 1, Math.floor(Math.log10(bytes) / 3));
  const value = bytes / 1000 ** exp;
  const digits = value >= 100 || exp === 0 ? 0 : 1;
  return `${value.toFixed(digits)} ${UNITS[exp]}`;
}

/** Whole percent of `part` in `total`, floored and clamped to 0…100 (100 only when complete). */
export function formatPercent(part: number, total: number): number {
  if (!(total > 0) || !(part > 0)) return 0;
  if (part >= total) return 100;
  return Math.min(99, Math.floor((part / total) * 100));
}
