// backgroundEventsPerSec: the real background (createBackground + the real audit analyzer) on the memory
// platform, fed generated traffic; parseVsSetCookieParserRatio: our parser against set-cookie-parser.
import { parseString } from 'set-cookie-parser';
import { createBackground } from '../../src/background/app.ts';
import { createAuditAnalyzer } from '../../src/background/audit-analyzer.ts';
import { parseSetCookie } from '../../src/core/cookies/index.ts';
import { createMemoryPlatform } from '../../src/platform/memory/index.ts';
import { median, round } from './stats.ts';
import { generateTraffic, headerPool, type BenchResponse } from './traffic.ts';

const HEADERS = 20_000;
const CHUNK = 400; // responses between clock advances: the worker's 20 ms batches see a realistic burst

/**
 * eventsPerSec is per CPU-second of this process (user + system, all threads, so WebCrypto's thread pool
 * counts too): "on one core" even when other processes share the machine. wallPerSec is the wall figure.
 */
export interface BackgroundFigures {
  /** hot path only; deferredDecodesPerSec is the idle-time decoding (distinct cookie values per CPU-second) */
  deferredDecodesPerSec: number; deferredCookies: number;
  eventsPerSec: number; wallPerSec: number; headers: number; runsCpuMs: number[]; timelineEvents: number; findings: number; workerWarnings: number }

async function runOnce(traffic: BenchResponse[], headers: number) {
  // the worker's console.warn (e.g. storage.session quota: it then keeps less history) is counted, not printed
  const warn = console.warn;
  let warnings = 0;
  console.warn = () => { warnings++; };
  try {
    return { ...await feed(traffic, headers), warnings };
  } finally {
    console.warn = warn;
  }
}

/**
 * The analyzer, with the CPU time of its deferred (decoding) work counted apart: that work runs off the
 * hot path in idle-time batches, so it is reported as its own throughput, not folded into eventsPerSec.
 */
function measuredAnalyzer() {
  const analyzer = createAuditAnalyzer();
  const run = analyzer.runDeferred!.bind(analyzer);
  const deferred = { cpuMs: 0, cookies: 0 };
  analyzer.runDeferred = async (max) => {
    const before = analyzer.deferredBacklog ?? 0;
    const cpu = process.cpuUsage();
    const found = await run(max);
    const used = process.cpuUsage(cpu);
    deferred.cpuMs += (used.user + used.system) / 1000;
    deferred.cookies += before - (analyzer.deferredBacklog ?? 0);
    return found;
  };
  return { analyzer, deferred };
}

async function feed(traffic: BenchResponse[], headers: number) {
  const platform = createMemoryPlatform();
  const { analyzer, deferred } = measuredAnalyzer();
  const bg = createBackground(platform, analyzer);
  await bg.ready;
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < traffic.length; i += CHUNK) {
    for (const r of traffic.slice(i, i + CHUNK)) {
      platform.traffic.response({ tabId: r.tabId, frameId: 0, url: r.url, method: 'GET', type: 'xmlhttprequest', statusCode: 200,
        time: platform.clock.now(), setCookies: r.setCookies, hsts: false });
      for (const c of r.store) platform.cookies.store(c);
    }
    await platform.clock.advance(100);
    await bg.idle();
  }
  await platform.clock.advance(5_000); // blocked-cookie windows, provenance holds, persistence
  await bg.idle();
  const used = process.cpuUsage(cpu);
  const ms = performance.now() - start;
  const cpuMs = (used.user + used.system) / 1000 - deferred.cpuMs;
  const state = await bg.debugState();
  return { ms, cpuMs, deferredCpuMs: deferred.cpuMs, deferredCookies: deferred.cookies, rate: headers / (cpuMs / 1000), wall: headers / (ms / 1000), events: state.tabs.reduce((n, t) => n + t.lastSeq, 0), findings: state.tabs.reduce((n, t) => n + t.findings.length, 0) };
}

export async function benchBackground(runs = 3): Promise<BackgroundFigures> {
  const traffic = generateTraffic(HEADERS);
  await runOnce(generateTraffic(5_000), 5_000); // JIT warm-up
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await runOnce(traffic, HEADERS));
  return {
    eventsPerSec: Math.round(median(results.map((r) => r.rate))),
    deferredDecodesPerSec: Math.round(median(results.map((r) => r.deferredCookies / (r.deferredCpuMs / 1000)))), deferredCookies: results[0].deferredCookies, wallPerSec: Math.round(median(results.map((r) => r.wall))), headers: HEADERS,
    runsCpuMs: results.map((r) => round(r.cpuMs)), timelineEvents: results[0].events, findings: results[0].findings, workerWarnings: results[0].warnings,
  };
}

export interface ParseFigures { ratio: number; oursPerSec: number; setCookieParserPerSec: number; headers: number }

/** Headers per CPU-second of this (single) thread's work: preemption by other processes does not count. */
function rate(headers: string[], parse: (h: string) => unknown): number {
  const cpu = process.cpuUsage();
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < 300) {
    for (const h of headers) parse(h);
    n += headers.length;
  }
  const used = process.cpuUsage(cpu);
  return n / ((used.user + used.system) / 1e6);
}

/** Same headers, alternating rounds (CPU time) so drift hits both sides; higher ratio = ours faster. */
export function benchParse(runs = 9): ParseFigures {
  const headers = generateTraffic(20_000).flatMap((r) => r.setCookies);
  const ours = (h: string) => parseSetCookie(h);
  const theirs = (h: string) => parseString(h, { decodeValues: false, silent: true });
  rate(headers, ours); rate(headers, theirs);
  const a: number[] = []; const b: number[] = [];
  for (let i = 0; i < runs; i++) { a.push(rate(headers, ours)); b.push(rate(headers, theirs)); }
  const oursPerSec = median(a); const setCookieParserPerSec = median(b);
  return { ratio: round(oursPerSec / setCookieParserPerSec, 3), oursPerSec: Math.round(oursPerSec), setCookieParserPerSec: Math.round(setCookieParserPerSec), headers: headerPool().length };
}
