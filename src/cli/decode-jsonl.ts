// Machine mode of `sessionscope decode --jsonl`: one JSON object per input line, one JSON line out, in order.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { decodeCookie } from '../core/decode/index.ts';
import type { DecodeResult } from '../core/decode/types.ts';
import type { Json } from '../core/protocol/index.ts';

const MAX_IN_FLIGHT = 64;

/** Decodes concurrently but writes strictly in input order. A bad line yields an error line, never a crash. */
export async function runJsonl(input: Readable, output: Writable): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  const pending: Promise<string>[] = [];
  for await (const line of lines) {
    if (line.trim() === '') continue;
    pending.push(decodeLine(line).catch((err) => JSON.stringify(errorLine(null, `internal error: ${(err as Error).message}`))));
    if (pending.length >= MAX_IN_FLIGHT) await write(output, await (pending.shift() as Promise<string>));
  }
  for (const p of pending) await write(output, await p);
}

export async function decodeLine(line: string): Promise<string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (err) {
    return JSON.stringify(errorLine(null, `invalid JSON: ${(err as Error).message}`));
  }
  const id = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? ((parsed as { id?: Json }).id ?? null) : null;
  const result = await decodeCookie(parsed as never);
  return JSON.stringify(toLine(id, result));
}

function toLine(id: Json, r: DecodeResult): Record<string, Json> {
  const out: Record<string, Json> = {
    id, format: r.format, payload: r.payload, signature: r.signature, compressed: r.compressed, timestamp: r.timestamp, expired: r.expired,
  };
  if (r.error) out.error = r.error;
  return out;
}

function errorLine(id: Json, error: string): Record<string, Json> {
  return { id, format: 'unknown', payload: null, signature: 'unverified', compressed: null, timestamp: null, expired: null, error };
}

function write(output: Writable, line: string): Promise<void> {
  return new Promise((resolve, reject) => output.write(line + '\n', (err) => (err ? reject(err) : resolve())));
}
