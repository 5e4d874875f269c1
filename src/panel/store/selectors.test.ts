import { describe, expect, it } from 'vitest';
import { normalizeCookie } from '../model/normalize.ts';
import type { PanelCookie, PanelFinding } from '../model/types.ts';
import { createInitialState, type PanelState } from './initial-state.ts';
import { groupFindings, selectVisibleCookies } from './selectors.ts';

const c = (name: string, extra: Record<string, unknown> = {}) => normalizeCookie({ name, value: `v-${name}`, domain: 'a.test', ...extra }) as PanelCookie;
const f = (name: string, severity: PanelFinding['severity'], rule = 'r'): PanelFinding => ({ rule, severity, cookie: { name, domain: 'a.test', path: '/' }, message: '' });

function stateWith(cookies: PanelCookie[], findings: PanelFinding[] = [], ui: Partial<PanelState['ui']> = {}): PanelState {
  const s = createInitialState(1);
  return { ...s, cookies: { list: cookies }, findings: { list: findings }, ui: { ...s.ui, ...ui } };
}

describe('selectVisibleCookies', () => {
  const cookies = [c('b', { secure: true, sameSite: 'strict' }), c('a', { httpOnly: true }), c('sessionid', { value: 'x'.repeat(32) }), c('c', { expirationDate: 5 })];

  it('sorts by name by default and by a column in either direction, ties by name', () => {
    expect(selectVisibleCookies(stateWith(cookies)).map((x) => x.name)).toEqual(['a', 'b', 'c', 'sessionid']);
    const bySecure = stateWith(cookies, [], { sort: { column: 'secure', dir: 'desc' } });
    expect(selectVisibleCookies(bySecure).map((x) => x.name)).toEqual(['b', 'a', 'c', 'sessionid']);
    const byExpiry = stateWith(cookies, [], { sort: { column: 'expires', dir: 'asc' } });
    expect(selectVisibleCookies(byExpiry)[0].name).toBe('c');
  });

  it('combines text, attribute and findings filters', () => {
    const base = stateWith(cookies, [f('b', 'low')]);
    const filtered = (patch: Partial<PanelState['ui']['filter']>) =>
      selectVisibleCookies({ ...base, ui: { ...base.ui, filter: { ...base.ui.filter, ...patch } } }).map((x) => x.name);
    expect(filtered({ text: 'V-B' })).toEqual(['b']);
    expect(filtered({ text: 'SESSION' })).toEqual(['sessionid']);
    expect(filtered({ secure: true })).toEqual(['b']);
    expect(filtered({ sameSite: 'strict' })).toEqual(['b']);
    expect(filtered({ hasFindings: true })).toEqual(['b']);
    expect(filtered({ sessionOnly: true })).toEqual(['sessionid']);
    expect(filtered({ httpOnly: true, secure: true })).toEqual([]);
  });

  it('returns the same array while its inputs are unchanged (no needless re-render)', () => {
    const s = stateWith(cookies);
    expect(selectVisibleCookies(s)).toBe(selectVisibleCookies({ ...s, timeline: { raw: [], dropped: 3 } }));
  });
});

describe('groupFindings', () => {
  it('groups worst first and drops empty severities', () => {
    const groups = groupFindings([f('a', 'info'), f('b', 'error'), f('c', 'info'), f('d', 'medium')]);
    expect(groups.map((g) => [g.severity, g.findings.length])).toEqual([['error', 1], ['medium', 1], ['info', 2]]);
  });
});
