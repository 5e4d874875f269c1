// The same vectors through the dispatcher with no format hint: detection must pick our formats by itself.
import { describe, expect, it } from 'vitest';
import { decodeCookie } from '../../src/core/decode/index.ts';
import { bareInput, expectedOf, loadVectors, pick } from './vector-input.ts';

const vectors = loadVectors('express', 'jwt', 'rails', 'php');

describe('decodeCookie without hints', () => {
  it.each(vectors.map((v) => [v.id, v] as const))('%s', async (_id, v) => {
    const result = await decodeCookie(bareInput(v));
    expect(result.format).toBe(v.format);
    const want = expectedOf(v);
    expect(pick(result, want)).toEqual(want);
  });
});
