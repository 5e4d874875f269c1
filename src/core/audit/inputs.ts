// Normalises what the extension, a HAR file or the CLI hand over into the cookie model's shapes.
import type { StoredCookie } from '../cookies/index.ts';
import type { HeaderInput, JarCookie } from './types.ts';

export function toStoredCookie(c: JarCookie, nowMs: number): StoredCookie {
  return {
    name: c.name, value: c.value, domain: c.domain.replace(/^\./, '').toLowerCase(),
    hostOnly: c.hostOnly ?? !c.domain.startsWith('.'), path: c.path || '/', secure: c.secure,
    httpOnly: c.httpOnly ?? false, sameSite: 'unspecified', partitioned: c.partitioned ?? false,
    expiresAt: null, creationTime: nowMs, priority: 'medium',
  };
}

/** All values of a header (case-insensitive name) from a pair list or a record. */
export function headerValues(headers: HeaderInput | undefined, name: string): string[] {
  if (!headers) return [];
  const wanted = name.toLowerCase();
  if (Array.isArray(headers)) return headers.filter((h) => h.name.toLowerCase() === wanted).map((h) => h.value);
  const out: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    out.push(...(Array.isArray(value) ? value : [value]));
  }
  return out;
}

export function headerValue(headers: HeaderInput | undefined, name: string): string | undefined {
  return headerValues(headers, name)[0];
}
