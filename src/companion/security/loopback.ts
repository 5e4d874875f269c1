// Loopback names for the DNS-rebinding check: a page on evil.example that re-points its name to 127.0.0.1
// still sends `Host: evil.example`, so only names that can never leave the machine are accepted.

/** Split a Host header into name and port; null when it is not a syntactically valid host. */
export function splitHost(header: string): { name: string; port: string | null } | null {
  const text = header.trim().toLowerCase();
  const v6 = /^\[([0-9a-f:.]+)\](?::(\d{1,5}))?$/.exec(text);
  if (v6) return { name: `[${v6[1]}]`, port: v6[2] ?? null };
  const m = /^([a-z0-9.-]+?)\.?(?::(\d{1,5}))?$/.exec(text);
  if (!m) return null;
  return { name: m[1], port: m[2] ?? null };
}

function isLoopbackIPv4(name: string): boolean {
  const parts = name.split('.');
  if (parts.length !== 4 || parts[0] !== '127') return false;
  return parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

/** localhost, *.localhost (RFC 6761: always loopback), 127.0.0.0/8, [::1]. */
export function isLoopbackName(name: string): boolean {
  const n = name.toLowerCase().replace(/\.$/, '');
  if (n === 'localhost' || n.endsWith('.localhost')) return n.split('.').every((label) => label.length > 0);
  if (n === '[::1]' || n === '[0:0:0:0:0:0:0:1]') return true;
  return isLoopbackIPv4(n);
}

/** Is this a loopback address to bind to (no brackets), e.g. for deciding whether --host opens the server up? */
export function isLoopbackAddress(address: string): boolean {
  return address === '::1' || isLoopbackName(address);
}
