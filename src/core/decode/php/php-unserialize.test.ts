import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../../util/bytes.ts';
import { phpUnserialize } from './php-unserialize.ts';

const un = (text: string) => phpUnserialize(utf8Encode(text));

describe('phpUnserialize', () => {
  it.each([
    ['N;', null], ['b:1;', true], ['b:0;', false], ['i:-7;', -7], ['d:0.1;', 0.1], ['d:1.5E-7;', 1.5e-7], ['d:-0;', -0],
    ['s:0:"";', ''], ['s:7:"a"b;c|d";', 'a"b;c|d'], ['s:5:"Zoë";'.replace('5', '4'), 'Zoë'], ['d:INF;', 'INF'], ['d:NAN;', 'NAN'],
  ])('%s', (text, value) => {
    expect(un(text)).toEqual({ ok: true, value });
  });

  it('counts string lengths in UTF-8 bytes, not characters', () => {
    expect(un('s:15:"こんにちは";')).toEqual({ ok: true, value: 'こんにちは' });
    expect(un('s:5:"こんにちは";').ok).toBe(false);
  });

  it('turns 0..n-1 arrays into lists and everything else into objects, like json_encode', () => {
    expect(un('a:2:{i:0;s:1:"a";i:1;s:1:"b";}')).toEqual({ ok: true, value: ['a', 'b'] });
    expect(un('a:2:{i:1;s:1:"a";i:0;s:1:"b";}')).toEqual({ ok: true, value: { 1: 'a', 0: 'b' } });
    expect(un('a:2:{i:10;s:3:"ten";s:1:"x";s:1:"y";}')).toEqual({ ok: true, value: { 10: 'ten', x: 'y' } });
    expect(un('a:0:{}')).toEqual({ ok: true, value: [] });
  });

  it('shows objects as their public properties (private/protected names are \\0-mangled)', () => {
    const text = 'O:7:"Account":3:{s:4:"name";s:1:"a";s:7:"\0*\0hash";s:1:"x";s:13:"\0Account\0salt";s:1:"y";}';
    expect(un(text)).toEqual({ ok: true, value: { name: 'a' } });
  });

  it('resolves R: and r: references against the var table', () => {
    expect(un('a:3:{i:0;a:1:{i:0;i:5;}i:1;R:2;i:2;r:3;}')).toEqual({ ok: true, value: [[5], [5], 5] });
    expect(un('a:1:{i:0;R:1;}')).toEqual({ ok: true, value: ['*RECURSION*'] });
    expect(un('a:1:{i:0;R:9;}')).toMatchObject({ ok: false, error: expect.stringMatching(/points nowhere/) });
  });

  it('keeps enums and Serializable objects readable', () => {
    expect(un('E:11:"Suit:Hearts";')).toEqual({ ok: true, value: 'Suit:Hearts' });
    expect(un('C:3:"Foo":5:{a}b;c}')).toEqual({ ok: true, value: { __class: 'Foo', serialized: 'a}b;c' } });
  });

  it.each(['', 'x', 'i:1', 'i:1;junk', 's:99:"short";', 'a:2:{i:0;i:1;}', 'b:2;', 'd:abc;', 'O:1:"A":1:{i:0;}', 'a:1:{d:1.5;i:0;}'])('rejects %j with an error', (text) => {
    expect(un(text)).toMatchObject({ ok: false, error: expect.any(String) });
  });

  it('refuses pathological nesting quickly', () => {
    expect(un('a:1:{i:0;'.repeat(5000))).toMatchObject({ ok: false, error: expect.stringMatching(/too deep/) });
  });
});
