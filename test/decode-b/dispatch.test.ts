// The same vectors through the dispatcher with no format hint: detection must pick our formats by itself.
import { describe, expect, it } from 'vitest';
import { decodeCookie } from '../../src/core/decode/index.ts';
import { base64Decode } from '../../src/core/util/bytes.ts';
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

describe('decodeCookie on PHP session file contents given as the value', () => {
  const php = vectors.filter((v) => v.format === 'php');
  it.each(php.map((v) => [v.id, v] as const))('%s', async (_id, v) => {
    const content = new TextDecoder().decode(base64Decode(v.serverRecord!.contentBase64!)!);
    for (const input of [{ value: content }, { value: content, name: v.cookie.name }]) {
      const result = await decodeCookie(input);
      expect({ format: result.format, payload: result.payload, signature: result.signature })
        .toEqual({ format: 'php', payload: v.expect.payload, signature: 'not-applicable' });
    }
  });
});
