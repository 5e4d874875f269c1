// Cookie-date parsing as Chromium does it (net/cookies/cookie_util.cc ParseCookieExpirationTime): a
// liberal tokenizer that keeps the first day, month, time and year it finds. It is deliberately more
// forgiving than RFC 6265's grammar because Chrome's behaviour, not the grammar, decides what a user sees.

const DELIMITERS = new Set('\t !"#$%&\'()*+,-./;<=>?@[\\]^_`{|}~');
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const TIME = /^(\d{1,2}):(\d{1,2}):(\d{1,2})$/;

/** Earliest/latest times a saturated date maps to (JS Date range). */
export const MIN_COOKIE_TIME = -8.64e15;
export const MAX_COOKIE_TIME = 8.64e15;

interface DateParts { day?: number; month?: number; year?: number; time?: [number, number, number]; bad?: boolean }

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const delim = i === text.length || DELIMITERS.has(text[i]);
    if (delim && start >= 0) { tokens.push(text.slice(start, i)); start = -1; }
    else if (!delim && start < 0) start = i;
  }
  return tokens;
}

/** C's atoi on a token that starts with a digit: the leading run of digits. */
const atoi = (token: string): number => parseInt(token, 10);

function readToken(token: string, parts: DateParts): void {
  const numeric = token.charCodeAt(0) >= 48 && token.charCodeAt(0) <= 57;
  if (!numeric) {
    if (parts.month !== undefined) return;
    const idx = MONTHS.indexOf(token.slice(0, 3).toLowerCase());
    if (idx >= 0) parts.month = idx + 1;
  } else if (token.includes(':')) {
    if (parts.time) return;
    // Chrome fails the whole date when its first time-like token is not exactly h:m:s (measured)
    const m = TIME.exec(token);
    if (m) parts.time = [Number(m[1]), Number(m[2]), Number(m[3])];
    else parts.bad = true;
  } else if (parts.day === undefined && token.length <= 2) {
    parts.day = atoi(token);
  } else if (parts.year === undefined && token.length <= 5) {
    parts.year = atoi(token);
  }
}

function hasValidValues(p: Required<DateParts>): boolean {
  const [h, m, s] = p.time;
  return p.month >= 1 && p.month <= 12 && p.day >= 1 && p.day <= 31 && h <= 23 && m <= 59 && s <= 60;
}

/** Returns unix ms, or null when the text is not a date Chrome accepts (the cookie then has no expiry). */
export function parseCookieDate(text: string): number | null {
  const parts: DateParts = {};
  for (const token of tokenize(text)) {
    readToken(token, parts);
    if (parts.bad) return null;
  }
  if (parts.day === undefined || parts.month === undefined || parts.year === undefined || !parts.time) return null;
  let year = parts.year;
  if (year >= 70 && year <= 99) year += 1900;
  else if (year >= 0 && year <= 69) year += 2000;
  const full = { ...parts, year } as Required<DateParts>;
  if (!hasValidValues(full)) return null;
  const [h, m, s] = full.time;
  const date = new Date(0);
  date.setUTCFullYear(year, full.month - 1, full.day);
  date.setUTCHours(h, m, s, 0);
  const ms = date.getTime();
  if (Number.isNaN(ms)) return year > 1970 ? MAX_COOKIE_TIME : MIN_COOKIE_TIME;
  // Chrome rejects dates that do not round-trip (31 Feb, second 60) instead of normalising them
  const roundTrips = date.getUTCDate() === full.day && date.getUTCMonth() === full.month - 1 && date.getUTCSeconds() === s;
  return roundTrips ? ms : null;
}
