// Requirements of issue 2 §3 checked by running `sessionscope decode` as a user would: keys and secrets that
// start with "-" (every PEM public key, some Django SECRET_KEYs) are accepted as option values.
import { spawnSync } from 'node:child_process';
import { createSign, generateKeyPairSync } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/sessionscope.js', import.meta.url));
const b64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

function decode(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [BIN, 'decode', ...args], { encoding: 'utf8', timeout: 60_000 });
}

function rs256Token(privateKey: import('node:crypto').KeyObject, claims: object): string {
  const signed = `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}`;
  return `${signed}.${b64url(createSign('RSA-SHA256').update(signed).sign(privateKey))}`;
}

describe('sessionscope decode option values', { timeout: 90_000 }, () => {
  it('verifies a JWT with a PEM public key given as --secret PEM (a value starting with "-")', () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const token = rs256Token(privateKey, { sub: '42', iat: 1700000000, exp: 1700003600 });
    const run = decode(['--secret', pem, '--now', '1700000100', '--json', token]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ format: 'jwt', signature: 'valid', secretIndex: 0, expired: false, payload: { sub: '42' } });
  });

  it('takes a Django secret that starts with "-" and still reports a forgotten value as bad usage', () => {
    // signing.Signer(salt='s').sign('hello') with SECRET_KEY '-dash-first-secret' (Django 3.2.25)
    const run = decode(['--secret', '-dash-first-secret', '--salt', 's', '--json', 'hello:mwPQ2CoP_BqoXJjLExKtIZI1C1pf52lZYnGbhq4Yrkc']);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ format: 'django', payload: 'hello', signature: 'valid' });
    const forgot = decode(['--secret', '--json', 'hello:x']);
    expect(forgot.status).toBe(2);
    expect(forgot.stderr.trim().split('\n')).toEqual(['sessionscope decode: option --secret needs a value (see --help)']);
  });
});

describe('sessionscope without a command', { timeout: 90_000 }, () => {
  it('is bad usage: exit 2, the usage on stderr and nothing on stdout; --help prints it on stdout with exit 0', () => {
    const bare = spawnSync(process.execPath, [BIN], { encoding: 'utf8', timeout: 60_000 });
    expect(bare.status).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toMatch(/^usage: sessionscope <command>/);
    const help = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8', timeout: 60_000 });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: sessionscope <command>/);
  });
});
