import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Json } from '../../protocol/index.ts';
import { base64Encode, base64UrlEncode, utf8Encode } from '../../util/bytes.ts';
import { jwtDecoder } from './jwt.ts';
import { signJwtHs, type HsAlgorithm } from './jwt-sign.ts';
import { loadVectors } from '../../../../test/decode-b/vector-input.ts';

const hsValid = loadVectors('jwt').filter((v) => (v.expect.header as { alg: string }).alg.startsWith('HS') && v.expect.signature === 'valid');
const b64url = (obj: unknown): string => base64UrlEncode(utf8Encode(JSON.stringify(obj)));

describe('signJwtHs', () => {
  it.each(hsValid.map((v) => [v.id, v] as const))('re-signs %s byte for byte', async (_id, v) => {
    const header = v.expect.header as { [k: string]: Json };
    expect(await signJwtHs(v.expect.payload as Json, v.secrets[0], header.alg as HsAlgorithm, header)).toBe(v.cookie.value);
  });

  it('round-trips HS256/384/512 claims through the decoder (rotation reports the index)', async () => {
    const claims = fc.dictionary(fc.string({ unit: 'grapheme' }), fc.jsonValue() as fc.Arbitrary<Json>);
    await fc.assert(fc.asyncProperty(claims, fc.string({ unit: 'grapheme' }), fc.constantFrom<HsAlgorithm>('HS256', 'HS384', 'HS512'), async (payload, secret, alg) => {
      const token = await signJwtHs(payload, secret, alg);
      const ok = await jwtDecoder.decode({ value: token, secrets: [`${secret}!`, secret] });
      expect(ok).toMatchObject({ signature: 'valid', secretIndex: 1, header: { alg, typ: 'JWT' } });
      expect(ok?.payload).toEqual(JSON.parse(JSON.stringify(payload)));
      expect((await jwtDecoder.decode({ value: token, secrets: [`${secret}!`] }))?.signature).toBe('invalid');
    }), { numRuns: 120 });
  });

  it('refuses a non-HS alg in the header instead of signing something else', async () => {
    await expect(signJwtHs({}, 's', 'HS256', { alg: 'RS256' })).rejects.toThrow(/HS256\/HS384\/HS512 only/);
  });
});

async function pemOf(key: CryptoKey): Promise<string> {
  const der = new Uint8Array(await crypto.subtle.exportKey('spki', key));
  return `-----BEGIN PUBLIC KEY-----\n${base64Encode(der).replace(/(.{64})/g, '$1\n')}\n-----END PUBLIC KEY-----\n`;
}

async function signAsym(alg: string, gen: RsaHashedKeyGenParams | EcKeyGenParams | { name: string }, params: AlgorithmIdentifier | RsaPssParams | EcdsaParams, claims: Json) {
  const pair = (await crypto.subtle.generateKey(gen, true, ['sign', 'verify'])) as CryptoKeyPair;
  const input = `${b64url({ alg, typ: 'JWT', kid: 'k1' })}.${b64url(claims)}`;
  const sig = new Uint8Array(await crypto.subtle.sign(params, pair.privateKey, utf8Encode(input).slice().buffer as ArrayBuffer));
  return { token: `${input}.${base64UrlEncode(sig)}`, pem: await pemOf(pair.publicKey), jwk: await crypto.subtle.exportKey('jwk', pair.publicKey) };
}

const rsa = (name: string, hash: string): RsaHashedKeyGenParams => ({ name, hash, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) });

describe('jwtDecoder HS* checks (synchronous HMAC) agree with WebCrypto', () => {
  it('accepts tokens WebCrypto signed, with empty, short and over-block secrets, and rejects a changed payload', async () => {
    for (const [alg, hash] of [['HS256', 'SHA-256'], ['HS384', 'SHA-384'], ['HS512', 'SHA-512']] as const) {
      for (const secret of ['', 'k', 'x'.repeat(200)]) {
        const input = `${b64url({ alg, typ: 'JWT' })}.${b64url({ sub: secret.length })}`;
        const key = await crypto.subtle.importKey('raw', secret ? utf8Encode(secret).slice().buffer as ArrayBuffer : new Uint8Array(1), { name: 'HMAC', hash }, false, ['sign']);
        const sig = base64UrlEncode(new Uint8Array(await crypto.subtle.sign('HMAC', key, utf8Encode(input).slice().buffer as ArrayBuffer)));
        expect((await jwtDecoder.decode({ value: `${input}.${sig}`, secrets: [secret] }))?.signature).toBe('valid');
        const forged = `${b64url({ alg, typ: 'JWT' })}.${b64url({ sub: -1 })}.${sig}`;
        expect((await jwtDecoder.decode({ value: forged, secrets: [secret] }))?.signature).toBe('invalid');
      }
    }
  });
});

describe('jwtDecoder with public keys', () => {
  it.each([
    ['RS384', rsa('RSASSA-PKCS1-v1_5', 'SHA-384'), { name: 'RSASSA-PKCS1-v1_5' }],
    ['PS256', rsa('RSA-PSS', 'SHA-256'), { name: 'RSA-PSS', saltLength: 32 }],
    ['ES256', { name: 'ECDSA', namedCurve: 'P-256' }, { name: 'ECDSA', hash: 'SHA-256' }],
    ['ES384', { name: 'ECDSA', namedCurve: 'P-384' }, { name: 'ECDSA', hash: 'SHA-384' }],
    ['EdDSA', { name: 'Ed25519' }, { name: 'Ed25519' }],
  ] as const)('%s verifies with the SPKI PEM, the JWK and a JWK Set, and fails with another key', async (alg, gen, params) => {
    const { token, pem, jwk } = await signAsym(alg, gen, params, { sub: 'u1' });
    const other = await signAsym(alg, gen, params, { sub: 'u1' });
    expect((await jwtDecoder.decode({ value: token, secrets: [pem] }))?.signature).toBe('valid');
    expect((await jwtDecoder.decode({ value: token, secrets: [JSON.stringify(jwk)] }))?.signature).toBe('valid');
    const set = JSON.stringify({ keys: [{ ...other.jwk, kid: 'k0' }, { ...jwk, kid: 'k1' }] });
    expect((await jwtDecoder.decode({ value: token, secrets: ['not-a-key', set] }))).toMatchObject({ signature: 'valid', secretIndex: 1 });
    expect((await jwtDecoder.decode({ value: token, secrets: [other.pem] }))?.signature).toBe('invalid');
    expect((await jwtDecoder.decode({ value: token, secrets: ['a shared secret'] }))?.signature).toBe('unverified');
  });
});

describe('jwtDecoder edge cases', () => {
  const now = 1_700_000_000;
  it('reports alg none as invalid, whatever the secrets', async () => {
    const token = `${b64url({ alg: 'none' })}.${b64url({ sub: 'x', exp: now + 60 })}.`;
    const r = await jwtDecoder.decode({ value: token, secrets: ['s'], now });
    expect(r).toMatchObject({ signature: 'invalid', payload: { sub: 'x' }, expired: null, expiresAt: now + 60 });
    expect(r?.reasons.join(' ')).toMatch(/unsigned/);
  });

  it('unwraps Bearer, quotes and URL encoding', async () => {
    const token = await signJwtHs({ sub: 'a' }, 'k');
    for (const value of [`Bearer ${token}`, `"${token}"`, encodeURIComponent(`Bearer ${token}`), `bearer%20${token}`]) {
      expect((await jwtDecoder.decode({ value, secrets: ['k'] }))?.signature).toBe('valid');
    }
  });

  it('judges exp at now (exp <= now is expired) and notes a future nbf', async () => {
    const token = await signJwtHs({ iat: now - 10, nbf: now + 100, exp: now }, 'k');
    const r = await jwtDecoder.decode({ value: token, secrets: ['k'], now });
    expect(r).toMatchObject({ timestamp: now - 10, expiresAt: now, expired: true });
    expect(r?.reasons.join(' ')).toMatch(/not valid before/);
    expect((await jwtDecoder.decode({ value: token, secrets: ['k'], now: now - 1 }))?.expired).toBe(false);
  });

  it('recognises an encrypted JWE without pretending to read it', async () => {
    const jwe = `${b64url({ alg: 'RSA-OAEP', enc: 'A256GCM' })}.abc.def.ghi.jkl`;
    expect(await jwtDecoder.decode({ value: jwe })).toMatchObject({ kind: 'jwe', payload: null, signature: 'unverified' });
  });

  it('scores zero for dotted values whose header is not JSON with alg', async () => {
    expect(jwtDecoder.score({ value: 'abc.def.ghi' })).toBe(0);
    expect(jwtDecoder.score({ value: `${b64url({ typ: 'JWT' })}.e30.` })).toBe(0);
    expect(await jwtDecoder.decode({ value: 'abc.def.ghi', format: 'jwt' })).toMatchObject({ error: expect.stringMatching(/not a compact JWT/) });
  });
});

describe('jwtDecoder against algorithm confusion', () => {
  it('never uses a public key as an HMAC secret: an HS256 token "signed" with the PEM text is invalid', async () => {
    const pem = loadVectors('jwt').find((v) => v.id === 'jwt-rs256-1')!.secrets[0];
    const forged = await signJwtHs({ sub: 'admin' }, pem, 'HS256');
    const r = await jwtDecoder.decode({ value: forged, secrets: [pem] });
    expect(r?.signature).toBe('invalid');
    expect(r?.reasons.join(' ')).toMatch(/alg-confusion/);
  });
});

describe('jwtDecoder with a PKCS#1 RSA PUBLIC KEY', () => {
  it('wraps it into SPKI and verifies (keys from node:crypto, as OpenSSL tools emit them)', async () => {
    const { generateKeyPairSync, createSign } = await import('node:crypto');
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const input = `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url({ sub: 'pkcs1' })}`;
    const token = `${input}.${createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url')}`;
    const pem = publicKey.export({ type: 'pkcs1', format: 'pem' }) as string;
    expect(pem).toContain('BEGIN RSA PUBLIC KEY');
    expect((await jwtDecoder.decode({ value: token, secrets: [pem] }))?.signature).toBe('valid');
    expect((await jwtDecoder.decode({ value: `${token.slice(0, -4)}AAAA`, secrets: [pem] }))?.signature).toBe('invalid');
  });
});

describe('jwtDecoder max age', () => {
  it('also expires a token older than maxAge by iat, like jsonwebtoken\'s maxAge option', async () => {
    const token = await signJwtHs({ iat: 1000 }, 'k');
    expect((await jwtDecoder.decode({ value: token, secrets: ['k'], now: 1100 }))?.expired).toBeNull();
    expect((await jwtDecoder.decode({ value: token, secrets: ['k'], now: 1100, maxAge: 100 }))?.expired).toBe(false);
    expect((await jwtDecoder.decode({ value: token, secrets: ['k'], now: 1101, maxAge: 100 }))?.expired).toBe(true);
  });
});
