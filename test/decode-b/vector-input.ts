// Loads the express/jwt/rails/php vectors and turns each into DecodeInputs (with and without the options as hints).
import { readFileSync } from 'node:fs';
import type { DecodeInput } from '../../src/core/decode/types.ts';

export interface Vector {
  id: string;
  format: string;
  cookie: { name: string; value: string };
  companionCookies?: { name: string; value: string }[] | null;
  secrets: string[];
  options: Record<string, unknown> & { now: number };
  serverRecord?: { content?: string | null; contentBase64?: string | null } | null;
  expect: Record<string, unknown>;
}

export function loadVectors(...files: string[]): Vector[] {
  return files.flatMap((f) => JSON.parse(readFileSync(new URL(`../fixtures/vectors/${f}.json`, import.meta.url), 'utf8')) as Vector[]);
}

/** Only what a browser would know plus the developer's secrets and the clock. */
export function bareInput(v: Vector): DecodeInput {
  const input: DecodeInput = { value: v.cookie.value, name: v.cookie.name, secrets: v.secrets, now: v.options.now };
  if (v.companionCookies?.length) input.companion = v.companionCookies.map(({ name, value }) => ({ name, value }));
  if (v.format === 'php' && v.serverRecord) input.serverRecord = { content: v.serverRecord.content, contentBase64: v.serverRecord.contentBase64 };
  return input;
}

/** The bare input plus every hint the vector's options carry. */
export function hintedInput(v: Vector): DecodeInput {
  const o = v.options;
  return {
    ...bareInput(v),
    format: v.format,
    ...(typeof o.salt === 'string' ? { salt: o.salt } : {}),
    ...(typeof o.purpose === 'string' ? { purpose: o.purpose } : {}),
    ...(typeof o.maxAgeSeconds === 'number' ? { maxAge: o.maxAgeSeconds } : {}),
  };
}

const FIELDS = ['payload', 'signature', 'compressed', 'timestamp', 'expired', 'expiresAt', 'envelope', 'header'];

/** The recorded expectations this test suite compares (notes and store-side data left out). */
export function expectedOf(v: Vector): Record<string, unknown> {
  return Object.fromEntries(FIELDS.filter((f) => f in v.expect).map((f) => [f, v.expect[f]]));
}

export function pick(result: object, like: Record<string, unknown>): Record<string, unknown> {
  const r = result as Record<string, unknown>;
  return Object.fromEntries(Object.keys(like).map((k) => [k, r[k] === undefined ? null : r[k]]));
}
