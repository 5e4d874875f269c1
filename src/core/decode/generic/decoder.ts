// Fallback for unrecognised values: undo URL-encoding and base64/base64url, sniff JSON, and say why the value
// is opaque when nothing readable comes out.
import type { Json } from '../../protocol/index.ts';
import type { DecodeInput, DecodeResult } from '../types.ts';
import { base64Decode, utf8Decode } from '../../util/bytes.ts';

export async function decodeGeneric(input: DecodeInput): Promise<DecodeResult> {
  const reasons: string[] = [];
  const payload = sniff(input.value, reasons, 0);
  return { format: 'unknown', payload, signature: 'not-applicable', compressed: null, timestamp: null, expired: null, reasons };
}

const MAX_DEPTH = 4;

function sniff(value: string, reasons: string[], depth: number): Json {
  const json = tryJson(value);
  if (json !== undefined) { reasons.push('the text is JSON'); return json; }
  if (depth >= MAX_DEPTH) return value;
  const unescaped = tryPercentDecode(value);
  if (unescaped !== null) { reasons.push('percent-encoded; decoded'); return sniff(unescaped, reasons, depth + 1); }
  const text = tryBase64Text(value);
  if (text !== null) { reasons.push(`${/[-_]/.test(value) ? 'base64url' : 'base64'} of UTF-8 text; decoded`); return sniff(text, reasons, depth + 1); }
  reasons.push(describeOpaque(value));
  return value;
}

function tryJson(value: string): Json | undefined {
  const t = value.trim();
  if (!/^[[{"]/.test(t)) return undefined;
  try { return JSON.parse(t) as Json; } catch { return undefined; }
}

function tryPercentDecode(value: string): string | null {
  if (!/%[0-9A-Fa-f]{2}/.test(value)) return null;
  try {
    const out = decodeURIComponent(value.replace(/\+/g, ' '));
    return out !== value ? out : null;
  } catch {
    return null;
  }
}

function tryBase64Text(value: string): string | null {
  if (value.length < 8 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return null;
  const bytes = base64Decode(value);
  if (!bytes || bytes.length === 0) return null;
  let text: string;
  try { text = utf8Decode(bytes); } catch { return null; }
  // Accept only mostly printable text: random ids also decode as base64, into binary noise.
  const printable = [...text].filter((c) => c >= ' ' || c === '\n' || c === '\t').length;
  return printable === [...text].length ? text : null;
}

function describeOpaque(value: string): string {
  if (value.length === 0) return 'opaque: the value is empty';
  const charset = /^[0-9a-f]+$/i.test(value) ? 'hex' : /^[A-Za-z0-9_-]+$/.test(value) ? 'base64url-like' : 'mixed';
  const bits = Math.round(value.length * (charset === 'hex' ? 4 : charset === 'base64url-like' ? 6 : 8));
  return `opaque: ${value.length} ${charset} characters (≤ ${bits} bits), no known structure — likely a random id or encrypted data`;
}
