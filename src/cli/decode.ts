// `sessionscope decode`: one value from the command line (readable tree or --json), or --jsonl on stdin.
import { parseArgs } from 'node:util';
import { attachDashValues } from './cli-args.ts';
import { decodeCookie } from '../core/decode/index.ts';
import type { DecodeInput } from '../core/decode/types.ts';
import { runJsonl } from './decode-jsonl.ts';
import { renderTree } from './decode-tree.ts';

export const DECODE_USAGE = `usage: sessionscope decode [--name N] [--secret S]... [--salt S] [--key-prefix P] [--purpose P]
                          [--max-age SECONDS] [--now UNIX_SECONDS] [--companion NAME=VALUE]... [--format F] [--json] VALUE
       sessionscope decode --jsonl   (one JSON object per stdin line -> one JSON line out)
VALUE "-" reads the value from stdin; put "--" before a VALUE that starts with "-".`;

const OPTIONS = {
  name: { type: 'string' }, secret: { type: 'string', multiple: true }, salt: { type: 'string' },
  'key-prefix': { type: 'string' }, purpose: { type: 'string' }, 'max-age': { type: 'string' }, now: { type: 'string' },
  companion: { type: 'string', multiple: true }, format: { type: 'string' }, json: { type: 'boolean' },
  jsonl: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
} as const;

class UsageError extends Error {}

export async function runDecode(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: attachDashValues(argv, OPTIONS), options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    return usage((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) { process.stdout.write(DECODE_USAGE + '\n'); return 0; }
  if (values.jsonl) {
    if (positionals.length) return usage('--jsonl reads values from stdin; do not pass VALUE');
    await runJsonl(process.stdin, process.stdout);
    return 0;
  }
  if (positionals.length !== 1) return usage(positionals.length ? 'expected exactly one VALUE' : 'missing VALUE');
  let input: DecodeInput;
  try {
    input = buildInput(values, positionals[0] === '-' ? await readStdinValue() : positionals[0]);
  } catch (err) {
    if (err instanceof UsageError) return usage(err.message);
    throw err;
  }
  const result = await decodeCookie(input);
  process.stdout.write(values.json ? JSON.stringify(result, null, 2) + '\n' : renderTree(result));
  return 0;
}

function usage(message: string): number {
  process.stderr.write(`sessionscope decode: ${message.split('\n')[0]} (see --help)\n`);
  return 2;
}

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K] extends { multiple: true } ? string[] : (typeof OPTIONS)[K] extends { type: 'boolean' } ? boolean : string };

function buildInput(values: Values, value: string): DecodeInput {
  const input: DecodeInput = { value };
  if (values.name !== undefined) input.name = values.name;
  if (values.secret) input.secrets = values.secret;
  if (values.salt !== undefined) input.salt = values.salt;
  if (values['key-prefix'] !== undefined) input.keyPrefix = values['key-prefix'];
  if (values.purpose !== undefined) input.purpose = values.purpose;
  if (values.format !== undefined) input.format = values.format;
  if (values['max-age'] !== undefined) input.maxAge = readSeconds('--max-age', values['max-age']);
  if (values.now !== undefined) input.now = readSeconds('--now', values.now);
  if (values.companion) input.companion = values.companion.map(readCompanion);
  return input;
}

function readSeconds(flag: string, text: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) throw new UsageError(`${flag} must be a number of seconds, got "${text}"`);
  return n;
}

function readCompanion(text: string): { name: string; value: string } {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`--companion must be NAME=VALUE, got "${text}"`);
  return { name: text.slice(0, eq), value: text.slice(eq + 1) };
}

async function readStdinValue(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text.replace(/\r?\n$/, '');
}
