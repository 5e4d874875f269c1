// Issue 3 §3: URL mode "fetches each URL like a browser would". A browser reads Set-Cookie bytes as UTF-8 and
// sends the same bytes back; fetch exposes header bytes as latin-1 code units, which turned "5€" into "5â\x82¬".
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headerText } from '../../src/cli/audit-fetch.ts';

const BIN = fileURLToPath(new URL('../../bin/sessionscope.js', import.meta.url));
const received: Buffer[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  // raw sockets: node:http would re-encode the header text itself
  server = createServer((sock) => sock.once('data', (buf) => {
    const request = buf.toString('latin1');
    const cookie = /\r\ncookie: ([^\r]*)/i.exec(request)?.[1];
    if (cookie !== undefined) received.push(Buffer.from(cookie, 'latin1'));
    const first = request.startsWith('GET /start');
    const head = first ? 'HTTP/1.1 302 Found\r\nLocation: /next\r\n' : 'HTTP/1.1 200 OK\r\n';
    const setCookie = first ? 'Set-Cookie: pref=5€ café; Path=/; SameSite=Lax\r\n' : '';
    sock.end(Buffer.from(`${head}${setCookie}Content-Length: 0\r\nConnection: close\r\n\r\n`, 'utf8'));
  }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('sessionscope audit URL with UTF-8 cookie text', { timeout: 90_000 }, () => {
  it('reads the Set-Cookie as UTF-8 and carries the same bytes to the next hop', async () => {
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, [BIN, 'audit', `${base}/start`, '--format', 'json', '--show-values'], (err, out) => (err ? reject(err) : resolve(out)));
    });
    const evidence = JSON.parse(stdout).findings.filter((f: { cookie: { name: string } }) => f.cookie.name === 'pref').map((f: { evidence: string }) => f.evidence);
    expect(evidence[0]).toBe('Set-Cookie: pref=5€ café; Path=/; SameSite=Lax');
    expect(received.map((b) => b.toString('hex'))).toEqual([Buffer.from('pref=5€ café', 'utf8').toString('hex')]);
  });

  it('leaves latin-1 text that is not valid UTF-8 as it is', () => {
    expect(headerText('a=caf\xe9')).toBe('a=caf\xe9');
    expect(headerText('a=caf\xc3\xa9')).toBe('a=café');
    expect(headerText('a=plain')).toBe('a=plain');
  });
});
