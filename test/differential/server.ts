// A raw HTTP/1.1 + HTTPS server for the differential test. Raw sockets (not node:http) because node:http
// refuses to send control characters, and those headers are exactly what the browser must be tested on.
import { createServer as createNetServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Returns the Set-Cookie header values for a request target ("/path?query"), or null for 404. */
export type HeaderLookup = (target: string) => string[] | null;

export interface CookieServer {
  httpPort: number;
  httpsPort: number;
  /** The Cookie header each request target arrived with ('' when none). */
  requestCookies: Map<string, string>;
  close(): Promise<void>;
}

/** A throwaway self-signed certificate; the browser is told to ignore certificate errors. */
export function createSelfSignedCert(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'ss-cert-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=sessionscope.test',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** /__embed?src=URL is a page that frames URL (for cross-site and partitioned cases). */
function pageFor(target: string, cookies: string[] | null): string {
  const src = target.startsWith('/__embed?') ? new URLSearchParams(target.slice(8)).get('src') : null;
  if (src) return `<!doctype html><title>top</title><iframe src="${escapeHtml(src)}"></iframe>`;
  return cookies ? '<!doctype html><title>ok</title>ok' : 'not found';
}

function respond(socket: Socket, lookup: HeaderLookup, head: string, seen: Map<string, string>): void {
  const target = head.split(' ')[1] ?? '/';
  // the head was read as latin1 (byte-preserving); cookie text is UTF-8
  seen.set(target, Buffer.from(/\r\ncookie:[ \t]*([^\r]*)/i.exec(head)?.[1] ?? '', 'latin1').toString('utf8'));
  const embed = target.startsWith('/__embed?');
  const cookies = embed ? [] : target === '/favicon.ico' ? null : lookup(target);
  const body = Buffer.from(pageFor(target, cookies));
  const lines = [`HTTP/1.1 ${cookies ? '200 OK' : '404 Not Found'}`, 'Content-Type: text/html; charset=utf-8',
    `Content-Length: ${body.length}`, 'Cache-Control: no-store', 'Connection: close',
    ...(cookies ?? []).map((c) => `Set-Cookie: ${c}`)];
  socket.end(Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8'), body]));
}

function handle(lookup: HeaderLookup, seen: Map<string, string>) {
  return (socket: Socket): void => {
    let buffered = '';
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk) => {
      buffered += chunk.toString('latin1');
      const end = buffered.indexOf('\r\n\r\n');
      if (end >= 0) respond(socket, lookup, buffered.slice(0, end), seen);
    });
  };
}

function listenOn(server: Server, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port: 0, ipv6Only: false }, () => resolve((server.address() as AddressInfo).port));
  });
}

/** Dual-stack when the machine has IPv6 (the [::1] cases need it), IPv4 loopback otherwise. */
const listen = (server: Server): Promise<number> => listenOn(server, '::').catch(() => listenOn(server, '127.0.0.1'));

const closeServer = (server: Server): Promise<void> => new Promise((resolve) => server.close(() => resolve()));

/** Starts the HTTP and HTTPS listeners on free ports (IPv4 and IPv6 loopback both reach them). */
export async function startCookieServer(lookup: HeaderLookup): Promise<CookieServer> {
  const sockets = new Set<Socket>();
  const track = (s: Socket) => { sockets.add(s); s.on('close', () => sockets.delete(s)); };
  const requestCookies = new Map<string, string>();
  const http = createNetServer((s) => { track(s); handle(lookup, requestCookies)(s); });
  const https = createTlsServer(createSelfSignedCert(), (s) => { track(s); handle(lookup, requestCookies)(s); });
  const [httpPort, httpsPort] = [await listen(http), await listen(https)];
  return {
    httpPort, httpsPort, requestCookies,
    async close() {
      for (const s of sockets) s.destroy();
      await Promise.all([closeServer(http), closeServer(https)]);
    },
  };
}
