import { useState } from 'preact/hooks';
import { useActions, usePanel } from '../hooks.ts';
import { formatClock } from '../lib/format-time.ts';
import { memoizeLast } from '../lib/memoize.ts';
import type { TimelineEvent } from '../model/types.ts';
import { timelineCookieNames } from '../store/selectors.ts';
import { selectDerivedTimeline } from '../store/server-selectors.ts';
import { PayloadDiff } from './payload-diff.tsx';
import { VirtualList } from './virtual-list.tsx';

const LABEL: Record<TimelineEvent['kind'], string> = {
  'set-http': 'set by HTTP', 'set-script': 'set by script', 'set-other': 'set', overwritten: 'overwritten', 'key-rotated': 'key rotated',
  deleted: 'deleted', expired: 'expired', replaced: 'replaced', 'set-cookie-header': 'Set-Cookie header', 'script-write': 'script write',
  blocked: 'blocked by browser', login: 'login (password form)', navigation: 'navigation',
};

const byName = memoizeLast((rows: TimelineEvent[], name: string | null) => (name === null ? rows : rows.filter((e) => e.name === name)));

export function TimelineView() {
  const all = usePanel(selectDerivedTimeline);
  const name = usePanel((s) => s.ui.timelineCookie);
  const dropped = usePanel((s) => s.timeline.dropped);
  const names = timelineCookieNames(all);
  const rows = byName(all, name);
  const { setTimelineCookie } = useActions();
  const [selected, setSelected] = useState<TimelineEvent | null>(null);

  return (
    <section class="timeline-view" aria-label="Timeline">
      <div class="toolbar">
        <label>Cookie <select data-testid="timeline-filter" value={name ?? ''} onChange={(e) => setTimelineCookie((e.currentTarget as HTMLSelectElement).value || null)}>
          <option value="">all cookies</option>
          {names.filter(Boolean).map((n) => <option key={n} value={n}>{n}</option>)}
        </select></label>
        <span>{rows.length} event(s)</span>
        {dropped > 0 && <span class="warning" data-testid="timeline-dropped">{dropped} older event(s) dropped from the buffer</span>}
      </div>
      <VirtualList items={rows} rowHeight={22} label="Timeline events" class="timeline-list" renderRow={(e) => (
        <div key={e.id} class={`row timeline-row kind-${e.kind}${selected?.id === e.id ? ' selected' : ''}`} data-testid="timeline-event"
          data-kind={e.kind} data-cookie-name={e.name} onClick={() => setSelected(e)}>
          <span class="cell time">{formatClock(e.at)}</span>
          <span class="cell kind">{LABEL[e.kind]}</span>
          <span class="cell name">{e.name}</span>
          <span class="cell mono">{e.kind === 'deleted' || e.kind === 'expired' ? '' : e.value?.slice(0, 120) ?? e.detail ?? ''}</span>
          <span class="cell muted">{e.source ?? ''}</span>
        </div>
      )} />
      {selected && <div class="timeline-detail" data-testid="timeline-detail"><b>{selected.name}</b> {LABEL[selected.kind]} <PayloadDiff event={selected} /></div>}
    </section>
  );
}
