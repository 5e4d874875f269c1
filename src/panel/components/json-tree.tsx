// Collapsible payload tree, hand-written: the JSON-viewer packages are React components (a compat
// shim in the panel bundle) and far larger than the 40 lines this needs.
import { useState } from 'preact/hooks';
import type { Json } from '../../core/protocol/index.ts';
import { formatDate } from '../lib/format-time.ts';

/** Claims and session fields that hold unix seconds: shown with their date so nobody converts by hand. */
const TIME_KEYS = /^(exp|iat|nbf|auth_time|_session_expiry|expires?|expires_at|issued_at|created_at|updated_at|last_login)$/i;

function Leaf({ name, value }: { name: string | null; value: Json }) {
  const kind = value === null ? 'null' : typeof value;
  const isTime = typeof value === 'number' && name !== null && TIME_KEYS.test(name) && value > 1e9 && value < 1e10;
  return (
    <>
      <span class={`json-${kind}`}>{typeof value === 'string' ? JSON.stringify(value) : String(value)}</span>
      {isTime && <span class="json-date" data-testid="json-date"> {formatDate(value)}</span>}
    </>
  );
}

function Node({ name, value, depth }: { name: string | null; value: Json; depth: number }) {
  const isContainer = typeof value === 'object' && value !== null;
  const [open, setOpen] = useState(depth < 2);
  const label = name === null ? null : <span class="json-key">{name}: </span>;
  if (!isContainer) return <li>{label}<Leaf name={name} value={value} /></li>;
  const entries: [string, Json][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  const summary = Array.isArray(value) ? `Array(${entries.length})` : `{${entries.length}}`;
  return (
    <li>
      <button type="button" class="twisty" aria-expanded={open} onClick={() => setOpen(!open)}>{open ? '▾' : '▸'}</button>
      {label}<span class="json-summary">{summary}</span>
      {open && <ul>{entries.map(([k, v]) => <Node key={k} name={k} value={v} depth={depth + 1} />)}</ul>}
    </li>
  );
}

/** Collapsible payload tree; the first two levels start open. */
export function JsonTree({ value, testId }: { value: Json; testId?: string }) {
  return <ul class="json-tree" data-testid={testId}><Node name={null} value={value} depth={0} /></ul>;
}
