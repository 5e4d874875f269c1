import { describe, expect, it } from 'vitest';
import { decodeGeneric } from './decoder.ts';

describe('decodeGeneric', () => {
  it('undoes percent-encoding and base64 down to JSON', async () => {
    const b64 = btoa(JSON.stringify({ cart: [1, 2], user: 'anne' })); // ends in '=', so percent-encoding changes it
    const result = await decodeGeneric({ value: encodeURIComponent(b64) });
    expect(result).toMatchObject({ format: 'unknown', payload: { cart: [1, 2], user: 'anne' }, signature: 'not-applicable' });
    expect(result.reasons).toEqual(['percent-encoded; decoded', 'base64 of UTF-8 text; decoded', 'the text is JSON']);
  });

  it('reads base64url text and plain JSON', async () => {
    expect((await decodeGeneric({ value: '{"a":true}' })).payload).toEqual({ a: true });
    const url = btoa('hello world, plain text?').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect((await decodeGeneric({ value: url })).payload).toBe('hello world, plain text?');
  });

  it('calls random ids opaque with a reason', async () => {
    const hex = await decodeGeneric({ value: '9f86d081884c7d659a2feaa0c55ad015' });
    expect(hex.payload).toBe('9f86d081884c7d659a2feaa0c55ad015');
    expect(hex.reasons.at(-1)).toMatch(/^opaque: 32 hex characters/);
    expect((await decodeGeneric({ value: '' })).reasons).toEqual(['opaque: the value is empty']);
    expect((await decodeGeneric({ value: '%E0%A4%A' })).reasons.at(-1)).toMatch(/^opaque/);
  });
});
