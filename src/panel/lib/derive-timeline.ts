// Turns raw store changes into what a developer means: a removal caused by an overwrite plus the
// following set is one "overwritten" (or, for an opaque session id, "key rotated") step, carrying
// the previous value so the decoded payloads can be diffed.
import type { TimelineEvent } from '../model/types.ts';

const OPAQUE_ID = /^[A-Za-z0-9_-]{16,}$/;
const SESSIONISH = /sess|sid|auth|token|login/i;

function isRotation(name: string, before: string, after: string): boolean {
  return SESSIONISH.test(name) && OPAQUE_ID.test(before) && OPAQUE_ID.test(after);
}

const keyOf = (e: TimelineEvent) => `${e.name}\u0000${e.domain}\u0000${e.path}`;

export function deriveTimeline(events: TimelineEvent[]): TimelineEvent[] {
  const live = new Map<string, string>();
  const rows: TimelineEvent[] = [];
  for (const e of events) {
    if (e.kind === 'replaced') { live.set(keyOf(e), e.previousValue ?? ''); continue; }
    if (e.kind !== 'set-http' && e.kind !== 'set-script' && e.kind !== 'set-other') {
      if (e.kind === 'deleted' || e.kind === 'expired') live.delete(keyOf(e));
      rows.push(e);
      continue;
    }
    const key = keyOf(e);
    const before = live.get(key);
    live.set(key, e.value ?? '');
    if (before === undefined || e.value === null) { rows.push(e); continue; }
    const kind = isRotation(e.name, before, e.value) && before !== e.value ? 'key-rotated' : 'overwritten';
    rows.push({ ...e, kind, previousValue: before, detail: e.kind === 'set-script' ? 'by script' : e.detail ?? null });
  }
  return rows;
}
