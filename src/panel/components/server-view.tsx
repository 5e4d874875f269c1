import { useEffect, useState } from 'preact/hooks';
import { useActions, usePanel } from '../hooks.ts';
import { isSessionCookie } from '../lib/cookie-facts.ts';
import { formatClock } from '../lib/format-time.ts';
import { siteFor } from '../store/server-actions.ts';
import { ExtensionSettings } from './extension-settings.tsx';
import { ServerRecordView } from './server-record.tsx';

function CompanionBar() {
  const url = usePanel((s) => s.settings.companionUrl);
  const status = usePanel((s) => s.server.status);
  const error = usePanel((s) => s.server.error);
  const info = usePanel((s) => s.server.info);
  const { setCompanionUrl, connectCompanion } = useActions();
  const [draft, setDraft] = useState(url);
  useEffect(() => setDraft(url), [url]);
  return (
    <div class="companion-bar">
      <form class="toolbar" onSubmit={(e) => { e.preventDefault(); void setCompanionUrl(draft.trim()); }}>
        <label>Companion <input data-testid="companion-url" value={draft} size={28} onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)} /></label>
        <button type="submit">Connect</button>
        <button type="button" onClick={() => void connectCompanion()}>Retry</button>
        <span class={`status status-${status}`} data-testid="companion-status" data-status={status}>
          {status === 'online' ? `online · ${info?.sites.length ?? 0} site(s)` : status === 'checking' ? 'checking…' : status === 'offline' ? 'not running' : 'not checked'}
        </span>
      </form>
      {status === 'offline' && (
        <p class="notice" role="status" data-testid="companion-offline">
          The companion server is not running at {url}. Start it with <code>npx sessionscope companion</code> to see server-side
          session records. Cookies, decoding, findings and the timeline work without it.
        </p>
      )}
      {error && status === 'online' && <p class="muted">{error}</p>}
    </div>
  );
}

function EditSetting() {
  const allow = usePanel((s) => s.settings.allowEditAnyHost);
  const { setAllowRemoteEdit } = useActions();
  return (
    <details class="settings"><summary>Settings</summary>
      <label><input type="checkbox" data-testid="allow-remote-edit" checked={allow}
        onChange={(e) => setAllowRemoteEdit((e.currentTarget as HTMLInputElement).checked)} /> Allow edit &amp; re-sign on hosts other than localhost/loopback</label>
      {allow && <p class="warning" role="note">Re-signed cookies will be set on real sites too. Only do this on sites you own, with dev secrets.</p>}
      <ExtensionSettings />
    </details>
  );
}

export function ServerView() {
  const status = usePanel((s) => s.server.status);
  const cookies = usePanel((s) => s.cookies.list);
  const state = usePanel((s) => s.server);
  const events = state.events;
  const matched = cookies.filter((c) => isSessionCookie(c) && siteFor({ server: state }, c));
  const nowSec = Math.floor(Date.now() / 1000);
  return (
    <section class="server-view" aria-label="Server">
      <CompanionBar />
      {status === 'online' && matched.length === 0 && <p class="muted">No session cookie of a companion site in this tab.</p>}
      {matched.map((c) => (
        <div key={`${c.domain}|${c.name}`} class="server-pair">
          <div class="subhead">{c.name} @ {c.domain} <code class="mono">{c.value.slice(0, 40)}</code></div>
          <ServerRecordView cookie={c} nowSec={nowSec} />
        </div>
      ))}
      <EditSetting />
      {events.length > 0 && (
        <details open><summary>Live server events ({events.length})</summary>
          <ul class="server-events">{events.slice(-50).reverse().map((e, i) => (
            <li key={i} data-testid="server-event" data-type={e.type}>{formatClock(e.at * 1000)} {e.host} <b>{e.type}</b> <code>{e.key?.slice(0, 12) ?? ''}</code></li>
          ))}</ul>
        </details>
      )}
    </section>
  );
}
