import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { attachDashValues, CliArgsError } from './cli-args.ts';

const OPTIONS = {
  secret: { type: 'string', multiple: true }, output: { type: 'string', short: 'o' }, json: { type: 'boolean' },
  'max-age': { type: 'string' },
} as const;
const PEM = '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----';

describe('attachDashValues', () => {
  it('lets a string option take a value that starts with "-", as getopt does', () => {
    const argv = attachDashValues(['--secret', PEM, '--secret', '-k3y', '-o', '-out.json', '--max-age', '-5', 'VALUE'], OPTIONS);
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    expect(values).toEqual({ secret: [PEM, '-k3y'], output: '-out.json', 'max-age': '-5' });
    expect(positionals).toEqual(['VALUE']);
  });

  it('leaves ordinary arguments, boolean flags, "-" and everything after "--" alone', () => {
    const argv = ['--json', '--secret', 'plain', '--secret=-x', '-', '--', '--secret', '-v'];
    expect(attachDashValues(argv, OPTIONS)).toEqual(argv);
  });

  it('reports a forgotten value instead of swallowing the next option', () => {
    expect(() => attachDashValues(['--secret', '--json', 'VALUE'], OPTIONS)).toThrow(new CliArgsError('option --secret needs a value'));
    expect(() => attachDashValues(['-o', '--max-age=3'], OPTIONS)).toThrow('option --output needs a value');
  });
});
