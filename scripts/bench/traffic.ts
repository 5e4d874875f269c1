// Set-Cookie traffic for the Node-side benches: the headers recorded in the HAR fixtures and the Django
// transcripts, plus real signed session values from the vectors, spread over 20 tabs with changing values
// so every stored cookie is an overwrite (the worst case for the pipeline: set-cookie + change events).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSetCookie } from '../../src/core/cookies/index.ts';
import type { CookieRecord } from '../../src/core/protocol/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BenchResponse { tabId: number; url: string; setCookies: string[]; store: CookieRecord[] }

function recordedHeaders(): string[] {
  const out: string[] = [];
  for (const file of ['test/audit/fixtures/chrome.har', 'test/audit/fixtures/firefox.har']) {
    for (const m of readFileSync(ROOT + file, 'utf8').matchAll(/"name":\s*"set-cookie",\s*"value":\s*"((?:[^"\\]|\\.)*)"/gi)) {
      out.push(...(JSON.parse(`"${m[1]}"`) as string).split('\n'));
    }
  }
  const dir = ROOT + 'test/fixtures/django-transcripts/';
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    for (const m of readFileSync(dir + file, 'utf8').matchAll(/^<<< set-cookie: (.+)$/gim)) {
      if (m[1] !== '(none)') out.push(m[1].replace(/<K\d+>/g, 'k'.repeat(32)).replace('<now+Max-Age>', 'Wed, 01 Jan 2031 00:00:00 GMT'));
    }
  }
  return [...new Set(out)].filter((h) => h.includes('='));
}

function vectorHeaders(): string[] {
  const dir = ROOT + 'test/fixtures/vectors/';
  const out: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    for (const v of JSON.parse(readFileSync(dir + file, 'utf8')) as { cookie: { name: string; value: string } }[]) {
      out.push(`${v.cookie.name}=${v.cookie.value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=1209600`);
    }
  }
  return out;
}

/** The distinct header templates the generated traffic draws from. */
export function headerPool(): string[] {
  return [...recordedHeaders(), ...vectorHeaders()];
}

/** A variant of `header` whose value differs per `n` (appended to the value, attributes kept). */
function vary(header: string, n: number): string {
  const semi = header.indexOf(';');
  return semi < 0 ? `${header}${n}` : `${header.slice(0, semi)}${n}${header.slice(semi)}`;
}

function toRecord(header: string, host: string): CookieRecord | null {
  const p = parseSetCookie(header);
  if (p.problems.includes("control-character") || p.maxAge === 0 || p.name === '') return null;
  return {
    name: p.name, value: p.value, domain: host, hostOnly: true, path: p.path ?? '/', secure: p.secure, httpOnly: p.httpOnly,
    sameSite: p.sameSite === 'none' ? 'no_restriction' : p.sameSite === 'lax' || p.sameSite === 'strict' ? p.sameSite : 'unspecified',
    session: p.maxAge === undefined && p.expires == null, storeId: '0', size: p.name.length + p.value.length,
  };
}

/** `count` Set-Cookie headers in responses of 1-4 headers each, over `tabs` tabs (one host per tab). */
export function generateTraffic(count: number, tabs = 20): BenchResponse[] {
  const pool = headerPool();
  const out: BenchResponse[] = [];
  for (let made = 0, i = 0; made < count; i++) {
    const tabId = 1 + (i % tabs);
    const host = `t${tabId}.example.test`;
    const n = Math.min(count - made, 1 + (i % 4));
    const setCookies = Array.from({ length: n }, (_, j) => vary(pool[(i * 7 + j * 13) % pool.length], i));
    const store = setCookies.map((h) => toRecord(h, host)).filter((c): c is CookieRecord => c !== null);
    out.push({ tabId, url: `https://${host}/page/${i % 50}`, setCookies, store });
    made += n;
  }
  return out;
}
