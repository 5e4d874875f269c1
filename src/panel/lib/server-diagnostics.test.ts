import { describe, expect, it } from 'vitest';
import type { PanelCookie, ServerRecord, TimelineEvent } from '../model/types.ts';
import { diagnoseFixation, diagnoseRecord, diagnoseRevocation, loggedOutKeys } from './server-diagnostics.ts';

const NOW = 1_800_000_000;
const cookie = (expires: number | null): PanelCookie => ({ name: 'sessionid', value: 'k1', domain: 'db.localhost', path: '/', expires,
  httpOnly: true, secure: false, sameSite: 'lax', partitionKey: null, priority: null, hostOnly: true, storeId: '0', thirdParty: false });
const record = (patch: Partial<ServerRecord>): ServerRecord => ({ host: 'db.localhost', key: 'k1', found: true, engine: 'db', data: {}, record: null,
  expiresAt: NOW + 1000, expired: false, location: null, fetchedAt: 0, ...patch });
const rules = (list: { rule: string }[]) => list.map((f) => f.rule);

describe('diagnoseRecord', () => {
  it('flags a live cookie without a record, and an expired record behind a live cookie', () => {
    expect(rules(diagnoseRecord(cookie(NOW + 1000), record({ found: false }), NOW))).toEqual(['no-server-record']);
    expect(rules(diagnoseRecord(cookie(null), record({ expired: true }), NOW))).toEqual(['record-expired']);
    expect(rules(diagnoseRecord(cookie(NOW - 5), record({ found: false }), NOW))).toEqual([]);
  });

  it('flags an expiry mismatch beyond clock skew only', () => {
    expect(rules(diagnoseRecord(cookie(NOW + 1060), record({}), NOW))).toEqual([]);
    const [f] = diagnoseRecord(cookie(NOW + 1000 + 86_400), record({}), NOW);
    expect(f.rule).toBe('expiry-mismatch');
    expect(f.message).toContain('86400 s');
  });
});

describe('lifecycle checks', () => {
  const rows: TimelineEvent[] = [
    { id: '1', at: 1, kind: 'set-http', name: 'sessionid', domain: 'db.localhost', path: '/', value: 'k1' },
    { id: '2', at: 2, kind: 'login', name: '', domain: '', path: '/', value: null },
  ];
  it('session-fixation: the authenticated record lives under the key held before login', () => {
    expect(diagnoseFixation(cookie(null), record({ data: { _auth_user_id: '1' } }), rows)?.rule).toBe('session-fixation');
    expect(diagnoseFixation(cookie(null), record({ data: { cart: [] } }), rows)).toBeNull();
    expect(diagnoseFixation(cookie(null), record({ data: { _auth_user_id: '1' } }), rows.slice(0, 1))).toBeNull();
    expect(diagnoseFixation(cookie(null), record({ key: 'k2', data: { _auth_user_id: '1' } }), rows)).toBeNull();
  });

  it('logout-not-revoked: only when the server still accepts a logged-out key', () => {
    const deleted: TimelineEvent[] = [{ id: '3', at: 3, kind: 'deleted', name: 'sessionid', domain: 'db.localhost', path: '/', value: null, previousValue: 'k1' }];
    expect(loggedOutKeys(deleted, 'sessionid')).toEqual(['k1']);
    expect(diagnoseRevocation(cookie(null), 'k1', true, 'signature valid and not expired')?.rule).toBe('logout-not-revoked');
    expect(diagnoseRevocation(cookie(null), 'k1', false, 'no stored session with this key')).toBeNull();
  });
});
