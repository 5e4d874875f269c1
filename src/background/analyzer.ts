// What the pipeline asks of the audit engine and the cookie model. An interface so the pipeline can be
// tested with a recording fake and the engine swapped without touching capture code.
import type { ParsedSetCookie } from '../core/cookies/index.ts';
import type { CookieRecord, Finding } from '../core/protocol/index.ts';

export interface ResponseFacts {
  url: string; status: number; setCookieHeaders: string[]; hsts: boolean; time: number;
  /** parseSetCookie of each header, when capture parsed them already (one parse per header) */
  parsed?: ParsedSetCookie[];
}
export interface RequestFacts { url: string; method: string; cookieHeader: string }
export interface ScriptWriteFacts { url: string; text: string; api: 'document.cookie' | 'cookieStore' }
export interface ScriptReadFacts { url: string; documentCookie: string }
export interface LoginFacts {
  url: string;
  before: { name: string; value: string }[];
  after: { name: string; value: string }[];
  authChanged: boolean;
}
export interface BlockedFacts {
  url: string; header: string; reason: string; time: number;
  /** the browser's store for the URL after the response */
  jar: CookieRecord[];
}

export interface Analyzer {
  response(tabId: number, facts: ResponseFacts): Promise<Finding[]>;
  request(tabId: number, facts: RequestFacts): Promise<Finding[]>;
  scriptWrite(tabId: number, facts: ScriptWriteFacts): Promise<Finding[]>;
  scriptRead(tabId: number, facts: ScriptReadFacts): Promise<Finding[]>;
  login(tabId: number, facts: LoginFacts): Promise<Finding[]>;
  /** the finding for a Set-Cookie the browser did not store */
  blocked(tabId: number, facts: BlockedFacts): Promise<Finding[]>;
  /** the cookie model's most likely reason the browser refused `header` given the current store */
  blockedReason(url: string, header: string, jar: CookieRecord[], now: number): string;
  forgetTab(tabId: number): void;
  /**
   * Work held back from the hot path (decoding rules): runs it for up to `max` cookies (tabs in the order first seen),
   * and resolves with the findings it added per tab. Absent when the analyzer defers nothing.
   */
  runDeferred?(max: number): Promise<Map<number, Finding[]>>;
  /** cookies whose deferred work is still queued */
  readonly deferredBacklog?: number;
}
