// An in-memory InspectTarget for route and security tests that do not need a real store.
import type { InspectTarget, SessionView, StoreChange } from '../../../src/companion/inspect/types.ts';

export function memoryTarget(engine: string, data: Record<string, unknown>, readOnly = false) {
  const listeners = new Set<(c: StoreChange) => void>();
  const faults: unknown[] = [];
  const target: InspectTarget & { emit(c: StoreChange): void; faults: unknown[]; listeners: Set<unknown> } = {
    site: { engine, host: '127.0.0.1', url: 'http://127.0.0.1', djangoVersion: '3.2', cookieName: 'sessionid', readOnly },
    async inspect(key): Promise<SessionView> {
      const found = key in data;
      return { engine, key, found, record: found ? { session_key: key } : null, decoded: (data[key] as never) ?? null, expiresAt: found ? 2e9 : null, expired: found ? false : null, location: 'memory' };
    },
    async list(limit) {
      const keys = Object.keys(data);
      return { engine, count: Math.min(limit, keys.length), truncated: keys.length > limit, sessions: keys.slice(0, limit).map((key) => ({ key, expiresAt: 2e9, expired: false, location: 'memory' })) };
    },
    async accepted(key) {
      return key in data ? { engine, key, accepted: true, reason: 'stored session is live' } : { engine, key, accepted: false, reason: 'no stored session with this key' };
    },
    async clearSessions() { return { removed: 0 }; },
    async fault(f) { faults.push(f); return { clockOffset: 0 }; },
    subscribe(l) { listeners.add(l); return () => { listeners.delete(l); }; },
    emit(c) { listeners.forEach((l) => l(c)); },
    faults, listeners,
  };
  return target;
}
