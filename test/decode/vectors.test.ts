import { describe, expect, it } from 'vitest';
import { decodeCookie } from '../../src/core/decode/index.ts';
import { bareInput, expected, hintedInput, loadVectors, type Vector } from './vectors.ts';

const pick = (r: { payload: unknown; signature: string; compressed: boolean | null; timestamp: number | null; expired: boolean | null }) =>
  ({ payload: r.payload, signature: r.signature, compressed: r.compressed, timestamp: r.timestamp, expired: r.expired });

// Django kinds whose salt is project-specific cannot be verified without it: they must decode, but not verify.
const CUSTOM_SALT = (v: Vector) => v.format === 'django' && !['signed_cookies-session', 'messages-cookie', 'db-session', 'file-session', 'cache-session'].includes(v.options.kind);

for (const framework of ['django', 'flask']) {
  describe(`${framework} vectors`, () => {
    for (const v of loadVectors(framework)) {
      it(`${v.id} with hints`, async () => {
        const result = await decodeCookie(hintedInput(v));
        expect(result.format).toBe(v.format);
        expect(pick(result)).toEqual(expected(v));
      });
      it(`${v.id} without hints`, async () => {
        const result = await decodeCookie(bareInput(v));
        expect(result.format).toBe(v.format);
        if (CUSTOM_SALT(v) && v.expect.signature === 'valid') {
          expect(pick(result)).toEqual({ ...expected(v), signature: 'invalid', expired: null });
          expect(result.reasons.join(' ')).toMatch(/another salt/);
        } else {
          expect(pick(result)).toEqual(expected(v));
        }
      });
    }
  });
}
