// swHeapMB: the service worker's JS heap (CDP Runtime.getHeapUsage after a forced GC) once 100,000
// timeline events have been captured across 20 tabs from real traffic: each tab is a page on its own
// *.localhost host that keeps fetching a URL which sets four changing cookies.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { connectWorkerCdp, launch } from './chromium.ts';
import { log, round } from './stats.ts';

const TABS = 20;
const TARGET_EVENTS = 100_000;

export interface SwHeapFigures { heapMB: number; baselineMB: number; events: number; retainedEvents: number; tabs: number; seconds: number }

function startTrafficServer(state: { stop: boolean }): Promise<Server> {
  const page = `<!doctype html><title>traffic</title><script>
    (async () => { for (let i = 0; ; i++) { const r = await fetch('/c?i=' + i); if ((await r.text()) === 'stop') break; } })();
  </script>`;
  const server = createServer((req, res) => {
    if (req.url === '/') { res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' }); res.end(page); return; }
    const i = /i=(\d+)/.exec(req.url ?? '')?.[1] ?? '0';
    res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store', 'set-cookie': [
      `sessionid=${i}${'k'.repeat(28)}; Path=/; HttpOnly; SameSite=Lax`, `csrftoken=${i}Xb3kq9ZP1vT0mWc8yLr2Hs5Ue; Path=/; Max-Age=31449600`,
      `cart=${i}; Path=/`, `seen=${Date.now()}${i}; Path=/; Max-Age=60`] });
    res.end(state.stop ? 'stop' : 'ok');
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

const EVENTS_EXPR = `__sessionscopeDebug.state().then((s) => ({ seen: s.tabs.reduce((n, t) => n + t.lastSeq, 0), kept: s.tabs.reduce((n, t) => n + t.size, 0) }))`;

async function heapMB(cdp: Awaited<ReturnType<typeof connectWorkerCdp>>): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage') as { usedSize: number };
  return usage.usedSize / (1024 * 1024);
}

export async function benchSwHeap(extensionDir: string, timeoutMs = 240_000): Promise<SwHeapFigures> {
  const state = { stop: false };
  const server = await startTrafficServer(state);
  const port = (server.address() as AddressInfo).port;
  const browser = await launch(extensionDir);
  const started = Date.now();
  try {
    const cdp = await connectWorkerCdp(browser.context);
    const baselineMB = await heapMB(cdp);
    const pages: Page[] = [];
    for (let t = 0; t < TABS; t++) {
      const page = await browser.context.newPage();
      await page.goto(`http://t${t}.localhost:${port}/`);
      pages.push(page);
    }
    let counts = { seen: 0, kept: 0 };
    while (counts.seen < TARGET_EVENTS) {
      if (Date.now() - started > timeoutMs) throw new Error(`only ${counts.seen} events after ${timeoutMs / 1000} s`);
      await new Promise((r) => setTimeout(r, 1000));
      counts = await browser.worker!.evaluate(EVENTS_EXPR) as typeof counts;
    }
    state.stop = true;
    await browser.worker!.evaluate('__sessionscopeDebug.idle()');
    counts = await browser.worker!.evaluate(EVENTS_EXPR) as typeof counts;
    const mb = await heapMB(cdp);
    log(`sw heap: ${round(mb)} MB after ${counts.seen} events (${counts.kept} kept) in ${TABS} tabs`);
    await cdp.detach();
    return { heapMB: round(mb), baselineMB: round(baselineMB), events: counts.seen, retainedEvents: counts.kept, tabs: TABS, seconds: round((Date.now() - started) / 1000) };
  } finally {
    state.stop = true;
    await browser.close();
    server.closeAllConnections(); server.close();
  }
}
