// Re-encodes every valid vector with its recorded timestamp: the bytes must equal what the framework emitted.
import { describe, expect, it } from 'vitest';
import type { Json } from '../../src/core/protocol/index.ts';
import { dumpsDjango, encodeSessionData, signDjango, timestampSignDjango } from '../../src/core/decode/django/signing.ts';
import { unquoteCookieValue } from '../../src/core/decode/django/cookie-text.ts';
import { encodeFlaskSession } from '../../src/core/decode/flask/itsdangerous.ts';
import { loadVectors, type Vector } from './vectors.ts';
import { base64Decode, utf8Decode } from '../../src/core/util/bytes.ts';
import { inflateCapped } from '../../src/core/util/zlib.ts';
import { parsePythonJsonExact } from '../../src/core/python/json.ts';

function flaskJsonText(cookie: string): string {
  const payload = cookie.slice(0, cookie.lastIndexOf('.', cookie.lastIndexOf('.') - 1));
  const raw = base64Decode(payload.replace(/^\./, '')) as Uint8Array;
  return utf8Decode(payload.startsWith('.') ? inflateCapped(raw) : raw);
}

const pristine = (v: Vector) => v.expect.signature === 'valid' && !v.id.endsWith('-tampered') && !v.id.endsWith('-wrongsecret');

async function encodeDjango(v: Vector): Promise<{ got: string; want: string } | null> {
  const { kind, salt, keyPrefix } = v.options;
  const key = (keyPrefix ?? '') + v.secrets[0];
  const ts = v.expect.timestamp as number;
  const payload = v.expect.payload as Json;
  const want = unquoteCookieValue(v.cookie.value).text;
  switch (kind) {
    case 'signed_cookies-session':
    case 'messages-cookie':
      return { got: await dumpsDjango(payload, { key, salt: salt as string, compress: true, timestamp: ts }), want };
    case 'signing.dumps':
      return { got: await dumpsDjango(payload, { key, salt: salt as string, compress: v.expect.compressed, timestamp: ts }), want };
    case 'TimestampSigner.sign':
    case 'set_signed_cookie':
      return { got: await timestampSignDjango(payload as string, { key, salt: salt as string, timestamp: ts }), want };
    case 'Signer.sign':
      return { got: await signDjango(payload as string, { key, salt: salt as string }), want };
    case 'db-session':
    case 'file-session':
      return { got: await encodeSessionData(payload, { secretKey: v.secrets[0], timestamp: ts }), want: v.serverRecord?.sessionData as string };
    default:
      return null; // cache records are unsigned pickles/JSON written by the cache layer
  }
}

describe('byte-identical encoding', () => {
  for (const v of loadVectors('django').filter(pristine)) {
    it(`django ${v.id}`, async () => {
      const pair = await encodeDjango(v);
      if (pair) expect(pair.got).toBe(pair.want);
      else expect(v.options.kind).toBe('cache-session');
    });
  }
  for (const v of loadVectors('flask').filter(pristine)) {
    it(`flask ${v.id}`, async () => {
      // Re-encode the exact Python value (floats such as 3.0 survive), read from the emitted JSON text.
      const session = parsePythonJsonExact(flaskJsonText(v.cookie.value)) as Json;
      const got = await encodeFlaskSession(session, { secretKey: v.secrets.at(-1) as string, timestamp: v.expect.timestamp as number });
      expect(got).toBe(v.cookie.value);
    });
  }
});
