// Django decoder: signed cookies of every django.core.signing feature, stored session_data, and server records
// behind a session key. Tries the known salts (or the hinted one) and reports which verified.
import type { FormatDecoder } from '../registry.ts';
import type { DecodeInput, DecodeResult } from '../types.ts';
import { candidateSpecs, DJANGO_KIND_HINTS } from './kinds.ts';
import { decodeLegacyValue, isLegacySessionData } from './legacy-value.ts';
import { buildResult, guessSpec } from './result.ts';
import { readShape } from './shape.ts';
import { decodeServerRecord, isDjangoRecord } from './server-record.ts';
import { verifyDjango, verifyDjangoSync, type Verified } from './signing.ts';

const SESSION_KEY = /^[a-z0-9]{32}$/;

export const djangoDecoder: FormatDecoder = {
  format: 'django',
  hints: ['django', 'django-signing', 'django-session', ...DJANGO_KIND_HINTS],
  score: scoreDjango,
  maxScore: 95,
  decode: decodeDjango,
};

export function scoreDjango(input: DecodeInput): number {
  const name = (input.name ?? '').toLowerCase();
  if (input.serverRecord && isDjangoRecord(input.serverRecord)) return 95;
  const shape = readShape(input.value);
  if (shape) return name === 'sessionid' || name === 'messages' ? 90 : 80;
  if (SESSION_KEY.test(input.value)) return name === 'sessionid' ? 60 : 2;
  return isLegacySessionData(input.value) ? 70 : 0;
}

export async function decodeDjango(input: DecodeInput): Promise<DecodeResult | null> {
  if (input.serverRecord && isDjangoRecord(input.serverRecord)) return decodeServerRecord(input, input.serverRecord);
  const shape = readShape(input.value);
  if (!shape) {
    if (SESSION_KEY.test(input.value)) return sessionKeyResult(input.value);
    return isLegacySessionData(input.value) ? decodeLegacyValue(input) : null;
  }
  const secrets = input.secrets ?? [];
  // The candidate list is shared and frozen; it only needs a filtered copy when the value has no timestamp.
  const candidates = candidateSpecs(input);
  const specs = shape.timestampCapable ? candidates : candidates.filter((s) => !s.timestamped);
  if (secrets.length) {
    for (const spec of specs) {
      const keys = spec.keyPrefix ? secrets.map((s) => spec.keyPrefix + s) : secrets;
      const opts = { keys, salt: spec.salt, timestamped: spec.timestamped };
      const verified = verifyDjangoSync(shape.text, opts) ?? await verifyDjango(shape.text, opts);
      if (typeof verified !== 'string' && verified.valid) return buildResult(input, shape, spec, verified, specs);
    }
  }
  const spec = guessSpec(input, shape, specs);
  if (!spec) return null;
  const split = verifyDjangoSync(shape.text, { keys: [], salt: spec.salt, timestamped: spec.timestamped }); // no keys: never null
  if (typeof split === 'string') return null;
  return buildResult(input, shape, spec, split as Verified, specs);
}

function sessionKeyResult(key: string): DecodeResult {
  return {
    format: 'django', kind: 'session-key', payload: key, signature: 'not-applicable', compressed: null, timestamp: null, expired: null,
    reasons: ['32 characters of [a-z0-9]: a Django session key (db/cache/file backends); the data lives on the server'],
  };
}
