import { describe, expect, it } from 'vitest';
import type { PanelCookie } from '../model/types.ts';
import type { RawEvent } from '../store/initial-state.ts';
import { prioritiesFromHeaders, priorityOf } from './cookie-priority.ts';

let seq = 0;
const header = (name: string, text: string, url = 'https://shop.example/login'): RawEvent =>
  ({ kind: 'set-cookie', seq: ++seq, time: 0, tabId: 1, url, method: 'GET', status: 200, frameId: 0, header: text, name });
const cookie = (name: string, domain: string) => ({ name, domain, priority: null }) as unknown as PanelCookie;

describe('cookie priority from Set-Cookie headers', () => {
  const raw = [
    header('sid', 'sid=1; Path=/; Priority=High'),
    header('pref', 'pref=1; Domain=.example; priority=low; Secure'),
    header('plain', 'plain=1; Path=/'),
    header('sid', 'sid=2; Path=/; Priority=Low', 'https://other.example/'),
    header('late', 'late=1; Priority=High'),
    header('late', 'late=2; Path=/'),
  ];

  it('takes the attribute of the last header for the name and domain, Medium when Chromium saw none', () => {
    const map = prioritiesFromHeaders(raw, true);
    expect(priorityOf(cookie('sid', 'shop.example'), map)).toBe('High');
    expect(priorityOf(cookie('sid', 'other.example'), map)).toBe('Low');
    expect(priorityOf(cookie('pref', '.example'), map)).toBe('Low');
    expect(priorityOf(cookie('plain', 'shop.example'), map)).toBe('Medium');
    expect(priorityOf(cookie('late', 'shop.example'), map)).toBe('Medium');
    expect(priorityOf(cookie('never', 'shop.example'), map)).toBeNull();
  });

  it('without browser priorities (Firefox) shows only what the server sent', () => {
    const map = prioritiesFromHeaders([...raw], false);
    expect(priorityOf(cookie('sid', 'shop.example'), map)).toBe('High');
    expect(priorityOf(cookie('plain', 'shop.example'), map)).toBeNull();
    expect(priorityOf(cookie('late', 'shop.example'), map)).toBeNull();
  });
});
