import { describe, expect, it } from 'vitest';
import { readBootOptions } from './boot-options.ts';
import { resolveTheme } from './theme.ts';
import { companionCandidates } from '../store/server-actions.ts';

const q = (s: string) => new URLSearchParams(s);

describe('boot options', () => {
  it('prefers the inspected tab, then ?tabId, and demo mode falls back to tab 1', () => {
    expect(readBootOptions(q('tabId=9'), 4)).toEqual({ tabId: 4, mock: false });
    expect(readBootOptions(q('tabId=9'), null)).toEqual({ tabId: 9, mock: false });
    expect(readBootOptions(q('tabId=nine'), null)).toEqual({ tabId: null, mock: false });
    expect(readBootOptions(q('mock=1'), null)).toEqual({ tabId: 1, mock: true });
  });

  it('follows DevTools, then the OS, unless ?theme forces one', () => {
    expect(resolveTheme({ query: q(''), devtoolsTheme: 'dark', prefersDark: false })).toBe('dark');
    expect(resolveTheme({ query: q(''), devtoolsTheme: 'default', prefersDark: true })).toBe('light');
    expect(resolveTheme({ query: q(''), devtoolsTheme: null, prefersDark: true })).toBe('dark');
    expect(resolveTheme({ query: q('theme=light'), devtoolsTheme: 'dark', prefersDark: true })).toBe('light');
  });

  it('tries the configured companion, then the inspected page when it is a loopback site', () => {
    expect(companionCandidates('http://localhost:8765/', 'http://db.localhost:9000/demo/')).toEqual(['http://localhost:8765', 'http://db.localhost:9000']);
    expect(companionCandidates('http://localhost:8765', 'https://example.com/')).toEqual(['http://localhost:8765']);
    expect(companionCandidates('http://localhost:8765', null)).toEqual(['http://localhost:8765']);
  });
});
