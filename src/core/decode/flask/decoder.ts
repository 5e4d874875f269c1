// Flask / itsdangerous session cookies: `payload.timestamp.signature`, tagged JSON kept as recorded.
import type { FormatDecoder } from '../registry.ts';
import type { DecodeInput, DecodeResult } from '../types.ts';
import {
  decodeFlaskPayload, decodeFlaskTimestamp, DIGEST_BY_SIG_LENGTH, FLASK_SALT, PERMANENT_SESSION_LIFETIME, verifyFlaskSignature,
  type FlaskSignOptions, type KeyDerivation,
} from './itsdangerous.ts';

// payload (maybe '.'-compressed) . 4-6 byte timestamp . signature of a supported digest
const SHAPE = /^(\.?[A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{2,8})\.([A-Za-z0-9_-]{22}|[A-Za-z0-9_-]{27}|[A-Za-z0-9_-]{38}|[A-Za-z0-9_-]{43}|[A-Za-z0-9_-]{64}|[A-Za-z0-9_-]{86})$/;
const DERIVATIONS: KeyDerivation[] = ['hmac', 'django-concat', 'concat', 'none'];
// itsdangerous < 1.0 counted seconds from 2011-01-01
const LEGACY_EPOCH = 1293840000;

export const flaskDecoder: FormatDecoder = {
  format: 'flask',
  hints: ['flask', 'itsdangerous', 'flask-session', 'secure-cookie-session'],
  maxScore: 90,
  score: (input) => {
    if (input.value.indexOf('.', 1) < 0) return 0; // SHAPE needs a '.' after the payload's first character
    const m = SHAPE.exec(input.value);
    if (!m || decodeFlaskTimestamp(m[2]) === null) return 0;
    return (input.name ?? '').toLowerCase() === 'session' ? 90 : 75;
  },
  decode: decodeFlask,
};

interface Match { secretIndex: number; opts: FlaskSignOptions }

async function findSecret(signed: string, sig: string, input: DecodeInput): Promise<Match | null> {
  const digest = DIGEST_BY_SIG_LENGTH[sig.length];
  const salts = input.salt !== undefined ? [input.salt] : [FLASK_SALT, 'itsdangerous', 'itsdangerous.Signer'];
  const secrets = input.secrets ?? [];
  for (const salt of salts) {
    for (const keyDerivation of DERIVATIONS) {
      for (let i = 0; i < secrets.length; i++) {
        const opts = { salt, digest, keyDerivation };
        if (await verifyFlaskSignature(signed, sig, secrets[i], opts)) return { secretIndex: i, opts };
      }
    }
  }
  return null;
}

export async function decodeFlask(input: DecodeInput): Promise<DecodeResult | null> {
  const m = SHAPE.exec(input.value);
  const ts = m ? decodeFlaskTimestamp(m[2]) : null;
  if (!m || ts === null) return null;
  const [, payloadText, tsText, sig] = m;
  const match = await findSecret(`${payloadText}.${tsText}`, sig, input);
  const hasSecrets = (input.secrets ?? []).length > 0;
  const signature = match ? 'valid' : hasSecrets ? 'invalid' : 'unverified';
  const result: DecodeResult = {
    format: 'flask', kind: 'secure-cookie-session', payload: null, signature, compressed: payloadText.startsWith('.'), timestamp: ts,
    expired: null, expiresAt: null, secretIndex: match?.secretIndex ?? null,
    reasons: ['value splits as payload.timestamp.signature (itsdangerous URLSafeTimedSerializer layout)'],
    parts: { payload: payloadText, timestamp: tsText, signature: sig },
  };
  try {
    result.payload = decodeFlaskPayload(payloadText).value;
  } catch (err) {
    result.error = (err as Error).message;
  }
  explain(result, match, hasSecrets, ts);
  if (signature !== 'invalid') judgeExpiry(result, ts, input);
  return result;
}

function explain(result: DecodeResult, match: Match | null, hasSecrets: boolean, ts: number): void {
  if (match) {
    const { salt = FLASK_SALT, digest = 'sha1', keyDerivation = 'hmac' } = match.opts;
    result.matched = { salt, digest, keyDerivation };
    result.reasons.push(`HMAC-${digest.toUpperCase()} signature verified with salt "${salt}", key derivation ${keyDerivation} (secret #${match.secretIndex})`);
  } else {
    result.reasons.push(hasSecrets ? 'no secret verified (salts cookie-session/itsdangerous, every key derivation tried)' : 'no secret given: signature not checked');
  }
  if (ts < 1000000000 && ts + LEGACY_EPOCH > 1000000000) result.reasons.push(`timestamp looks like itsdangerous < 1.0 (epoch 2011): ${ts + LEGACY_EPOCH}`);
}

// Flask loads with max_age = PERMANENT_SESSION_LIFETIME whether or not the session is permanent;
// itsdangerous also rejects a timestamp in the future.
function judgeExpiry(result: DecodeResult, ts: number, input: DecodeInput): void {
  const now = input.now ?? Date.now() / 1000;
  const maxAge = input.maxAge ?? PERMANENT_SESSION_LIFETIME;
  result.expiresAt = ts + maxAge;
  const age = now - ts;
  result.expired = age > maxAge || age < 0;
  if (age < 0) result.reasons.push('timestamp is in the future: itsdangerous rejects it');
}
