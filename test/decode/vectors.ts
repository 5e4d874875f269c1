// Loads the recorded framework vectors and turns each into decoder inputs, with and without hints.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Json } from '../../src/core/protocol/index.ts';
import type { DecodeInput } from '../../src/core/decode/types.ts';

export interface Vector {
  id: string;
  format: string;
  cookie: { name: string; value: string };
  companionCookies?: Array<{ name: string; value: string }>;
  secrets: string[];
  options: { kind: string; salt?: string | null; keyPrefix?: string | null; maxAgeSeconds?: number | null; now: number; [k: string]: Json | undefined };
  serverRecord?: { [k: string]: Json };
  expect: { payload: Json; signature: string; compressed: boolean; timestamp: number | null; expired: boolean | null; signatureOf?: string };
}

export function loadVectors(framework: string): Vector[] {
  const file = fileURLToPath(new URL(`../fixtures/vectors/${framework}.json`, import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8')) as Vector[];
}

/** What a caller who knows the framework settings passes. */
export function hintedInput(v: Vector): DecodeInput {
  const input: DecodeInput = { value: v.cookie.value, name: v.cookie.name, secrets: v.secrets, now: v.options.now, format: v.format };
  if (v.options.salt != null) input.salt = v.options.salt;
  if (v.options.keyPrefix != null) input.keyPrefix = v.options.keyPrefix;
  if (v.options.maxAgeSeconds != null) input.maxAge = v.options.maxAgeSeconds;
  if (v.serverRecord) input.serverRecord = v.serverRecord;
  return input;
}

/** Only what a browser sees (plus the server record behind an opaque id, when the vector has one). */
export function bareInput(v: Vector): DecodeInput {
  const input: DecodeInput = { value: v.cookie.value, name: v.cookie.name, secrets: v.secrets, now: v.options.now };
  if (v.serverRecord) input.serverRecord = v.serverRecord;
  return input;
}

export const expected = (v: Vector) => ({
  payload: v.expect.payload, signature: v.expect.signature, compressed: v.expect.compressed, timestamp: v.expect.timestamp, expired: v.expect.expired,
});
