import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchChain } from './audit-fetch.ts';

const failWith = (code: string) => vi.fn(() => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code } })));

describe('fetchChain errors', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('tells how to trust a dev server certificate', async () => {
    vi.stubGlobal('fetch', failWith('DEPTH_ZERO_SELF_SIGNED_CERT'));
    await expect(fetchChain('https://dev.example.test/', [])).rejects.toThrow(
      'cannot fetch https://dev.example.test/: DEPTH_ZERO_SELF_SIGNED_CERT (certificate not trusted; to audit a dev server, run with NODE_EXTRA_CA_CERTS=its-ca.pem)');
  });

  it('reports other network failures by their code alone', async () => {
    vi.stubGlobal('fetch', failWith('ECONNREFUSED'));
    await expect(fetchChain('http://127.0.0.1:9/', [])).rejects.toThrow(/^cannot fetch http:\/\/127\.0\.0\.1:9\/: ECONNREFUSED$/);
  });
});
