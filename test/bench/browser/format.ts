/** Milliseconds, rounded; `n/a` for a measurement that did not happen. */
export function ms(value: number | null): string {
  return value === null ? 'n/a' : `${Math.round(value)} ms`;
}

/** Bytes as kB (1 kB = 1000 bytes, as Vite prints them). */
export function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

/** A Markdown table cell: no pipes or newlines from the data. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}
