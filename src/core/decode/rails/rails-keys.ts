// ActiveSupport::KeyGenerator: PBKDF2 over secret_key_base, 1000 iterations; SHA1 in Rails 6.1, SHA256 from Rails 7.
import { pbkdf2 } from '../../util/crypto.ts';

export type KeyHash = 'SHA-1' | 'SHA-256';
/** Rails 6.1 first (its cookies are the common case), then Rails 7's key generator hash. */
export const KEY_HASHES: KeyHash[] = ['SHA-1', 'SHA-256'];
export const ITERATIONS = 1000;

export const SALTS = {
  authenticatedEncrypted: 'authenticated encrypted cookie',
  signed: 'signed cookie',
  encrypted: 'encrypted cookie',
  encryptedSigned: 'signed encrypted cookie',
} as const;

const cache = new Map<string, Promise<Uint8Array>>();

/** Derived keys are cached: every cookie of an app shares them and PBKDF2 is the slow part of verification. */
export function deriveRailsKey(secretKeyBase: string, salt: string, hash: KeyHash, bytes: number): Promise<Uint8Array> {
  const id = `${hash}|${bytes}|${salt}|${secretKeyBase}`;
  let key = cache.get(id);
  if (!key) {
    if (cache.size > 512) cache.clear();
    key = pbkdf2(hash, secretKeyBase, salt, ITERATIONS, bytes);
    cache.set(id, key);
  }
  return key;
}

/** Candidate salts: the caller's salt first (custom config), then the Rails default for this layout. */
export const saltsFor = (given: string | undefined, fallback: string): string[] =>
  given && given !== fallback ? [given, fallback] : [fallback];
