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
  /** With `deferDecoding`: runs the decoding rules of up to `max` queued cookies; resolves with their findings. */
  decodeSome(max: number): Promise<Finding[]>;
  /** Cookies whose decoding rules are queued and not yet started. */
  readonly decodeBacklog: number;
  /** Every finding so far, after noise control. A re-classified cookie's findings are replaced by key. */
  findings(): Finding[];
  /** Findings added since the last call (for incremental UIs). */
  takeNew(): Finding[];
  /** Called with each batch of added findings, including deferred ones; returns an unsubscribe function. */
  subscribe(listener: (added: Finding[]) => void): () => void;
}

/** Context keys whose current value still needs the decoding rules, oldest first, each once. */
class DecodeQueue {
  private keys = new Set<string>();
  /** (key, value) pairs already decoded: a long session re-setting the same value costs nothing */
  private seen = new Set<string>();

  constructor(private state: AuditState) {}

  get size(): number { return this.keys.size; }

  enqueue(): void {
    for (const key of this.state.toDecode.splice(0)) if (this.state.options.decode) this.keys.add(key);
  }

  /** Starts the decoding rules for up to `max` queued cookies. */
  start(max: number, pending: Set<Promise<Finding[]>>): Promise<Finding[]>[] {
    const started: Promise<Finding[]>[] = [];
    for (const key of this.keys) {
      if (started.length >= max) break;
      this.keys.delete(key);
      const tracked = this.state.contexts.get(key);
      if (!tracked) continue;
      const id = `${key}\u0000${tracked.ctx.cookie.value}`;
      if (this.seen.has(id)) continue;
      if (this.seen.size > 5000) this.seen.clear(); // re-decoding an old value is only wasted work
      this.seen.add(id);
      const task = auditDecoded(this.state, tracked).finally(() => pending.delete(task));
      pending.add(task);
      started.push(task);
    }
    return started;
  }
}

const flatten = (lists: Finding[][]): Finding[] => lists.flat();

export function createAuditor(options: AuditOptions = {}): Auditor {
  const state = createState(options);
  const pending = new Set<Promise<Finding[]>>();
  const queue = new DecodeQueue(state);
  return {
    observeResponse(obs) {
      const added = auditResponse(state, obs);
      queue.enqueue();
      if (!options.deferDecoding) queue.start(Infinity, pending);
      return added;
    },
    observeRequest: (obs) => auditRequest(state, obs),
    observeScriptWrite: (obs) => auditScriptWrite(state, obs),
    observeScriptRead: (obs) => auditScriptRead(state, obs),
    observeLogin: (obs) => auditLogin(state, obs),
    observeLogout: (obs) => auditLogout(state, obs),
    async settle() {
      const added: Finding[] = [];
      queue.start(Infinity, pending);
      while (pending.size) for (const list of await Promise.all([...pending])) added.push(...list);
      return added;
    },
    decodeSome: async (max) => flatten(await Promise.all(queue.start(max, pending))),
    get decodeBacklog() { return queue.size; },
    findings: () => applyNoiseControl([...state.findings.values()], options.config),
    takeNew: () => state.fresh.splice(0),
    subscribe(listener) {
      state.listeners.add(listener);
      return () => state.listeners.delete(listener);
    },
  };
}
