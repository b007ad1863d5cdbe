/** HTTP-date (RFC 9110 §5.6.7): strict parsing of its three forms, and IMF-fixdate formatting. */

/** IMF-fixdate, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`. */
export function formatHttpDate(date: Date): string {
  return date.toUTCString();
}

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
const IMF_FIXDATE = new RegExp(`^${DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
const RFC850_DATE = new RegExp(`^${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
const ASCTIME_DATE = new RegExp(`^${DAY} ${MONTH} ( \\d|\\d{2}) ${TIME} (\\d{4})$`);

/**
 * HTTP-date (§5.6.7) in any of its three forms → Unix seconds, or null. Strict on purpose:
 * `Date.parse` accepts "1" or "2020" and reads asctime as local time.
 */
export function parseHttpDate(value: string | null): number | null {
  if (value === null) return null;
  const text = trimOws(value);
  let m = IMF_FIXDATE.exec(text);
  if (m) return toUnix(m[3]!, m[2]!, m[1]!, m[4]!, m[5]!, m[6]!);
  m = ASCTIME_DATE.exec(text);
  if (m) return toUnix(m[6]!, m[1]!, m[2]!.trim(), m[3]!, m[4]!, m[5]!);
  m = RFC850_DATE.exec(text);
  if (!m) return null;
  // §5.6.7: a two-digit year more than 50 years ahead means the most recent such year past.
  const now = new Date().getUTCFullYear();
  let year = Math.floor(now / 100) * 100 + Number(m[3]);
  if (year > now + 50) year -= 100;
  return toUnix(String(year), m[2]!, m[1]!, m[4]!, m[5]!, m[6]!);
}

function toUnix(year: string, month: string, day: string, h: string, min: string, s: string) {
  const [y, mo, d] = [Number(year), MONTHS.indexOf(month), Number(day)];
  if (Number(h) > 23 || Number(min) > 59 || Number(s) > 60) return null; // 60: leap second
  const date = new Date(0);
  date.setUTCFullYear(y, mo, d); // not Date.UTC, which maps years 0–99 to 1900–1999
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo || date.getUTCDate() !== d) {
    return null; // e.g. 31 Feb
  }
  date.setUTCHours(Number(h), Number(min), Number(s));
  return date.getTime() / 1000;
}

function trimOws(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+$/g, '');
}
