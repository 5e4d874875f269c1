import { describe, expect, it } from 'vitest';
import { withExtraHeaders } from './chrome-extra-headers.ts';
import { splitSetCookieValues } from './firefox-joined-set-cookie.ts';
import { getAllIncludingPartitioned } from './partitioned-get-all.ts';

describe('chrome-extra-headers', () => {
  it("adds 'extraHeaders' only where the browser advertises it", () => {
    const chrome = { OnHeadersReceivedOptions: { EXTRA_HEADERS: 'extraHeaders' }, OnBeforeSendHeadersOptions: { EXTRA_HEADERS: 'extraHeaders' } };
    expect(withExtraHeaders(['responseHeaders'], chrome, 'response')).toEqual(['responseHeaders', 'extraHeaders']);
    expect(withExtraHeaders(['requestHeaders'], chrome, 'request')).toEqual(['requestHeaders', 'extraHeaders']);
    expect(withExtraHeaders(['responseHeaders'], {}, 'response')).toEqual(['responseHeaders']);
  });
});

describe('firefox-joined-set-cookie', () => {
  it('splits the joined form and keeps the separate form', () => {
    expect(splitSetCookieValues(['a=1; Path=/\nb=2; Secure\r\nc=3'])).toEqual(['a=1; Path=/', 'b=2; Secure', 'c=3']);
    expect(splitSetCookieValues(['a=1; Expires=Wed, 21 Oct 2037 07:28:00 GMT', 'b=2'])).toEqual(['a=1; Expires=Wed, 21 Oct 2037 07:28:00 GMT', 'b=2']);
    expect(splitSetCookieValues(['', '\n'])).toEqual([]);
  });
});

describe('partitioned-get-all', () => {
  it('asks for partitioned cookies and falls back when the field is unknown', async () => {
    const seen: unknown[] = [];
    const modern = async (d: Record<string, unknown>) => { seen.push(d); return [1]; };
    expect(await getAllIncludingPartitioned(modern, { domain: 'a.test' })).toEqual([1]);
    expect(seen).toEqual([{ domain: 'a.test', partitionKey: {} }]);
    const old = async (d: Record<string, unknown>) => {
      if ('partitionKey' in d) throw new Error('Unexpected property "partitionKey"');
      return [2];
    };
    expect(await getAllIncludingPartitioned(old, {})).toEqual([2]);
    await expect(getAllIncludingPartitioned(async () => { throw new Error('boom'); }, {})).rejects.toThrow('boom');
  });
});
