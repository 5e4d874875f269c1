// Decode+verify throughput per format on the recorded vectors (cookies per second through decodeCookie, without
// format hints, so detection is part of the cost). `node bin/run-ts.js scripts/bench/decode.ts` prints a table.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decodeCookie } from '../../src/core/decode/index.ts';
import type { DecodeInput } from '../../src/core/decode/types.ts';

const VECTOR_DIR = fileURLToPath(new URL('../../test/fixtures/vectors/', import.meta.url));
const MIN_MS = 400;

interface VectorLike {
  format: string;
  cookie: { name: string; value: string };
  companionCookies?: Array<{ name: string; value: string }>;
  secrets: string[];
  options: { now?: number };
  serverRecord?: DecodeInput['serverRecord'];
}

function toInput(v: VectorLike): DecodeInput {
  const input: DecodeInput = { value: v.cookie.value, name: v.cookie.name, secrets: v.secrets, now: v.options.now };
  if (v.companionCookies) input.companion = v.companionCookies.map(({ name, value }) => ({ name, value }));
  if (v.serverRecord) input.serverRecord = v.serverRecord;
  return input;
}

function loadByFormat(): Map<string, DecodeInput[]> {
  const byFormat = new Map<string, DecodeInput[]>();
  for (const file of readdirSync(VECTOR_DIR).filter((f) => f.endsWith('.json')).sort()) {
    for (const v of JSON.parse(readFileSync(VECTOR_DIR + file, 'utf8')) as VectorLike[]) {
      byFormat.set(v.format, [...(byFormat.get(v.format) ?? []), toInput(v)]);
    }
  }
  return byFormat;
}

/** Cookies decoded and verified per second, per format. */
export async function benchDecode(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [format, inputs] of loadByFormat()) {
    for (const input of inputs) await decodeCookie(input); // warm caches and JIT
    let count = 0;
    const start = performance.now();
    while (performance.now() - start < MIN_MS) {
      for (const input of inputs) await decodeCookie(input);
      count += inputs.length;
    }
    out[format] = Math.round(count / ((performance.now() - start) / 1000));
  }
  return out;
}

function printTable(rates: Record<string, number>): void {
  const rows = Object.entries(rates);
  const width = Math.max(6, ...rows.map(([f]) => f.length));
  console.log(`${'format'.padEnd(width)}  cookies/s`);
  for (const [format, rate] of rows) console.log(`${format.padEnd(width)}  ${String(rate).padStart(9)}`);
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  printTable(await benchDecode());
}
