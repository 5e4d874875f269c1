import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { encodeMessagesCookie, FlashStore, formatMessagesCookie, readMessagesCookie } from './messages.ts';

const SECRET = 'demo-secret';
const COOKIE = { domain: null, secure: false, httponly: true, samesite: 'Lax' };

// Real Django decodes our cookie, so the format is proven rather than assumed.
function djangoReads(value: string): unknown {
  const code = `
import json, sys
from django.conf import settings
settings.configure(SECRET_KEY=${JSON.stringify(SECRET)}, INSTALLED_APPS=['django.contrib.messages'])
import django; django.setup()
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpRequest
r = HttpRequest(); r.COOKIES['messages'] = sys.argv[1]
print(json.dumps([[m.level, m.message] for m in CookieStorage(r)]))`;
  const out = spawnSync('/usr/bin/python3', ['-c', code, value], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout);
}

describe('messages cookie (CookieStorage)', () => {
  it('is read by real Django and reads back', async () => {
    const value = await encodeMessagesCookie([{ level: 'success', text: 'Welcome back, café ☃' }, { level: 'error', text: 'x' }], SECRET);
    expect(djangoReads(value)).toEqual([[25, 'Welcome back, café ☃'], [40, 'x']]);
    expect(await readMessagesCookie(value, SECRET)).toEqual([{ level: 'success', text: 'Welcome back, café ☃' }, { level: 'error', text: 'x' }]);
  });

  it('ignores a tampered or foreign cookie', async () => {
    const value = await encodeMessagesCookie([{ level: 'info', text: 'hi' }], 'other-secret');
    expect(await readMessagesCookie(value, SECRET)).toEqual([]);
    expect(await readMessagesCookie('garbage', SECRET)).toEqual([]);
  });

  it('stays under 2048 bytes by dropping the oldest messages', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ level: 'info' as const, text: `message ${i} ${'é'.repeat(i % 7)} ${Math.random()}` }));
    const value = await encodeMessagesCookie(many, SECRET);
    expect(value.length).toBeLessThanOrEqual(2048);
    const read = await readMessagesCookie(value, SECRET);
    expect(read.length).toBeGreaterThan(0);
    expect(read.at(-1)!.text).toBe(many.at(-1)!.text);
  });

  it('consumes shown messages and deletes the cookie like Django', async () => {
    const shown = new FlashStore([{ level: 'info', text: 'old' }], true, SECRET);
    expect(shown.consume()).toHaveLength(1);
    expect(await shown.setCookieHeader(COOKIE)).toBe('messages=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax');
    const untouched = new FlashStore([], false, SECRET);
    expect(await untouched.setCookieHeader(COOKIE)).toBeNull();
    const added = new FlashStore([], false, SECRET);
    added.add('success', 'Saved');
    expect(await added.setCookieHeader(COOKIE)).toMatch(/^messages=[\w.-]+:\w+:[\w-]{43}; HttpOnly; Path=\/; SameSite=Lax$/);
    expect(formatMessagesCookie('v', { domain: '.x.localhost', secure: true, httponly: false, samesite: null })).toBe('messages=v; Domain=.x.localhost; Path=/; Secure');
  });
});
