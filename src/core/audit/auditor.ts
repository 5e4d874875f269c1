// createAuditor: the incremental API the extension's background calls per request/response. The hot path
// (observe*) is synchronous and cheap; decoding and secret guessing run deferred, and `settle()` awaits them.
import { auditDecoded } from './deferred.ts';
import { auditLogin, auditLogout, auditScriptRead, auditScriptWrite } from './lifecycle.ts';
import { auditRequest } from './request-audit.ts';
import { auditResponse } from './response-audit.ts';
import { createState, type AuditState } from './state.ts';
import { applyNoiseControl } from './config.ts';
import type {
  AuditOptions, Finding, LoginObservation, LogoutObservation, RequestObservation, ResponseObservation,
  ScriptReadObservation, ScriptWriteObservation,
} from './types.ts';

export interface Auditor {
  /** Audits one response's Set-Cookie headers; returns the findings it added (after noise control). */
  observeResponse(obs: ResponseObservation): Finding[];
  observeRequest(obs: RequestObservation): Finding[];
  observeScriptWrite(obs: ScriptWriteObservation): Finding[];
  observeScriptRead(obs: ScriptReadObservation): Finding[];
  observeLogin(obs: LoginObservation): Finding[];
  observeLogout(obs: LogoutObservation): Finding[];
  /** Waits for deferred (decoding) checks; resolves with the findings they added. */
  settle(): Promise<Finding[]>;
  /** Every finding so far, after noise control. A re-classified cookie's findings are replaced by key. */
  findings(): Finding[];
  /** Findings added since the last call (for incremental UIs). */
  takeNew(): Finding[];
  /** Called with each batch of added findings, including deferred ones; returns an unsubscribe function. */
  subscribe(listener: (added: Finding[]) => void): () => void;
}

function scheduleDecoding(state: AuditState, pending: Set<Promise<Finding[]>>, seen: Set<string>): void {
  const keys = state.toDecode.splice(0);
  if (!state.options.decode) return;
  for (const key of new Set(keys)) {
    const tracked = state.contexts.get(key);
    if (!tracked) continue;
    const id = `${key}\u0000${tracked.ctx.cookie.value}`;
    if (seen.has(id)) continue;
    if (seen.size > 5000) seen.clear(); // a long session: re-decoding an old value is only wasted work
    seen.add(id);
    const task = auditDecoded(state, tracked).finally(() => pending.delete(task));
    pending.add(task);
  }
}

export function createAuditor(options: AuditOptions = {}): Auditor {
  const state = createState(options);
  const pending = new Set<Promise<Finding[]>>();
  const decoded = new Set<string>();
  return {
    observeResponse(obs) {
      const added = auditResponse(state, obs);
      scheduleDecoding(state, pending, decoded);
      return added;
    },
    observeRequest: (obs) => auditRequest(state, obs),
    observeScriptWrite: (obs) => auditScriptWrite(state, obs),
    observeScriptRead: (obs) => auditScriptRead(state, obs),
    observeLogin: (obs) => auditLogin(state, obs),
    observeLogout: (obs) => auditLogout(state, obs),
    async settle() {
      const added: Finding[] = [];
      while (pending.size) for (const list of await Promise.all([...pending])) added.push(...list);
      return added;
    },
    findings: () => applyNoiseControl([...state.findings.values()], options.config),
    takeNew: () => state.fresh.splice(0),
    subscribe(listener) {
      state.listeners.add(listener);
      return () => state.listeners.delete(listener);
    },
  };
}
