import { describe, expect, it } from 'vitest';
import type { DecodeResult } from '../core/decode/types.ts';
import { renderTree } from './decode-tree.ts';

const base: DecodeResult = { format: 'jwt', payload: { sub: '42' }, signature: 'valid', compressed: false, timestamp: 1700000000, expired: false, expiresAt: 1700003600, reasons: ['compact JWS'] };

describe('renderTree', () => {
  it('shows the JWT header and the Rails purpose next to the signature', () => {
    const jwt = renderTree({ ...base, kind: 'jwt', header: { alg: 'RS256', kid: 'k2' }, secretIndex: 1, matched: { algorithm: 'RS256' } }).split('\n');
    expect(jwt.slice(0, 3)).toEqual(['format     jwt (jwt)', 'signature  valid (secret #1, algorithm "RS256")', 'header     {"alg":"RS256","kid":"k2"}']);
    const rails = renderTree({ ...base, format: 'rails', kind: 'signed-cookie', payload: 'yes', envelope: { exp: null, pur: 'cookie.remember' } });
    expect(rails).toContain('\npurpose    cookie.remember\n');
  });

  it('prints rows only for what the result has', () => {
    const tree = renderTree({ format: 'unknown', payload: 'abc', signature: 'not-applicable', compressed: null, timestamp: null, expired: null, envelope: null, reasons: [] });
    expect(tree).toBe('format     unknown\nsignature  not-applicable\npayload\n  "abc"\n');
  });
});
