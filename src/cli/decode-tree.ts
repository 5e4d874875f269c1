// Human-readable rendering of a DecodeResult for the terminal.
import type { DecodeResult } from '../core/decode/types.ts';
import type { Json } from '../core/protocol/index.ts';

const iso = (ts: number): string => {
  const d = new Date(ts * 1000);
  return Number.isNaN(d.getTime()) ? 'invalid date' : d.toISOString().replace('.000Z', 'Z');
};

export function renderTree(r: DecodeResult): string {
  const lines: string[] = [];
  const row = (label: string, text: string) => lines.push(`${label.padEnd(11)}${text}`);
  row('format', r.kind ? `${r.format} (${r.kind})` : r.format);
  row('signature', describeSignature(r));
  // what a reviewer checks first: the JOSE header (alg, kid) and the Rails purpose the value is bound to
  if (r.header !== undefined) row('header', JSON.stringify(r.header));
  const purpose = envelopePurpose(r.envelope);
  if (purpose !== null) row('purpose', purpose);
  if (r.timestamp !== null) row('timestamp', `${r.timestamp} (${iso(r.timestamp)})`);
  if (r.expired !== null) row('expired', `${r.expired ? 'yes' : 'no'}${r.expiresAt != null ? ` (expires ${iso(r.expiresAt)})` : ''}`);
  if (r.compressed !== null) row('compressed', r.compressed ? 'yes (zlib)' : 'no');
  if (r.error) row('error', r.error);
  lines.push('payload');
  renderValue(r.payload, '  ', lines);
  if (r.reasons.length) {
    lines.push('why');
    for (const reason of r.reasons) lines.push(`  - ${reason}`);
  }
  return lines.join('\n') + '\n';
}

function envelopePurpose(envelope: Json | null | undefined): string | null {
  if (envelope === null || typeof envelope !== 'object' || Array.isArray(envelope)) return null;
  return typeof envelope.pur === 'string' ? envelope.pur : null;
}

function describeSignature(r: DecodeResult): string {
  const extra: string[] = [];
  if (r.secretIndex != null) extra.push(`secret #${r.secretIndex}`);
  for (const [k, v] of Object.entries(r.matched ?? {})) if (v !== '') extra.push(`${k} "${v}"`);
  return extra.length ? `${r.signature} (${extra.join(', ')})` : r.signature;
}

const scalar = (v: Json): string => (typeof v === 'string' ? JSON.stringify(v) : String(v));

function renderValue(value: Json, indent: string, lines: string[]): void {
  if (value === null || typeof value !== 'object') { lines.push(indent + scalar(value)); return; }
  const entries: Array<[string, Json]> = Array.isArray(value) ? value.map((v, i) => [`[${i}]`, v]) : Object.entries(value);
  if (entries.length === 0) { lines.push(indent + (Array.isArray(value) ? '[]' : '{}')); return; }
  for (const [key, v] of entries) {
    const label = Array.isArray(value) ? key : JSON.stringify(key);
    if (v !== null && typeof v === 'object' && Object.keys(v).length > 0) {
      lines.push(`${indent}${label}`);
      renderValue(v, indent + '  ', lines);
    } else {
      lines.push(`${indent}${label}: ${v !== null && typeof v === 'object' ? (Array.isArray(v) ? '[]' : '{}') : scalar(v)}`);
    }
  }
}
