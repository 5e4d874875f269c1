// pageLoadOverheadRatio: a local node:http page with 200 subresources that each set cookies, loaded in
// headless Chromium with and without the extension. Loads alternate between the two browsers so that
// machine noise (other processes) hits both sides alike; figures are navigation-timing loadEventEnd.
//
// Opt-in (never part of `npm run bench`): `node bin/run-ts.js scripts/bench/page-load.ts --floor
// [--reuse-dist]` interleaves a plain browser with throwaway builds that register only empty listeners,
// to tell what Chrome's event delivery costs from what the extension's own code costs.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildExtension, launch, type Browser } from './chromium.ts';
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

// Empty listeners with the real extension's filters and extraInfoSpec (src/platform/webext/traffic.ts).
const ON_CHANGED = 'chrome.cookies.onChanged.addListener(() => {});';
const onHeaders = (spec: string) => `chrome.webRequest.onHeadersReceived.addListener(() => {}, { urls: ['<all_urls>'] }, ${spec});`;
const BEFORE_SEND = `chrome.webRequest.onBeforeSendHeaders.addListener(() => {}, { urls: ['<all_urls>'], types: ['main_frame', 'sub_frame', 'xmlhttprequest', 'websocket', 'ping', 'other'] }, ['requestHeaders', 'extraHeaders']);`;
const FLOOR_VARIANTS: { name: string; worker: string; contentScripts: boolean }[] = [
  { name: 'manifest only (same permissions, empty worker)', worker: '', contentScripts: false },
  { name: '+ cookies.onChanged, empty listener', worker: ON_CHANGED, contentScripts: false },
  { name: '+ onHeadersReceived, empty, extraHeaders', worker: ON_CHANGED + onHeaders(`['responseHeaders', 'extraHeaders']`), contentScripts: false },
  { name: '+ onHeadersReceived, empty, no extraHeaders', worker: ON_CHANGED + onHeaders(`['responseHeaders']`), contentScripts: false },
  { name: '+ both webRequest listeners, empty (the real listener set)', worker: ON_CHANGED + onHeaders(`['responseHeaders', 'extraHeaders']`) + BEFORE_SEND, contentScripts: false },
  { name: 'manifest + the content scripts alone', worker: '', contentScripts: true },
];

/** Writes each floor variant next to nothing of the real build but its icons, content scripts and permissions. */
function buildFloorVariants(extensionDir: string): { dir: string; variants: { name: string; dir: string }[] } {
  const dir = mkdtempSync(join(tmpdir(), 'ss-bench-floor-'));
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const variants = FLOOR_VARIANTS.map((v, i) => {
    const out = join(dir, `v${i}`);
    cpSync(join(extensionDir, 'icons'), join(out, 'icons'), { recursive: true });
    const { devtools_page: _devtools, content_scripts: scripts, ...rest } = manifest;
    const m: Record<string, unknown> = { ...rest, background: { service_worker: 'sw.js' } };
    if (v.contentScripts) { m.content_scripts = scripts; cpSync(join(extensionDir, 'src/content'), join(out, 'src/content'), { recursive: true }); }
    writeFileSync(join(out, 'manifest.json'), JSON.stringify(m));
    writeFileSync(join(out, 'sw.js'), `${v.worker}\nglobalThis.__sessionscopeReady = true;\n`); // launch() waits for it
    return { name: v.name, dir: out };
  });
  return { dir, variants };
}

/** ratio: median over median of the plain browser; roundRatio: median of each round's ratio to the plain load of that round */
export interface VariantFigures { name: string; medianMs: number; ratio: number; roundRatio: number; runsMs: number[] }

/** Interleaves every browser (order rotating per round); ratios are to the first, which has no extension. */
export async function benchPageLoadVariants(variants: { name: string; dir: string | null }[], runs = 20): Promise<VariantFigures[]> {
  const server = await startPageServer();
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browsers: Browser[] = [];
  try {
    for (const v of variants) browsers.push(await launch(v.dir));
    for (let i = 0; i < 2; i++) for (const b of browsers) await loadOnce(b, url);
    const times: number[][] = variants.map(() => []);
    for (let i = 0; i < runs; i++) {
      for (let k = 0; k < browsers.length; k++) { const j = (k + i) % browsers.length; times[j].push(await loadOnce(browsers[j], url)); }
    }
    const base = median(times[0]);
    return variants.map((v, j) => ({ name: v.name, medianMs: round(median(times[j])), ratio: round(median(times[j]) / base, 3),
      roundRatio: round(median(times[j].map((t, i) => t / times[0][i])), 3), runsMs: times[j].map((x) => round(x)) }));
  } finally {
    for (const b of browsers) await b.close();
    server.closeAllConnections(); server.close();
  }
}

async function printFloor(args: string[]): Promise<void> {
  const extensionDir = buildExtension(args.includes('--reuse-dist'));
  const floor = buildFloorVariants(extensionDir);
  try {
    const rows = await benchPageLoadVariants([{ name: 'no extension', dir: null }, ...floor.variants, { name: 'the extension', dir: extensionDir }]);
    console.log('ratio  per-round  median ms  build');
    for (const r of rows) console.log(`${r.ratio.toFixed(3)}  ${r.roundRatio.toFixed(3)}  ${String(r.medianMs).padStart(9)}  ${r.name}`);
  } finally {
    rmSync(floor.dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv.includes('--floor')) await printFloor(process.argv.slice(2));
