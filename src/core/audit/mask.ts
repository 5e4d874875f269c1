// Evidence masking: findings end up in CI logs and SARIF uploads, so full session values and secrets
// are hidden unless the user asks for them (--show-values).

/** "abcd…(32 chars)": enough to recognise a value, not enough to replay it. */
export function maskValue(value: string): string {
  if (value.length <= 8) return value.length === 0 ? '' : `…(${value.length} chars)`;
  return `${value.slice(0, 4)}…(${value.length} chars)`;
}

/** Long non-secret values are shortened so evidence stays one readable line. */
export function truncateValue(value: string, max = 64): string {
  return value.length <= max ? value : `${value.slice(0, max - 4)}…(${value.length} chars)`;
}

/**
 * Masks (session cookies) or shortens (others) the value of the name=value pair in a Set-Cookie line,
 * keeping the attributes readable.
 */
export function maskSetCookie(header: string, hide = true): string {
  const semi = header.indexOf(';');
  const pair = semi < 0 ? header : header.slice(0, semi);
  const eq = pair.indexOf('=');
  const shown = hide ? maskValue : truncateValue;
  const masked = eq < 0 ? shown(pair.trim()) : `${pair.slice(0, eq + 1)}${shown(pair.slice(eq + 1).trim())}`;
  return masked + (semi < 0 ? '' : header.slice(semi));
}

export function maskSecret(secret: string): string {
  if (secret.length === 0) return '(empty secret)';
  return `${secret[0]}${'*'.repeat(Math.min(secret.length - 1, 12))} (${secret.length} chars)`;
}

/** Replaces every occurrence of `value` in `text` with its masked form. */
export function maskIn(text: string, value: string): string {
  return value.length < 4 ? text : text.split(value).join(maskValue(value));
}

/** `url` with each of `values` masked, in its raw and its percent-encoded form (a session id carried in the URL). */
export function maskValuesInUrl(url: string, values: readonly string[]): string {
  let out = url;
  for (const value of values) {
    if (out.includes(value)) out = maskIn(out, value);
    const encoded = encodeURIComponent(value);
    if (encoded !== value && out.includes(encoded)) out = maskIn(out, encoded);
  }
  return out;
}
