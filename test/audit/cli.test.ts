// End to end: `sessionscope audit` as a child process against a local server that sets bad cookies and
// redirects, plus HAR files, config files and bad input.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = new URL('../../bin/sessionscope.js', import.meta.url).pathname;
const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
const SID = 'Zk3q9XwL0pT7vB2nR5yJ8aC4';

interface Run { code: number; stdout: string; stderr: string }
function cli(args: string[], cwd = process.cwd()): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, 'audit', ...args], { cwd, env: { ...process.env, NO_COLOR: '' } }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

let server: Server;
let base: string;
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(`${req.url} cookie=${req.headers.cookie ?? ''}`);
    if (req.url === '/start') {
      res.writeHead(302, { location: '/login', 'set-cookie': ['tracker=abc; SameSite=None; Max-Age=63072000'] });
    } else if (req.url === '/login') {
      res.writeHead(302, { location: '/home', 'set-cookie': [`sessionid=${SID}; Path=/`, 'csrftoken=tok; Path=/; SameSite=Lax'] });
    } else if (req.url === '/home') {
      // Only a client that carried the session cookie across the redirect gets the second cookie.
      const carried = (req.headers.cookie ?? '').includes(`sessionid=${SID}`);
      res.writeHead(200, { 'content-type': 'text/plain', ...(carried ? { 'set-cookie': '__Host-pref=1; Path=/app' } : {}) });
    } else {
      res.writeHead(200, { 'set-cookie': 'ok=1; HttpOnly; SameSite=Lax' });
    }
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// Each test spawns the CLI through tsx: seconds each on a loaded 2-core CI machine.
const SLOW = { timeout: 90_000 };

describe('sessionscope audit URL', SLOW, () => {
  it('follows redirects, carries cookies between hops and prints JSON of the documented shape', async () => {
    const run = await cli([`${base}/start`, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    const rules = out.findings.map((f: { rule: string; cookie: { name: string } }) => `${f.rule}:${f.cookie.name}`);
    expect(rules).toEqual(expect.arrayContaining(['samesite-none-insecure:tracker', 'missing-httponly:sessionid', 'prefix-host-violation:__Host-pref']));
    // tracker (SameSite=None without Secure) is rejected, as Chrome does, so it is not carried
    expect(seen).toContain(`/home cookie=sessionid=${SID}; csrftoken=tok`);
    const f = out.findings.find((x: { rule: string }) => x.rule === 'missing-httponly');
    expect(Object.keys(f).sort()).toEqual(['cookie', 'evidence', 'fix', 'framework', 'message', 'rule', 'session', 'severity', 'url']);
    expect(f).toMatchObject({ severity: 'high', cookie: { name: 'sessionid', domain: '127.0.0.1', path: '/' }, session: { is: true }, framework: 'django' });
    expect(f.url).toBe(`${base}/login`);
    expect(f.fix).toBe('Django: SESSION_COOKIE_HTTPONLY = True');
    expect(out.summary).toMatchObject({ total: out.findings.length, failed: false });
    // localhost/loopback: missing Secure is only info
    expect(out.findings.find((x: { rule: string }) => x.rule === 'missing-secure').severity).toBe('info');
  });

  it('masks session values unless --show-values', async () => {
    const [masked, shown] = await Promise.all([cli([`${base}/start`, '--format', 'json']), cli([`${base}/start`, '--format', 'json', '--show-values'])]);
    expect(masked.stdout).not.toContain(SID);
    expect(shown.stdout).toContain(SID);
  });

  it('--fail-on sets the exit code; --min-severity and --ignore-rule hide findings', async () => {
    const [failing, passing, quiet] = await Promise.all([
      cli([`${base}/start`, '--fail-on', 'high']), cli([`${base}/ok`, '--fail-on', 'high']),
      cli([`${base}/start`, '--format', 'json', '--min-severity', 'high', '--ignore-rule', 'missing-httponly']),
    ]);
    expect(failing.code).toBe(1);
    expect(passing.code).toBe(0);
    const filtered = JSON.parse(quiet.stdout);
    expect(filtered.findings.map((f: { severity: string }) => f.severity)).not.toContain('info');
    expect(filtered.findings.map((f: { rule: string }) => f.rule)).not.toContain('missing-httponly');
  });

  it('text output: grouped by severity, no colours when not a TTY, one-line summary last', async () => {
    const run = await cli([`${base}/start`]);
    expect(run.stdout).toMatch(/^ERROR \(\d+\)$/m);
    expect(run.stdout).not.toContain('\x1b[');
    expect(run.stdout.trim().split('\n').pop()).toMatch(/^\d+ findings \(.*\) in 1 target$/);
  });

  it('writes SARIF to --output and prints the summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ss-audit-'));
    const run = await cli([`${base}/start`, '--format', 'sarif', '--output', join(dir, 'out.sarif')]);
    expect(run.stdout).toMatch(/findings/);
    const sarif = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
  });
});

describe('sessionscope audit --har and config', SLOW, () => {
  it('audits a HAR file and honours sessionscope.config.json in the cwd', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ss-audit-'));
    const har = join(FIXTURES, 'firefox.har');
    const all = JSON.parse((await cli(['--har', har, '--format', 'json'], dir)).stdout);
    expect(all.findings.map((f: { rule: string }) => f.rule)).toContain('weak-session-id');
    writeFileSync(join(dir, 'sessionscope.config.json'), JSON.stringify({ audit: { ignore: [{ rule: 'weak-session-id' }, { cookie: 'track*' }] } }));
    const quiet = JSON.parse((await cli(['--har', har, '--format', 'json'], dir)).stdout);
    expect(quiet.findings.map((f: { rule: string }) => f.rule)).not.toContain('weak-session-id');
    expect(quiet.findings.map((f: { cookie: { name: string } }) => f.cookie.name)).not.toContain('tracker');
  });
});

describe('bad input: one line on stderr, exit 2, no stack trace', SLOW, () => {
  const junk = join(mkdtempSync(join(tmpdir(), 'ss-junk-')), 'junk.har');
  writeFileSync(junk, Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0x50, 0x4b]));
  it.each([
    ['an unreachable URL', () => ['http://127.0.0.1:9/'], /cannot fetch/],
    ['a malformed HAR', () => ['--har', join(FIXTURES, 'chrome.har'), '--har', BIN], /not a HAR file/],
    ['binary junk', () => ['--har', junk], /binary/],
    ['a missing HAR', () => ['--har', '/nonexistent.har'], /ENOENT/],
    ['an unknown flag', () => ['--bogus'], /Unknown option/],
    ['an unknown rule', () => ['--ignore-rule', 'nope', 'http://x.invalid/'], /not a rule id/],
    ['a bad config file', () => ['--config', BIN, 'http://x.invalid/'], /invalid JSON/],
    ['nothing to audit', () => [], /at least one URL/],
  ])('%s', async (_label, args, message) => {
    const run = await cli(args());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
