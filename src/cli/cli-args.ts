// node:util parseArgs refuses an option value that starts with "-" ("argument is ambiguous"), so a PEM public
// key (`--secret "-----BEGIN PUBLIC KEY…"`) or a Django SECRET_KEY that begins with "-" could not be given.
// Like getopt, a string option here takes the next argument as its value whatever it starts with.

interface OptionSpec { type: 'string' | 'boolean'; short?: string }

export class CliArgsError extends Error {
  override name = 'CliArgsError';
}

/** The long name of a string option spelled `--name` or `-s`, or null. */
function stringOption(token: string, options: Record<string, OptionSpec>): string | null {
  if (token.startsWith('--')) {
    const name = token.slice(2);
    return options[name]?.type === 'string' ? name : null;
  }
  if (/^-[^-]$/.test(token)) {
    const entry = Object.entries(options).find(([, spec]) => spec.short === token[1]);
    return entry && entry[1].type === 'string' ? entry[0] : null;
  }
  return null;
}

/** True when `token` is one of the known options (`--json`, `--max-age=5`, `-h`): a value was forgotten. */
function isKnownOption(token: string, options: Record<string, OptionSpec>): boolean {
  if (token.startsWith('--')) return token.slice(2).split('=')[0] in options;
  return /^-[^-]$/.test(token) && Object.values(options).some((spec) => spec.short === token[1]);
}

/**
 * Rewrites `--opt VALUE` as `--opt=VALUE` when VALUE starts with "-", so parseArgs accepts it. A known option
 * name in the value position still means a forgotten value, reported as such. Nothing after `--` is touched.
 */
export function attachDashValues(argv: readonly string[], options: Record<string, OptionSpec>): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === '--') return out.concat(argv.slice(i));
    const name = stringOption(token, options);
    const next = argv[i + 1];
    if (name === null || next === undefined || !next.startsWith('-') || next === '-') {
      out.push(token);
      continue;
    }
    if (next === '--' || isKnownOption(next, options)) throw new CliArgsError(`option --${name} needs a value`);
    out.push(`--${name}=${next}`);
    i++;
  }
  return out;
}
