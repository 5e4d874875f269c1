import { describe, expect, it } from 'vitest';
import { isJsonObject, parseJson, percentDecode, stripQuotes, textEqual } from './cookie-text.ts';

describe('cookie-text helpers', () => {
  it('percent-decodes, leaving + alone and reporting malformed escapes as null', () => {
    expect(percentDecode('s%3Aab%2Bc+d')).toBe('s:ab+c+d');
    expect(percentDecode('plain')).toBe('plain');
    expect(percentDecode('%E0%A4%A')).toBeNull();
  });

  it('strips exactly one pair of surrounding quotes', () => {
    expect(stripQuotes('"a"')).toBe('a');
    expect(stripQuotes('""a""')).toBe('"a"');
    expect(stripQuotes('"a')).toBe('"a');
  });

  it('parses JSON without throwing and tells objects from arrays', () => {
    expect(parseJson('{"a":1}')).toEqual({ a: 1 });
    expect(parseJson('{')).toBeUndefined();
    expect(isJsonObject({})).toBe(true);
    expect(isJsonObject([])).toBe(false);
    expect(isJsonObject(null)).toBe(false);
  });

  it('compares text by its UTF-8 bytes', () => {
    expect(textEqual('sig', 'sig')).toBe(true);
    expect(textEqual('sig', 'sih')).toBe(false);
    expect(textEqual('é', 'e')).toBe(false);
  });
});
