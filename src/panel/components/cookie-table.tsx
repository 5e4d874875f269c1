import { memo } from 'preact/compat';
import { useLayoutEffect } from 'preact/hooks';
import { mark, MARKS } from '../lib/perf.ts';
import type { TargetedKeyboardEvent } from 'preact';
import { useActions, usePanel } from '../hooks.ts';
import { cookieSize, formatOf } from '../lib/cookie-facts.ts';
import { BROWSER_HAS_PRIORITY, prioritiesFromHeaders, priorityOf, type Priority } from '../lib/cookie-priority.ts';
import { formatDate } from '../lib/format-time.ts';
import { cookieId, type PanelCookie, type PanelFinding } from '../model/types.ts';
import type { SortColumn } from '../store/initial-state.ts';
import { indexFindings, NO_FINDINGS, selectVisibleCookies, SEVERITY_ORDER } from '../store/selectors.ts';
import { findingKey } from '../lib/cookie-facts.ts';
import { VirtualList } from './virtual-list.tsx';

export const ROW_HEIGHT = 22;

const COLUMNS: { id: SortColumn; label: string }[] = [
  { id: 'name', label: 'Name' }, { id: 'value', label: 'Value' }, { id: 'domain', label: 'Domain' },
  { id: 'path', label: 'Path' }, { id: 'expires', label: 'Expires / Max-Age' }, { id: 'size', label: 'Size' },
  { id: 'httpOnly', label: 'HttpOnly' }, { id: 'secure', label: 'Secure' }, { id: 'sameSite', label: 'SameSite' },
  { id: 'partitionKey', label: 'Partition Key' }, { id: 'priority', label: 'Priority' },
  { id: 'format', label: 'Session' }, { id: 'findings', label: 'Findings' },
];

const SAME_SITE_LABEL = { strict: 'Strict', lax: 'Lax', none: 'None', unspecified: '' } as const;

function worst(findings: PanelFinding[]): string {
  for (const s of SEVERITY_ORDER) if (findings.some((f) => f.severity === s)) return s;
  return '';
}

const CookieRow = memo(function CookieRow({ cookie, findings, selected, priority, onSelect }: {
  cookie: PanelCookie; findings: PanelFinding[]; selected: boolean; priority: Priority | null; onSelect(id: string): void;
}) {
  const id = cookieId(cookie);
  return (
    <div class={`row cookie-row${selected ? ' selected' : ''}`} role="row" aria-selected={selected}
      data-testid="cookie-row" data-cookie-name={cookie.name} data-cookie-domain={cookie.domain} onClick={() => onSelect(id)}>
      <span class="cell name" title={cookie.name}>{cookie.name}</span>
      <span class="cell mono" title={cookie.value.slice(0, 500)}>{cookie.value.slice(0, 200)}</span>
      <span class="cell">{cookie.domain}</span>
      <span class="cell">{cookie.path}</span>
      <span class="cell">{cookie.expires === null ? 'Session' : formatDate(cookie.expires)}</span>
      <span class="cell num">{cookieSize(cookie)}</span>
      <span class="cell check">{cookie.httpOnly ? '✓' : ''}</span>
      <span class="cell check">{cookie.secure ? '✓' : ''}</span>
      <span class="cell">{SAME_SITE_LABEL[cookie.sameSite]}</span>
      <span class="cell">{cookie.partitionKey ?? ''}</span>
      <span class="cell" data-testid="cookie-priority" title={priority ? undefined : 'no Set-Cookie header seen for it (the cookies API does not expose Priority)'}>{priority ?? ''}</span>
      <span class="cell">{formatOf(cookie) ?? ''}</span>
      <span class={`cell sev-${worst(findings)}`}>{findings.length || ''}</span>
    </div>
  );
});

function HeaderRow() {
  const sort = usePanel((s) => s.ui.sort);
  const { toggleSort } = useActions();
  return (
    <div class="row header" role="row">
      {COLUMNS.map((c) => (
        <span class="cell" role="columnheader" key={c.id} aria-sort={sort.column === c.id ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
          <button type="button" class="sort" aria-label={`Sort by ${c.label}`} data-testid={`sort-${c.id}`}
            onClick={() => toggleSort(c.id)}>
            {c.label}{sort.column === c.id ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
          </button>
        </span>
      ))}
    </div>
  );
}

export function CookieTable() {
  const rows = usePanel(selectVisibleCookies);
  const findingList = usePanel((s) => s.findings.list);
  const selectedId = usePanel((s) => s.ui.selectedId);
  const { select, moveSelection, setTab, setTimelineCookie } = useActions();
  const index = indexFindings(findingList);
  const activeIndex = rows.findIndex((c) => cookieId(c) === selectedId);
  const filterText = usePanel((s) => s.ui.filter.text);
  const priorities = prioritiesFromHeaders(usePanel((s) => s.timeline.raw), BROWSER_HAS_PRIORITY);
  // after the DOM commit of the new rows: what the bench's keystroke-to-rows figure measures
  useLayoutEffect(() => mark(MARKS.filterApplied), [filterText]);

  function onKeyDown(e: TargetedKeyboardEvent<HTMLDivElement>) {
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 20, PageUp: -20, Home: -Infinity, End: Infinity };
    const step = steps[e.key];
    if (step !== undefined) { e.preventDefault(); moveSelection(Number.isFinite(step) ? step : step > 0 ? rows.length : -rows.length); }
    else if (e.key === 'Enter' && selectedId) { e.preventDefault(); document.getElementById('cookie-details')?.focus(); }
    else if (e.key === 'Escape') select(null);
    else if (e.key === 't' && activeIndex >= 0) { setTimelineCookie(rows[activeIndex].name); setTab('timeline'); }
  }

  return (
    <div class="cookie-table" data-testid="cookie-table">
      <HeaderRow />
      {rows.length === 0
        ? <p class="empty" data-testid="cookies-empty">No cookies match.</p>
        : <VirtualList items={rows} rowHeight={ROW_HEIGHT} activeIndex={activeIndex} onKeyDown={onKeyDown} label="Cookies"
          testId="cookie-grid" renderRow={(c) => (
            <CookieRow key={cookieId(c)} cookie={c} findings={index.get(findingKey(c)) ?? NO_FINDINGS}
              selected={activeIndex >= 0 && cookieId(c) === selectedId} priority={priorityOf(c, priorities)} onSelect={select} />
          )} />}
    </div>
  );
}
