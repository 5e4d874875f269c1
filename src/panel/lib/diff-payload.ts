// Structural diff of two decoded payloads, by JSON path: what a request did to the session.
// Hand-written (30 lines) rather than a diff package: we need path strings in JS-accessor form and
// whole-value changes on type flips, which the small libraries (microdiff, deep-diff) shape differently.
import type { Json } from '../../core/protocol/index.ts';

export interface PayloadChange { path: string; kind: 'added' | 'removed' | 'changed'; before?: Json; after?: Json }

const isRecord = (v: Json | undefined): v is { [k: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);

function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;
}

export function diffPayload(before: Json | undefined, after: Json | undefined, path = ''): PayloadChange[] {
  if (before === undefined && after === undefined) return [];
  if (before === undefined) return [{ path: path || '(root)', kind: 'added', after }];
  if (after === undefined) return [{ path: path || '(root)', kind: 'removed', before }];
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => diffPayload(before[k], after[k], childPath(path, k)));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const n = Math.max(before.length, after.length);
    return Array.from({ length: n }, (_, i) => diffPayload(before[i], after[i], childPath(path, i))).flat();
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path: path || '(root)', kind: 'changed', before, after }];
}
