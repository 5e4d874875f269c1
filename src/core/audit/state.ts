// The auditor's memory between observations: the simulated jar, findings so far, session ids seen.
import { applyNoiseControl } from './config.ts';
import { findingKey } from './finding.ts';
import type { CookieDecision, StoredCookie } from '../cookies/index.ts';
import type { CookieContext } from './rules-cookie.ts';
import type { Subject } from './finding.ts';
import type { AuditOptions, Finding } from './types.ts';

export interface SessionValue { name: string; domain: string; path: string; url: string; value: string }

export interface AuditState {
  options: AuditOptions;
  sessionMaxAge: number;
  jar: StoredCookie[];
  findings: Map<string, Finding>;
  /** session cookie values seen (Set-Cookie or Cookie header), for session-in-url and fixation checks */
  sessionValues: Map<string, SessionValue>;
  /** opaque ids per cookie name, in observation order, for weak-session-id patterns */
  ids: Map<string, string[]>;
  /** per cookie name, how often each id occurs in `ids`: tells a sample without repeats apart without a Set per check */
  idCounts: Map<string, Map<string, number>>;
  /**
   * cookies whose findings depend on the session verdict, so a decoder verdict can re-run them; `keys` are
   * the finding keys of its hits (`rules`, in order), then its weak-session-id key when only that is kept
   */
  contexts: Map<string, { ctx: CookieContext; subject: Subject; decision?: CookieDecision; keys: string[]; rules: string[]; weakKey: string }>;
  listeners: Set<(added: Finding[]) => void>;
  fresh: Finding[];
  /** context keys judged since the deferred (decoding) checks last ran */
  toDecode: string[];
}

// Bounds for a long-lived extension session: old session values and ids stop mattering.
const MAX_SESSION_VALUES = 500;

export const DEFAULT_SESSION_MAX_AGE = 1_209_600;

export function createState(options: AuditOptions): AuditState {
  return {
    options, sessionMaxAge: options.config?.sessionMaxAge ?? options.sessionMaxAge ?? DEFAULT_SESSION_MAX_AGE,
    jar: [], findings: new Map(), sessionValues: new Map(), ids: new Map(), idCounts: new Map(), contexts: new Map(),
    listeners: new Set(), fresh: [], toDecode: [],
  };
}

/** Records findings (first report of a cookie flaw wins) and returns those that are new and pass noise control. */
export function record(state: AuditState, findings: Finding[]): Finding[] {
  const added: Finding[] = [];
  for (const f of findings) {
    const key = findingKey(f);
    if (state.findings.has(key)) continue;
    state.findings.set(key, f);
    added.push(f);
  }
  const visible = applyNoiseControl(added, state.options.config);
  if (visible.length) {
    state.fresh.push(...visible);
    for (const listener of state.listeners) listener(visible);
  }
  return visible;
}

/** Drops findings by key (a re-classified cookie is re-judged). */
export function forget(state: AuditState, keys: string[]): void {
  for (const key of keys) state.findings.delete(key);
}

export function rememberSessionValue(state: AuditState, entry: SessionValue): void {
  state.sessionValues.delete(entry.value);
  state.sessionValues.set(entry.value, entry);
  if (state.sessionValues.size > MAX_SESSION_VALUES) state.sessionValues.delete(state.sessionValues.keys().next().value!);
}

export function rememberId(state: AuditState, name: string, id: string): string[] {
  const list = state.ids.get(name) ?? [];
  let counts = state.idCounts.get(name);
  if (!counts) state.idCounts.set(name, counts = new Map());
  if (list[list.length - 1] !== id) {
    list.push(id);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  if (list.length > 200) {
    const old = list.shift()!;
    const n = counts.get(old)! - 1;
    if (n === 0) counts.delete(old); else counts.set(old, n);
  }
  state.ids.set(name, list);
  return list;
}

/** Whether the remembered ids of this cookie name are all different (the usual case). */
export function idsAreDistinct(state: AuditState, name: string): boolean {
  return (state.idCounts.get(name)?.size ?? 0) === (state.ids.get(name)?.length ?? 0);
}
