import { useLayoutEffect, useRef } from 'preact/hooks';
import { useActions, usePanel } from '../hooks.ts';
import { mark, MARKS } from '../lib/perf.ts';
import type { PanelTab } from '../store/initial-state.ts';
import { countTimelineRows } from '../store/selectors.ts';
import { selectAllFindings } from '../store/server-selectors.ts';
import { CookieDetails } from './cookie-details.tsx';
import { CookieFilters } from './cookie-filters.tsx';
import { CookieTable } from './cookie-table.tsx';
import { FindingsView } from './findings-view.tsx';
import { ServerView } from './server-view.tsx';
import { TimelineView } from './timeline-view.tsx';

const STATUS_TEXT = {
  idle: 'Starting…', connecting: 'Connecting to the extension…', connected: '', disconnected: 'Reconnecting to the extension (service worker restarted)…',
  'no-tab': 'No inspected tab: open this panel from DevTools, or add ?tabId=N (or ?mock=1 for demo data).',
} as const;

function ConnectionBanner() {
  const c = usePanel((s) => s.connection);
  if (c.status === 'connected' && !c.lastError) return null;
  return (
    <div class={`banner banner-${c.status}`} role="status" data-testid="connection-status" data-status={c.status}>
      {STATUS_TEXT[c.status]}{c.lastError ? ` (${c.lastError})` : ''}
    </div>
  );
}

function Notice() {
  const notice = usePanel((s) => s.ui.notice);
  const { notify } = useActions();
  if (!notice || !notice.text) return null;
  return (
    <div class={`banner notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
      {notice.text} <button type="button" class="link" aria-label="Dismiss" onClick={() => notify('info', '')}>✕</button>
    </div>
  );
}

function Tabs() {
  const tab = usePanel((s) => s.ui.tab);
  const counts = usePanel((s) => `${s.cookies.list.length}|${selectAllFindings(s, Date.now()).length}|${countTimelineRows(s.timeline.raw)}`);
  const [cookies, findings, events] = counts.split('|');
  const { setTab } = useActions();
  const items: { id: PanelTab; label: string }[] = [
    { id: 'cookies', label: `Cookies (${cookies})` }, { id: 'findings', label: `Findings (${findings})` },
    { id: 'timeline', label: `Timeline (${events})` }, { id: 'server', label: 'Server' },
  ];
  return (
    <nav class="tabs" role="tablist">
      {items.map((t) => (
        <button type="button" role="tab" key={t.id} aria-selected={tab === t.id} data-testid={`tab-${t.id}`} onClick={() => setTab(t.id)}>{t.label}</button>
      ))}
    </nav>
  );
}

function FirstRenderMark() {
  const loaded = usePanel((s) => s.connection.status === 'connected');
  const done = useRef(false);
  useLayoutEffect(() => { if (loaded && !done.current) { done.current = true; mark(MARKS.firstRender); } }, [loaded]);
  return null;
}

export function App() {
  const tab = usePanel((s) => s.ui.tab);
  return (
    <main class="panel" data-testid="panel-root">
      <Tabs />
      <ConnectionBanner />
      <Notice />
      <FirstRenderMark />
      {tab === 'cookies' && (
        <div class="split">
          <div class="split-main"><CookieFilters /><CookieTable /></div>
          <CookieDetails />
        </div>
      )}
      {tab === 'findings' && <FindingsView />}
      {tab === 'timeline' && <TimelineView />}
      {tab === 'server' && <ServerView />}
    </main>
  );
}
