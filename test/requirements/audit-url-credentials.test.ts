// Issue 3 §3 URL mode on a site behind HTTP Basic auth (a staging server in CI): a browser accepts
// https://user:pass@host/, fetch refuses such URLs. The password must not reach the report either.
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactCredentials } from '../../src/cli/audit-fetch.ts';

const BIN = fileURLToPath(new URL('../../bin/sessionscope.js', import.meta.url));
const PASSWORD = 'st@ging-pässword';
let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer((req, res) => {
    const expected = `Basic ${Buffer.from(`ci:${PASSWORD}`).toString('base64')}`;
    if (req.headers.authorization !== expected) { res.writeHead(401, { 'www-authenticate': 'Basic realm="staging"' }); res.end(); return; }
    if (req.url === '/') { res.writeHead(302, { location: '/app' }); res.end(); return; }
    res.writeHead(200, { 'set-cookie': 'sessionid=abcdefghijklmnopqrstuvwxyz012345; Path=/' });
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function audit(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => execFile(process.execPath, [BIN, 'audit', ...args], (err, stdout, stderr) => {
    resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr });
  }));
}

describe('sessionscope audit https://user:password@host/', { timeout: 90_000 }, () => {
  it('sends the credentials as Basic auth on every hop of the origin and keeps the password out of the report', async () => {
    const url = `http://ci:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/`;
    const [json, sarif] = await Promise.all([audit([url, '--format', 'json']), audit([url, '--format', 'sarif'])]);
    expect(json.stderr).toBe('');
    const report = JSON.parse(json.stdout);
    expect(report.findings.map((f: { rule: string }) => f.rule)).toContain('missing-httponly');
    expect(report.findings[0].url).toBe(`http://127.0.0.1:${port}/app`);
    expect(report.summary.targets).toEqual([`http://ci:***@127.0.0.1:${port}/`]);
    for (const out of [json.stdout, sarif.stdout]) expect(out).not.toContain(encodeURIComponent(PASSWORD));
  });

  it('redacts only the password of a URL', () => {
    expect(redactCredentials('https://u:p@a.example/x')).toBe('https://u:***@a.example/x');
    expect(redactCredentials('https://a.example/x')).toBe('https://a.example/x');
    expect(redactCredentials('not a url')).toBe('not a url');
  });
});
