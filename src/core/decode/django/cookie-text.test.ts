import { describe, expect, it } from 'vitest';
import { unquoteCookieValue } from './cookie-text.ts';

describe('unquoteCookieValue', () => {
  it('undoes http.cookies quoting', () => {
    expect(unquoteCookieValue('"sort=price&dir=asc:1xXqv6:sig"')).toEqual({ text: 'sort=price&dir=asc:1xXqv6:sig', quoted: true });
    expect(unquoteCookieValue('"a\\"b\\\\c\\054d"').text).toBe('a"b\\c,d');
    // Python writes code points up to 255 as octal, e.g. "é" as \351
    expect(unquoteCookieValue('"caf\\351 \\073"').text).toBe('café ;');
  });

  it('leaves bare values alone', () => {
    expect(unquoteCookieValue('abc:def')).toEqual({ text: 'abc:def', quoted: false });
    expect(unquoteCookieValue('"')).toEqual({ text: '"', quoted: false });
  });
});
