// Issue 3 §3 --har "as exported from Chrome": Chrome's default "Export HAR (sanitized)" strips Cookie and
// Set-Cookie headers. Auditing such a file must not look like a clean result without a word.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/sessionscope.js', import.meta.url));

function harFile(setCookie: string | null): string {
  const headers = [{ name: 'content-type', value: 'text/html' }, ...(setCookie ? [{ name: 'set-cookie', value: setCookie }] : [])];
  const entry = {
    startedDateTime: '2026-11-30T10:00:00.000Z', time: 1,
    request: { method: 'GET', url: 'https://a.example.com/', httpVersion: 'HTTP/1.1', headers: [{ name: 'accept', value: '*/*' }], cookies: [], queryString: [], headersSize: -1, bodySize: 0 },
    response: { status: 200, statusText: '', httpVersion: 'HTTP/1.1', headers, cookies: [], content: { size: 0, mimeType: 'text/html' }, redirectURL: '', headersSize: -1, bodySize: 0 },
    cache: {}, timings: { send: 0, wait: 1, receive: 0 },
  };
  const path = join(mkdtempSync(join(tmpdir(), 'sessionscope-har-')), 'export.har');
  writeFileSync(path, JSON.stringify({ log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, entries: [entry] } }));
  return path;
}

describe('sessionscope audit --har of a sanitized export', { timeout: 90_000 }, () => {
  it('notes on stderr that the file holds no cookie headers, and still exits 0', () => {
    const run = spawnSync(process.execPath, [BIN, 'audit', '--har', harFile(null)], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('0 findings in 1 target');
    expect(run.stderr).toMatch(/^sessionscope audit: note: .*export\.har holds no Cookie or Set-Cookie header .*"Export HAR \(with sensitive data\)"\n$/);
  });

  it('says nothing when the file has cookies', () => {
    const run = spawnSync(process.execPath, [BIN, 'audit', '--har', harFile('theme=dark; Path=/; Secure; SameSite=Lax')], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
  });
});
