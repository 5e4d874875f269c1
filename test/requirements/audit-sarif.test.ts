// Issue 3 §3: SARIF 2.1.0 "usable by code-scanning tools". Checked on the CLI's own output with the URI formats
// enforced as RFC 3986 says (URL.canParse would accept any IRI), and for secrets leaking into the uploaded log.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/sessionscope.js', import.meta.url));
const SID = 'k3q9xwl0pt7vb2nr5yj8ac4mzd6hf1eg';
const SECRET = 'do-not-leak-this-dev-secret';

function strictSarifValidator() {
  const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
  // draft-04 schema read as draft-07 (see src/core/sarif/write-sarif.test.ts)
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  const uriChars = /^[\x21-\x7e]*$/;
  ajv.addFormat('uri', (s: string) => uriChars.test(s) && /^[a-z][a-z0-9+.-]*:/i.test(s) && !/["<>\\^`{|}]/.test(s));
  ajv.addFormat('uri-reference', (s: string) => uriChars.test(s) && !/["<>\\^`{|}]/.test(s));
  ajv.addFormat('date-time', (s: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(s));
  return ajv.compile(schema);
}

function harWithSessionInUrl(): string {
  const entry = (url: string, headers: Array<{ name: string; value: string }>, setCookie: string[]) => ({
    startedDateTime: '2026-11-30T10:00:00.000Z', time: 1,
    request: { method: 'GET', url, httpVersion: 'HTTP/1.1', headers, cookies: [], queryString: [], headersSize: -1, bodySize: 0 },
    response: { status: 200, statusText: '', httpVersion: 'HTTP/1.1', headers: setCookie.map((value) => ({ name: 'set-cookie', value })), cookies: [], content: { size: 0, mimeType: 'text/html' }, redirectURL: '', headersSize: -1, bodySize: 0 },
    cache: {}, timings: { send: 0, wait: 1, receive: 0 },
  });
  const dir = mkdtempSync(join(tmpdir(), 'sessionscope-sarif-'));
  const path = join(dir, 'session-in-url.har');
  writeFileSync(path, JSON.stringify({ log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, entries: [
    entry('https://app.example.com/', [], [`sessionid=${SID}; Path=/; HttpOnly; Secure; SameSite=Lax`]),
    entry(`https://app.example.com/caf%C3%A9?sessionid=${SID}`, [{ name: 'cookie', value: `sessionid=${SID}` }], ['theme=dark; Path=/']),
  ] } }));
  return path;
}

function auditSarif(extra: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [BIN, 'audit', '--har', harWithSessionInUrl(), ...extra, '--format', 'sarif'], { encoding: 'utf8', timeout: 60_000 });
}

describe('sessionscope audit --format sarif', { timeout: 90_000 }, () => {
  it('writes artifact URIs that are RFC 3986 URIs even when the URL is masked or not ASCII', () => {
    const run = auditSarif([]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const log = JSON.parse(run.stdout);
    const results = log.runs[0].results as Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>;
    const inUrl = results.find((r) => r.ruleId === 'session-in-url');
    expect(inUrl?.locations[0].physicalLocation.artifactLocation.uri).toMatch(/^https:\/\/app\.example\.com\/caf%C3%A9\?sessionid=k3q9%E2%80%A6/);
    const validate = strictSarifValidator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(run.stdout).not.toContain(SID);
  });

  it('masks the session id in the url of every finding made on a URL that carries it (JSON report too)', () => {
    const json = spawnSync(process.execPath, [BIN, 'audit', '--har', harWithSessionInUrl(), '--format', 'json'], { encoding: 'utf8', timeout: 60_000 });
    const findings = JSON.parse(json.stdout).findings as Array<{ rule: string; cookie: { name: string }; url: string }>;
    const theme = findings.filter((f) => f.cookie.name === 'theme');
    expect(theme.length).toBeGreaterThan(0);
    for (const f of theme) expect(f.url).toBe('https://app.example.com/caf%C3%A9?sessionid=k3q9…(32 chars)');
    expect(json.stdout).not.toContain(SID);
    const shown = spawnSync(process.execPath, [BIN, 'audit', '--har', harWithSessionInUrl(), '--format', 'json', '--show-values'], { encoding: 'utf8', timeout: 60_000 });
    expect(shown.stdout).toContain(`sessionid=${SID}`);
  });

  it('keeps --secret values out of the log (its invocation.commandLine is uploaded with it)', () => {
    const run = auditSarif(['--secret', SECRET, `--secret=${SECRET}2`]);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain(SECRET);
    expect(JSON.parse(run.stdout).runs[0].invocations[0].commandLine).toContain('--secret *** --secret=***');
  });
});
