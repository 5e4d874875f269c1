import { describe, expect, it } from 'vitest';
import { decodePhpSessionFile } from './php-session-file.ts';
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
