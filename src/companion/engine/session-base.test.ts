import { describe, expect, it } from 'vitest';
import { openSession } from '../backends/index.ts';
import { makeTestContext } from './testing.ts';
import { randomSessionKey, VALID_KEY_CHARS } from './session-base.ts';
import { KeyError, ServerError } from './errors.ts';
import { PyDateTime, PyFloat } from '../py/value.ts';

describe('SessionBase API (Django 3.2 semantics)', () => {
  it('generates 32-char [a-z0-9] keys and drops keys shorter than 8 characters', () => {
    const k = randomSessionKey();
    expect(k).toMatch(/^[a-z0-9]{32}$/);
    expect([...k].every((c) => VALID_KEY_CHARS.includes(c))).toBe(true);
    const ctx = makeTestContext('db');
    expect(openSession(ctx, 'short').sessionKey).toBeNull();
    expect(openSession(ctx, '').sessionKey).toBeNull();
    expect(openSession(ctx, '12345678').sessionKey).toBe('12345678');
  });

  it('tracks accessed/modified like Django: update({}) modifies, missing pop/del do not', async () => {
    const s = openSession(makeTestContext('db'), null);
    expect(s.accessed).toBe(false);
    await s.get('x');
    expect([s.accessed, s.modified]).toEqual([true, false]);
    await s.pop('x', null);
    await expect(s.deleteItem('x')).rejects.toBeInstanceOf(KeyError);
    await expect(s.pop('x')).rejects.toBeInstanceOf(KeyError);
    expect(s.modified).toBe(false);
    expect(await s.setdefault('a', 1)).toBe(1);
    expect(s.modified).toBe(true);
    const t = openSession(makeTestContext('db'), null);
    await t.update(new Map());
    expect(t.modified).toBe(true);
  });

  it('is_empty: no key and no data; a keyed session with {} is not empty', async () => {
    const ctx = makeTestContext('db');
    const s = openSession(ctx, null);
    expect(s.isEmpty()).toBe(true);
    await s.setItem('a', 1);
    expect(s.isEmpty()).toBe(false);
    await s.save();
    const again = openSession(ctx, s.sessionKey);
    again.clear();
    expect(again.isEmpty()).toBe(false);
    await again.flush();
    expect(again.isEmpty()).toBe(true);
    expect(ctx.events.map((e) => e.type)).toEqual(['created', 'deleted', 'flushed']);
  });

  it('cycle_key persists the data under a new key at once and deletes the old record', async () => {
    const ctx = makeTestContext('db');
    const s = openSession(ctx, null);
    await s.setItem('cart', [1, 2]);
    await s.save();
    const old = s.sessionKey!;
    const live = openSession(ctx, old);
    await live.cycleKey();
    expect(live.sessionKey).not.toBe(old);
    expect(await ctx.sql!.get(old)).toBeNull();
    expect((await ctx.sql!.get(live.sessionKey!))?.session_data).toMatch(/:/);
    expect(ctx.events.at(-1)).toMatchObject({ type: 'cycled', key: live.sessionKey, previousKey: old });
  });

  it('expiry getters: 0 = browser close with SESSION_COOKIE_AGE storage, floats and negatives kept', async () => {
    const s = openSession(makeTestContext('db'), null);
    await s.setExpiry(0);
    expect(await s.getExpireAtBrowserClose()).toBe(true);
    expect(await s.getExpiryAge()).toBe(1209600);
    await s.setExpiry(new PyFloat(90.5));
    expect(await s.getExpiryAge()).toEqual(new PyFloat(90.5));
    await s.setExpiry(-10);
    expect(await s.getExpiryAge()).toBe(-10);
    await s.setExpiry({ timedeltaSeconds: 3600 });
    const age = await s.getExpiryAge();
    expect(age === 3599 || age === 3600).toBe(true);
    const fresh = openSession(makeTestContext('db'), null);
    await fresh.setExpiry(null);
    expect([fresh.accessed, fresh.modified]).toEqual([true, false]);
  });

  it('3.2 cannot JSON-serialize a datetime expiry; 4.2 stores it as an ISO string', async () => {
    const old = openSession(makeTestContext('db'), null);
    await old.setExpiry({ timedeltaSeconds: 60 });
    expect((await old.get('_session_expiry')) instanceof PyDateTime).toBe(true);
    await expect(old.save()).rejects.toBeInstanceOf(ServerError);
    const ctx42 = makeTestContext('db', { django: '4.2' });
    const s = openSession(ctx42, null);
    await s.setExpiry({ timedeltaSeconds: 60 });
    expect(typeof (await s.get('_session_expiry'))).toBe('string');
    await s.save();
    const age = await openSession(ctx42, s.sessionKey).getExpiryAge();
    expect(age === 59 || age === 60).toBe(true);
  });

  it('db: unknown and expired keys load as {} and reset the key; corrupt data loads as {} and keeps it', async () => {
    const ctx = makeTestContext('db');
    const unknown = openSession(ctx, '0123456789abcdefghijklmnopqrstuv');
    expect((await unknown.items()).length).toBe(0);
    expect(unknown.sessionKey).toBeNull();
    const s = openSession(ctx, null);
    await s.setItem('a', 1);
    await s.save();
    await ctx.sql!.setData(s.sessionKey!, 'garbage');
    const corrupt = openSession(ctx, s.sessionKey);
    expect(await corrupt.items()).toEqual([]);
    expect(corrupt.sessionKey).toBe(s.sessionKey);
    expect(ctx.warnings).toEqual(['django.security.SuspiciousSession: Session data corrupted']);
    ctx.clock.shift(1209601);
    const expired = openSession(ctx, s.sessionKey);
    await expired.items();
    expect(expired.sessionKey).toBeNull();
    expect(ctx.events.at(-1)).toMatchObject({ type: 'expired', key: s.sessionKey });
  });
});
