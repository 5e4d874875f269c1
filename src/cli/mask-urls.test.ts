import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/audit/types.ts';
import { maskFindingUrls, sessionValuesOf } from './mask-urls.ts';

const SID = 'Zk3q9XwL0pT7vB2nR5yJ8aC4mD6hF1eG';
const finding = (url: string): Finding => ({
  rule: 'samesite-missing', severity: 'info', cookie: { name: 'theme', domain: 'a.example', path: '/' }, url,
  message: 'm', evidence: 'e', fix: 'f', session: { is: false, reason: 'r' },
});

describe('session values in finding URLs', () => {
  it('collects session cookie values from Cookie and Set-Cookie headers, not other cookies', () => {
    const values = sessionValuesOf([
      { request: { url: 'https://a.example/', cookieHeader: `sessionid=${SID}; theme=darkdarkdark` } },
      { request: { url: 'https://a.example/' }, response: { status: 200, setCookieHeaders: ['connect.sid=s%3Aabc.def; Path=/', 'x=1'] } },
    ]);
    expect(values).toEqual([SID, 's%3Aabc.def']);
  });

  it('masks raw and percent-encoded occurrences and leaves other findings untouched', () => {
    const plain = finding('https://a.example/p');
    const [masked, encoded, same] = maskFindingUrls([finding(`https://a.example/p?sid=${SID}`), finding('https://a.example/?c=s%253Aabc.def'), plain], [SID, 's%3Aabc.def']);
    expect(masked.url).toBe('https://a.example/p?sid=Zk3q…(32 chars)');
    expect(encoded.url).toBe('https://a.example/?c=s%25…(13 chars)');
    expect(same).toBe(plain);
  });
});
