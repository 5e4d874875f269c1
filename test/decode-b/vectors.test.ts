import { describe, expect, it } from 'vitest';
import { expressSessionDecoder } from '../../src/core/decode/express/express-session.ts';
import { cookieSessionDecoder } from '../../src/core/decode/cookie-session/cookie-session.ts';
import { jwtDecoder } from '../../src/core/decode/jwt/jwt.ts';
import { railsDecoder } from '../../src/core/decode/rails/rails.ts';
import { phpDecoder } from '../../src/core/decode/php/php.ts';
import type { FormatDecoder } from '../../src/core/decode/express/decoder-kit.ts';
import { bareInput, expectedOf, hintedInput, loadVectors, pick } from './vector-input.ts';

const DECODERS: Record<string, FormatDecoder> = {
  'express-session': expressSessionDecoder, 'cookie-session': cookieSessionDecoder,
  jwt: jwtDecoder, rails: railsDecoder, php: phpDecoder,
};
const vectors = loadVectors('express', 'jwt', 'rails', 'php');

describe.each([['with hints', hintedInput], ['without hints', bareInput]] as const)('vectors %s', (_label, toInput) => {
  it.each(vectors.map((v) => [v.id, v] as const))('%s decodes as recorded', async (_id, v) => {
    const decoder = DECODERS[v.format];
    const input = toInput(v);
    expect(decoder.score(input)).toBeGreaterThan(0);
    const result = await decoder.decode(input);
    expect(result).not.toBeNull();
    expect(result!.format).toBe(v.format);
    const want = expectedOf(v);
    expect(pick(result!, want)).toEqual(want);
  });
});

it('every vector format has a decoder here', () => {
  expect(new Set(vectors.map((v) => v.format))).toEqual(new Set(Object.keys(DECODERS)));
});
