// Rails (6.1 / 7) cookies from secret_key_base: authenticated-encrypted, signed, and legacy encrypted-and-signed.
import type { DecodeInput, DecodeResult } from '../types.ts';
import { isJsonObject } from '../../util/cookie-text.ts';
import { errorResult, guardDecode, hinted, nowSeconds, secretsOf, type FormatDecoder } from '../express/decoder-kit.ts';
import { openCbc, openGcm, verifySigned, type Opened } from './rails-crypto.ts';
import { readRailsEnvelope, type RailsEnvelope } from './rails-envelope.ts';
import { railsShape, type RailsShape } from './rails-shape.ts';

const HINTS = ['rails', 'ruby', 'rails-session'];
const LABEL = { gcm: 'AES-256-GCM authenticated-encrypted', signed: 'signed (HMAC hex digest)', cbc: 'legacy AES-256-CBC + HMAC encrypted' };

function scoreRails(input: DecodeInput): number {
  const shape = railsShape(input.value);
  if (!shape) return 0;
  let score = shape.kind === 'signed' ? 50 : 65;
  if (shape.kind === 'signed' && typeof readRailsEnvelope(shape.message) !== 'string') score += 20;
  if (input.name && /^_.+_session$/.test(input.name)) score += 20;
  if (hinted(input, HINTS)) score += 50;
  return score;
}

function kindOf(shape: RailsShape, input: DecodeInput, env: RailsEnvelope | null): string {
  if (shape.kind === 'signed') return 'signed-cookie';
  if (shape.kind === 'cbc') return 'encrypted-cookie-aes-256-cbc';
  const session = env ? isJsonObject(env.payload) && typeof env.payload.session_id === 'string' : /_session$/.test(input.name ?? '');
  return session ? 'encrypted-session-cookie' : 'encrypted-cookie';
}

/** Rails reads a value only under the purpose it was written for: `cookie.<name>`. */
function purposeProblem(env: RailsEnvelope, input: DecodeInput): string | null {
  const wanted = input.purpose ?? (input.name ? `cookie.${input.name}` : null);
  const pur = env.envelope?.pur ?? null;
  return wanted && pur && pur !== wanted ? `purpose ${pur} does not match ${wanted}: Rails treats the cookie as absent` : null;
}

async function open(shape: RailsShape, secrets: string[], salt?: string): Promise<Opened | null> {
  if (shape.kind === 'gcm') return openGcm(shape, secrets, salt);
  if (shape.kind === 'signed') return verifySigned(shape, secrets, salt);
  return openCbc(shape, secrets, salt);
}

function build(shape: RailsShape, input: DecodeInput, env: RailsEnvelope | null, opened: Opened | null, reasons: string[]): DecodeResult {
  const secrets = secretsOf(input);
  const problem = env && opened ? purposeProblem(env, input) : null;
  if (problem) reasons.push(problem);
  const signature = opened ? (problem ? 'invalid' : 'valid') : secrets.length ? 'invalid' : 'unverified';
  const expired = !env || signature === 'invalid' ? null : env.expMs !== null && nowSeconds(input) * 1000 >= env.expMs;
  if (expired) reasons.push(`expired at ${env!.envelope!.exp} (_rails.exp): Rails ignores it`);
  return {
    format: 'rails', kind: kindOf(shape, input, env), payload: env ? env.payload : null, signature,
    compressed: false, timestamp: null, expired, expiresAt: env ? env.expiresAt : null, envelope: env ? env.envelope : null,
    secretIndex: opened ? opened.secretIndex : null,
    matched: opened ? { salt: opened.salt, keyDerivation: `PBKDF2-HMAC-${opened.keyHash.replace('-', '')}`, serializer: env?.serializer ?? 'json' } : undefined,
    reasons,
  };
}

async function decodeRails(input: DecodeInput): Promise<DecodeResult | null> {
  const shape = railsShape(input.value);
  if (!shape) return hinted(input, HINTS) ? errorResult('rails', 'not a Rails cookie: expected data--iv--tag (encrypted) or base64data--hexdigest (signed)') : null;
  const reasons = [`layout matches a Rails ${LABEL[shape.kind]} cookie`];
  const secrets = secretsOf(input);
  const opened = secrets.length ? await open(shape, secrets, input.salt) : null;
  if (!secrets.length) reasons.push('no secret_key_base given: nothing verified');
  else if (!opened) reasons.push(shape.kind === 'signed' ? 'no secret reproduces the HMAC digest' : 'no secret decrypts it (wrong secret_key_base or tampered data)');
  // Signed data is readable without the key; encrypted data only once it opened.
  const plaintext = opened?.plaintext ?? (shape.kind === 'signed' ? shape.message : null);
  const env = plaintext ? readRailsEnvelope(plaintext) : null;
  if (typeof env === 'string') return { ...build(shape, input, null, opened, reasons), error: env };
  return build(shape, input, env, opened, reasons);
}

export const railsDecoder: FormatDecoder = {
  format: 'rails',
  hints: HINTS,
  score: scoreRails,
  maxScore: 90,
  decode: (input) => guardDecode('rails', () => decodeRails(input)),
};
