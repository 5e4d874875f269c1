// Validates a DecodeInput that may come from untrusted JSON (CLI --jsonl, messages): wrong types become a clear
// error instead of a crash deep inside a decoder.
import type { DecodeInput } from './types.ts';

const MAX_VALUE_LENGTH = 1024 * 1024;

export function sanitizeInput(raw: unknown): DecodeInput | string {
  if (!raw || typeof raw !== 'object') return 'input must be an object with a string "value"';
  const input = raw as Record<string, unknown>;
  if (typeof input.value !== 'string') return '"value" must be a string';
  if (input.value.length > MAX_VALUE_LENGTH) return `"value" is longer than ${MAX_VALUE_LENGTH} characters`;
  const out: DecodeInput = { value: input.value };
  for (const field of ['name', 'salt', 'keyPrefix', 'purpose', 'format'] as const) {
    const v = input[field];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') return `"${field}" must be a string`;
    out[field] = v;
  }
  for (const field of ['maxAge', 'now'] as const) {
    const v = input[field];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'number' || !Number.isFinite(v)) return `"${field}" must be a finite number (seconds)`;
    out[field] = v;
  }
  if (input.secrets !== undefined && input.secrets !== null) {
    if (!Array.isArray(input.secrets) || !input.secrets.every((s) => typeof s === 'string')) return '"secrets" must be an array of strings';
    out.secrets = input.secrets as string[];
  }
  if (input.companion !== undefined && input.companion !== null) {
    const ok = Array.isArray(input.companion) && input.companion.every((c) => c && typeof c === 'object' && typeof c.name === 'string' && typeof c.value === 'string');
    if (!ok) return '"companion" must be an array of {name, value} strings';
    out.companion = (input.companion as Array<{ name: string; value: string }>).map((c) => ({ name: c.name, value: c.value }));
  }
  if (input.serverRecord !== undefined && input.serverRecord !== null) {
    if (typeof input.serverRecord !== 'object' || Array.isArray(input.serverRecord)) return '"serverRecord" must be an object';
    out.serverRecord = input.serverRecord as DecodeInput['serverRecord'];
  }
  return out;
}
