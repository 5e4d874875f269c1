import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodePhpSessionFile, mayBePhpSessionFile } from './php-session-file.ts';
import { parsePhpSessionId } from './php-session-id.ts';

const binary = (pairs: [string, string][]): Uint8Array =>
  new Uint8Array(pairs.flatMap(([k, v]) => [k.length, ...new TextEncoder().encode(k), ...new TextEncoder().encode(v)]));

describe('decodePhpSessionFile', () => {
  it('detects each handler', () => {
    expect(decodePhpSessionFile('a|i:1;b|s:2:"|;";')).toEqual({ ok: true, handler: 'php', data: { a: 1, b: '|;' } });
    expect(decodePhpSessionFile('a:1:{s:1:"a";i:1;}')).toEqual({ ok: true, handler: 'php_serialize', data: { a: 1 } });
    expect(decodePhpSessionFile(binary([['user_id', 'i:42;'], ['n', 'N;']]))).toEqual({ ok: true, handler: 'php_binary', data: { user_id: 42, n: null } });
  });

  it('shares one var table across php-handler keys, as session_decode does', () => {
    expect(decodePhpSessionFile('a|a:1:{i:0;i:7;}b|R:1;')).toEqual({ ok: true, handler: 'php', data: { a: [7], b: [7] } });
  });

  it('shows an empty session as {}', () => {
    expect(decodePhpSessionFile('')).toEqual({ ok: true, handler: 'php', data: {} });
    expect(decodePhpSessionFile('a:0:{}', 'php_serialize')).toEqual({ ok: true, handler: 'php_serialize', data: {} });
  });

  it('honours an explicit handler and explains failures', () => {
    expect(decodePhpSessionFile('a|i:1;', 'php_serialize')).toMatchObject({ ok: false, error: expect.stringMatching(/^php_serialize handler/) });
    expect(decodePhpSessionFile('garbage')).toMatchObject({ ok: false, error: expect.stringMatching(/not a PHP session file/) });
    expect(decodePhpSessionFile('x', 'wddx' as never)).toMatchObject({ ok: false, error: expect.stringMatching(/unknown serialize_handler/) });
  });
});

describe('parsePhpSessionId', () => {
  it.each([
    ['88ff65c5b097628c89dd5b209cecea4a', 4], ['dtrirtbe5epra9bg8ntel8oeib', 5], ['Bbz%2C69iwmsXJ-e7WI8cOLVfPrR8PkscJHsN6QCIx', 6],
  ])('%s uses %i bits per character', (value, bits) => {
    expect(parsePhpSessionId(value)?.bitsPerCharacter).toBe(bits);
  });

  it.each(['short', 'a'.repeat(21), 'a'.repeat(257), 'has space in the id value!', 'abc%zz'.repeat(5)])('rejects %j', (value) => {
    expect(parsePhpSessionId(value)).toBeNull();
  });
});

describe('mayBePhpSessionFile (detection pre-check)', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  const serialized: fc.Arbitrary<string> = fc.letrec<{ v: string }>((tie) => ({
    v: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constant('N;'), fc.boolean().map((b) => `b:${Number(b)};`), fc.integer().map((i) => `i:${i};`),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => `d:${d};`),
      fc.string().map((s) => `s:${enc(s).length}:"${s}";`), fc.constant('r:1;'), fc.constant('R:1;'),
      fc.array(tie('v'), { maxLength: 3 }).map((vs) => `a:${vs.length}:{${vs.map((v, i) => `i:${i};${v}`).join('')}}`),
      fc.array(tie('v'), { maxLength: 2 }).map((vs) => `O:8:"stdClass":${vs.length}:{${vs.map((v, i) => `s:1:"${'pq'[i]}";${v}`).join('')}}`),
    ),
  })).v;
  const key = fc.stringMatching(/^[a-z_]{1,12}$/);

  it('never rejects what decodePhpSessionFile accepts', () => {
    const files = fc.oneof(
      fc.array(fc.tuple(key, serialized), { maxLength: 3 }).map((kv) => enc(kv.map(([k, v]) => `${k}|${v}`).join(''))),
      fc.array(fc.tuple(key, serialized), { maxLength: 3 }).map((kv) => binary(kv)),
      fc.array(serialized, { maxLength: 3 }).map((vs) => enc(`a:${vs.length}:{${vs.map((v, i) => `i:${i};${v}`).join('')}}`)),
      fc.string({ unit: 'binary', maxLength: 40 }).map(enc),
      fc.uint8Array({ maxLength: 40 }),
    );
    fc.assert(fc.property(files, (bytes) => {
      if (decodePhpSessionFile(bytes).ok) expect(mayBePhpSessionFile(bytes)).toBe(true);
    }), { numRuns: 3000 });
  });

  it('rejects signed cookies of other frameworks without parsing them', () => {
    for (const value of ['eyJhIjoxfQ:1t0Zq3:5b3Yf1L0Yv2y8z4n7Q0sW1k9JdQ8yV6bXcR2uA3mPoE', '.eJyrVkrKTFeyUqoYBUQDpVoAjt6PjQ:1t0Zq3:x', 'a.b.c']) {
      expect(mayBePhpSessionFile(enc(value))).toBe(false);
    }
    expect(mayBePhpSessionFile(enc('a|i:1;'))).toBe(true);
  });
});
