// pageLoadOverheadRatio: a local node:http page with 200 subresources that each set cookies, loaded in
// headless Chromium with and without the extension. Loads alternate between the two browsers so that
// machine noise (other processes) hits both sides alike; figures are navigation-timing loadEventEnd.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { launch, type Browser } from './chromium.ts';
import { median, round } from './stats.ts';

const SUBRESOURCES = 200;
const GIF = Buffer.from('R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==', 'base64');

export interface PageLoadFigures { ratio: number; withMs: number; withoutMs: number; runs: number; withRunsMs: number[]; withoutRunsMs: number[] }

function startPageServer(): Promise<Server> {
  let n = 0;
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/') {
      const imgs = Array.from({ length: SUBRESOURCES }, (_, i) => `<img src="/r/${i}.gif?${n}" width="1" height="1">`).join('');
      res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store', 'set-cookie': [`sessionid=s${++n}x${'a'.repeat(30)}; Path=/; HttpOnly; SameSite=Lax`] });
      res.end(`<!doctype html><title>200 subresources</title><body>${imgs}</body>`);
      return;
    }
    const i = Number(/\/r\/(\d+)/.exec(path)?.[1] ?? 0);
    res.writeHead(200, { 'content-type': 'image/gif', 'cache-control': 'no-store', 'set-cookie': [
      `r${i % 40}=${Date.now().toString(36)}${i}; Path=/; SameSite=Lax`, `t${i % 10}=${n}.${i}; Path=/; Max-Age=3600`] });
    res.end(GIF);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

async function loadOnce(browser: Browser, url: string): Promise<number> {
  const page = await browser.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    return await page.evaluate('(() => { const e = performance.getEntriesByType("navigation")[0]; return e.loadEventEnd - e.startTime; })()') as number;
  } finally {
    await page.close();
  }
}

export async function benchPageLoad(extensionDir: string, runs = 20): Promise<PageLoadFigures> {
  const server = await startPageServer();
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const [plain, withExt] = [await launch(null), await launch(extensionDir)];
  try {
    for (let i = 0; i < 2; i++) { await loadOnce(plain, url); await loadOnce(withExt, url); } // warm caches, JIT, connections
    const a: number[] = []; const b: number[] = [];
    for (let i = 0; i < runs; i++) {
      // alternate which goes first so neither side always runs right after the other's leftover work
      if (i % 2) { b.push(await loadOnce(plain, url)); a.push(await loadOnce(withExt, url)); }
      else { a.push(await loadOnce(withExt, url)); b.push(await loadOnce(plain, url)); }
    }
    const withMs = median(a); const withoutMs = median(b);
    return { ratio: round(withMs / withoutMs, 3), withMs: round(withMs), withoutMs: round(withoutMs), runs,
      withRunsMs: a.map((x) => round(x)), withoutRunsMs: b.map((x) => round(x)) };
  } finally {
    await plain.close(); await withExt.close();
    server.closeAllConnections(); server.close();
  }
}
