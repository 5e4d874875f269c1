// Raw HTTP for tests: node:http lets a test forge Host/Origin headers that fetch() would refuse to send.
import { request } from 'node:http';

export interface RawResponse { status: number; headers: Record<string, string | string[] | undefined>; body: string; json(): any }

export function send(port: number, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...opts.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) });
      });
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer for ${path}`)));
    req.end(opts.body);
  });
}

/** The companion's event stream (SSE) as a growing list; `connected` turns true once the server's greeting arrived. */
export function watchEvents<E>(port: number): { events: E[]; connected: () => boolean; close(): void } {
  const events: E[] = [];
  let connected = false;
  const stream = request({ host: '127.0.0.1', port, path: '/__sessionscope/events', headers: { host: `127.0.0.1:${port}` } }, (res) => {
    let buffer = '';
    res.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      connected ||= buffer.includes(': connected');
      for (const m of buffer.matchAll(/^data: (.*)$/gm)) events.push(JSON.parse(m[1]) as E);
      buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 2);
    });
  });
  stream.end();
  return { events, connected: () => connected, close: () => stream.destroy() };
}
