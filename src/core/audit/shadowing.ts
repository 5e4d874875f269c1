// prefix-shadowing: names the browser stores as ordinary cookies but that a server may read as a
// __Host-/__Secure- cookie, letting an attacker on a sibling domain or http page override it.
import type { AuditCookie } from './parse-cookie.ts';

const PREFIX = /^__(secure|host)-/i;
// Browsers trim only SP/HTAB; Python's str.strip() and many servers also strip Unicode whitespace (NBSP, NEL,
// U+2000-U+200A, U+3000, BOM ...), so "\u00a0__Host-sid" becomes "__Host-sid" server-side.
const UNICODE_WS = /^[\s\u0085\u180e\u200b]+|[\s\u0085\u180e\u200b]+$/g;

function percentDecode(text: string): string {
  try { return decodeURIComponent(text); } catch { return text; }
}

/** Why a server could read this cookie as a prefixed one, or null. */
export function explainShadowing(cookie: AuditCookie): string | null {
  const { name, value } = cookie;
  if (PREFIX.test(name)) return null;
  // "=__Host-x" (empty name before "=") is sent back as the bare value too, like "__Host-x" without "="
  if (name === '' && PREFIX.test(value)) return `nameless cookie whose value "${value.split('=')[0]}" looks like a prefixed cookie to servers that split on "="`;
  const stripped = name.replace(UNICODE_WS, '');
  if (stripped !== name && PREFIX.test(stripped)) return `name "${escapeName(name)}" becomes "${stripped}" once a server strips Unicode whitespace`;
  const decoded = percentDecode(name);
  if (decoded !== name && PREFIX.test(decoded.replace(UNICODE_WS, ''))) return `name "${name}" percent-decodes to "${decoded}"`;
  if (name.startsWith('$') && /[,;]\s*__(secure|host)-/i.test(value)) {
    return `legacy "${name}" cookie: RFC 2109 parsers split its value on commas and read a prefixed cookie from it`;
  }
  return null;
}

function escapeName(name: string): string {
  return name.replace(/[^\x21-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
