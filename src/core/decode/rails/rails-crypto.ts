// The three Rails protections: AES-256-GCM, signed (HMAC hex) and legacy AES-256-CBC + HMAC. Each tries every secret
// and both key-generator hashes; the result says which secret, salt and hash opened the value.
import { concatBytes, hexEncode, utf8Encode } from '../../util/bytes.ts';
import { hmac } from '../../util/crypto.ts';
import { textEqual } from '../../util/cookie-text.ts';
import { deriveRailsKey, KEY_HASHES, SALTS, saltsFor, type KeyHash } from './rails-keys.ts';
import { digestHash, type RailsShape } from './rails-shape.ts';

export interface Opened { plaintext: Uint8Array; secretIndex: number; salt: string; keyHash: KeyHash }
type Shape<K> = Extract<RailsShape, { kind: K }>;

const buf = (b: Uint8Array): ArrayBuffer => b.slice().buffer as ArrayBuffer;

async function* candidates(secrets: string[], salts: string[]): AsyncGenerator<{ secret: string; index: number; salt: string; keyHash: KeyHash }> {
  for (let index = 0; index < secrets.length; index++) {
    for (const salt of salts) for (const keyHash of KEY_HASHES) yield { secret: secrets[index], index, salt, keyHash };
  }
}

const aesKeys = new Map<string, Promise<CryptoKey>>();

/** Imported AES keys are cached next to the derived bytes: importKey costs as much as the decryption itself. */
function aesKey(name: 'AES-GCM' | 'AES-CBC', key: Uint8Array): Promise<CryptoKey> {
  const id = `${name}|${hexEncode(key)}`;
  let cryptoKey = aesKeys.get(id);
  if (!cryptoKey) {
    if (aesKeys.size > 512) aesKeys.clear();
    cryptoKey = crypto.subtle.importKey('raw', buf(key), name, false, ['decrypt']);
    aesKeys.set(id, cryptoKey);
  }
  return cryptoKey;
}

async function aes(name: 'AES-GCM' | 'AES-CBC', key: Uint8Array, iv: Uint8Array, data: Uint8Array): Promise<Uint8Array | null> {
  try {
    const cryptoKey = await aesKey(name, key);
    const params = name === 'AES-GCM' ? { name, iv: buf(iv), tagLength: 128 } : { name, iv: buf(iv) };
    return new Uint8Array(await crypto.subtle.decrypt(params, cryptoKey, buf(data)));
  } catch {
    return null; // wrong key or tampered data: the tag / padding check fails
  }
}

export async function openGcm(shape: Shape<'gcm'>, secrets: string[], salt?: string): Promise<Opened | null> {
  const sealed = concatBytes(shape.ciphertext, shape.tag);
  for await (const c of candidates(secrets, saltsFor(salt, SALTS.authenticatedEncrypted))) {
    const plaintext = await aes('AES-GCM', await deriveRailsKey(c.secret, c.salt, c.keyHash, 32), shape.iv, sealed);
    if (plaintext) return { plaintext, secretIndex: c.index, salt: c.salt, keyHash: c.keyHash };
  }
  return null;
}

async function hmacMatches(key: Uint8Array, data: string, digest: string): Promise<boolean> {
  return textEqual(hexEncode(await hmac(digestHash(digest), key, utf8Encode(data))), digest);
}

export async function verifySigned(shape: Shape<'signed'>, secrets: string[], salt?: string): Promise<Opened | null> {
  for await (const c of candidates(secrets, saltsFor(salt, SALTS.signed))) {
    if (await hmacMatches(await deriveRailsKey(c.secret, c.salt, c.keyHash, 64), shape.data, shape.digest)) {
      return { plaintext: shape.message, secretIndex: c.index, salt: c.salt, keyHash: c.keyHash };
    }
  }
  return null;
}

/** Legacy encrypted cookies: the HMAC (salt "signed encrypted cookie") is checked before anything is decrypted. */
export async function openCbc(shape: Shape<'cbc'>, secrets: string[], salt?: string): Promise<Opened | null> {
  for await (const c of candidates(secrets, saltsFor(undefined, SALTS.encryptedSigned))) {
    if (!(await hmacMatches(await deriveRailsKey(c.secret, c.salt, c.keyHash, 64), shape.data, shape.digest))) continue;
    for (const encSalt of saltsFor(salt, SALTS.encrypted)) {
      const plaintext = await aes('AES-CBC', await deriveRailsKey(c.secret, encSalt, c.keyHash, 32), shape.iv, shape.ciphertext);
      if (plaintext) return { plaintext, secretIndex: c.index, salt: encSalt, keyHash: c.keyHash };
    }
  }
  return null;
}
