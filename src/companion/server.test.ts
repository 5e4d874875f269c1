import { describe, expect, it } from 'vitest';
import { requestTarget } from './server.ts';

describe('requestTarget', () => {
  it('gives the WHATWG URL parser\'s path and query for every request target, plain or not', () => {
    const targets = [
      '/', '/session/set', '/store/abc123/corrupt', '/demo/', '/__sessionscope/v1/sessions', '/a-b_c~d/E9',
      '/session/get?key=a&key=b', '/a/../b', '/a/./b', '/./', '//evil.example/x', '/%2e%2e/x', '/a%20b', '/a b',
      '/é', '/a\\b', '/a#frag', '/a?', '/a//b', '/session/set/', '/.', '/..', '/a/b/..',
    ];
    for (const t of targets) {
      const url = new URL(t, 'http://x');
      const got = requestTarget(t);
      expect(got.path, t).toBe(url.pathname);
      expect([...got.query], t).toEqual([...url.searchParams]);
    }
  });
});
