// Shared by the background's unit tests: a memory browser, a recording analyzer and traffic helpers.
import type { CookieRecord, Finding } from '../core/protocol/index.ts';
import { createMemoryPlatform, type MemoryPlatform } from '../platform/memory/index.ts';
import type { Analyzer } from './analyzer.ts';
import { createBackground, type Background } from './app.ts';

export interface RecordingAnalyzer extends Analyzer { calls: string[]; next: Finding[] }

export function createRecordingAnalyzer(): RecordingAnalyzer {
  const a: RecordingAnalyzer = {
    calls: [], next: [],
    response: async (tabId, f) => { a.calls.push(`response ${tabId} ${f.url}`); return a.next.splice(0); },
    request: async (tabId, f) => { a.calls.push(`request ${tabId} ${f.url}`); return []; },
    scriptWrite: async (tabId, f) => { a.calls.push(`scriptWrite ${tabId} ${f.text}`); return []; },
    scriptRead: async (tabId, f) => { a.calls.push(`scriptRead ${tabId} ${f.documentCookie}`); return []; },
    login: async (tabId, f) => { a.calls.push(`login ${tabId} ${f.authChanged}`); return []; },
    blocked: async (tabId, f) => { a.calls.push(`blocked ${tabId} ${f.header}`); return []; },
    blockedReason: () => 'TestReason',
    forgetTab: (tabId) => { a.calls.push(`forget ${tabId}`); },
  };
  return a;
}

export function finding(rule: string, name: string): Finding {
  return { rule, severity: 'high', cookie: { name, domain: 'a.test', path: '/' }, message: `${rule} on ${name}` };
}

export function cookie(name: string, value: string, domain = 'a.test', extra: Partial<CookieRecord> = {}): CookieRecord {
  return { name, value, domain, hostOnly: true, path: '/', secure: false, httpOnly: false, sameSite: 'lax', session: true,
    storeId: '0', size: name.length + value.length, ...extra };
}

export async function start(platform: MemoryPlatform = createMemoryPlatform(), analyzer: Analyzer = createRecordingAnalyzer()): Promise<{ platform: MemoryPlatform; bg: Background }> {
  const bg = createBackground(platform, analyzer);
  await bg.ready;
  return { platform, bg };
}

/** A response from `url` in `tabId` with Set-Cookie lines; `store` = what the browser then stores. */
export function respond(p: MemoryPlatform, tabId: number, url: string, setCookies: string[], store: CookieRecord[] = []): void {
  p.traffic.response({ tabId, frameId: 0, url, method: 'GET', type: 'main_frame', statusCode: 200, time: p.clock.now(), setCookies, hsts: false });
  for (const c of store) p.cookies.store(c);
}

/** Lets timers (batching, hold, blocked window, persistence) run and follow-up work finish. */
export async function settle(p: MemoryPlatform, bg: Background, ms = 2000): Promise<void> {
  await p.clock.advance(ms);
  await bg.idle();
  await p.clock.advance(10);
}

export async function tabEvents(bg: Background, tabId: number) {
  const state = await bg.debugState(tabId);
  return state.tabs[0]?.events ?? [];
}
