// `npm run bench`: every benchmark of issue 6 in one run (medians of several runs each), a table on
// stdout and bench-results.json. Flags: --reuse-dist (measure dist/chrome instead of a fresh private
// build), --only=a,b (subset: decode, parse, background, djangoDecode, pageLoad, panel, swHeap, companion).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { execFileSync } from 'node:child_process';
import { benchBackground, benchParse } from './background.ts';
import { buildExtension, CHROMIUM } from './chromium.ts';
import { benchCompanionEngine, ENGINES } from './companion.ts';
import { benchDecode } from './decode.ts';
import { benchDecodeVsDjango } from './django-decode.ts';
import { benchPageLoad } from './page-load.ts';
import { benchPanel } from './panel.ts';
import { missingPeer } from './peers.ts';
import { markdownTable, printTable, replaceTable, TARGETS } from './report.ts';
import { attempt, log, type Measured } from './stats.ts';
import { benchSwHeap } from './sw-heap.ts';

const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const wants = (name: string) => !only || only.includes(name);
const started = Date.now();
const loadAtStart = loadavg()[0];

const results: Record<string, unknown> = {};
const raw: Record<string, unknown> = {};
const skipped: Record<string, string> = {};

/** Records a headline key (null + reason when it could not be measured) and its raw figures. */
function record<T>(key: string, rawKey: string, m: Measured<T>, pick: (v: T) => number) {
  results[key] = m.ok ? pick(m.value) : null;
  if (m.ok) raw[rawKey] = m.value; else skipped[key] = m.reason;
}

function skip(key: string, reason: string) {
  results[key] = null;
  skipped[key] = reason;
  log(`skipping ${key}: ${reason}`);
}

if (wants('decode')) {
  log('decode throughput per format');
  const m = await attempt('decode', () => benchDecode());
  if (m.ok) raw.decodeCookiesPerSec = m.value; else skipped.decodeCookiesPerSec = m.reason;
}
if (wants('parse')) { log('parseSetCookie vs set-cookie-parser'); record('parseVsSetCookieParserRatio', 'parse', await attempt('parse', async () => benchParse()), (v) => v.ratio); }
if (wants('background')) { log('background pipeline'); record('backgroundEventsPerSec', 'background', await attempt('background', () => benchBackground()), (v) => v.eventsPerSec); }
if (wants('djangoDecode')) {
  const missing = missingPeer(['django']);
  if (missing) skip('decodeVsDjangoRatio', missing);
  else { log('decode vs Django signing.loads'); record('decodeVsDjangoRatio', 'decodeVsDjango', await attempt('decodeVsDjango', () => benchDecodeVsDjango()), (v) => v.ratio); }
}

const browserBenches = ['pageLoad', 'panel', 'swHeap'].filter(wants);
if (browserBenches.length) {
  const built = await attempt('build', async () => buildExtension(args.includes('--reuse-dist')));
  const dir = built.ok ? built.value : null;
  const run = async <T>(name: string, key: string, fn: (d: string) => Promise<T>, pick: (v: T) => number, extra?: (v: T) => void) => {
    if (!wants(name)) return;
    if (!dir) { skip(key, `extension build failed: ${built.ok ? '' : built.reason}`); return; }
    log(name);
    const m = await attempt(name, () => fn(dir));
    record(key, name, m, pick);
    if (m.ok) extra?.(m.value);
  };
  await run('pageLoad', 'pageLoadOverheadRatio', (d) => benchPageLoad(d), (v) => v.ratio);
  await run('panel', 'panelFirstRenderMs', (d) => benchPanel(d), (v) => v.firstRenderMs, (v) => { results.panelFilterMs = v.filterMs; });
  if (wants('panel') && results.panelFilterMs === undefined) skip('panelFilterMs', skipped.panelFirstRenderMs ?? 'panel bench failed');
  await run('swHeap', 'swHeapMB', (d) => benchSwHeap(d), (v) => v.heapMB);
}

if (wants('companion')) {
  const missing = missingPeer(['django', 'gunicorn']);
  const ratios: Record<string, number | null> = {};
  const perEngine: Record<string, unknown> = {};
  for (const engine of ENGINES) {
    if (missing) { ratios[engine] = null; skipped[`companionVsDjangoRatio.${engine}`] = missing; continue; }
    log(`companion vs Django: ${engine}`);
    const m = await attempt(`companion ${engine}`, () => benchCompanionEngine(engine));
    ratios[engine] = m.ok ? m.value.ratio : null;
    if (m.ok) perEngine[engine] = m.value; else skipped[`companionVsDjangoRatio.${engine}`] = m.reason;
  }
  if (missing) log(`skipping companionVsDjangoRatio: ${missing}`);
  results.companionVsDjangoRatio = ratios;
  raw.companion = perEngine;
}

const chromiumVersion = (() => { try { return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return null; } })();
const out = {
  ...results,
  decodeCookiesPerSec: raw.decodeCookiesPerSec ?? null,
  targets: TARGETS,
  skipped,
  raw,
  machine: { cpus: availableParallelism(), node: process.version, chromium: chromiumVersion, loadAverage1m: loadavg()[0], loadAverage1mAtStart: loadAtStart },
  generatedAt: new Date().toISOString(),
  seconds: Math.round((Date.now() - started) / 1000),
};
if (!only) {
  writeFileSync('bench-results.json', JSON.stringify(out, null, 2) + '\n');
  // the latest table also goes into the docs (between the bench markers, if present)
  for (const file of ['docs/performance.md', 'README.md'].filter((f) => existsSync(f))) {
    const text = readFileSync(file, 'utf8');
    const next = replaceTable(text, markdownTable(out));
    if (next !== text) writeFileSync(file, next);
  }
} else {
  log('--only: bench-results.json and the docs tables left as they were');
}
printTable(out);
