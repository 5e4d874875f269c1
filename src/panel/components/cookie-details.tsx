import { useEffect, useState } from 'preact/hooks';
import { useActions, usePanel } from '../hooks.ts';
import { cookieSize, isSessionCookie, siteOf } from '../lib/cookie-facts.ts';
import { formatDate, formatExpiresIn } from '../lib/format-time.ts';
import type { PanelCookie } from '../model/types.ts';
import { decodeKey } from '../store/decode-actions.ts';
import { findingsFor, NO_FINDINGS, selectSelectedCookie } from '../store/selectors.ts';
import { DecodedView } from './decoded-view.tsx';
import { EditPayload } from './edit-payload.tsx';
import { FindingItem } from './finding-item.tsx';
import { SecretsForm } from './secrets-form.tsx';
import { ServerRecordView } from './server-record.tsx';

/** Seconds clock for "expires in" texts; ticks slowly, nothing here needs better. */
function useNowSec(): number {
  const [now, setNow] = useState(() => Math.floor(Date.now() / 1000));
  useEffect(() => { const t = setInterval(() => setNow(Math.floor(Date.now() / 1000)), 30_000); return () => clearInterval(t); }, []);
  return now;
}

function Attributes({ cookie, nowSec }: { cookie: PanelCookie; nowSec: number }) {
  return (
    <dl class="facts">
      <dt>Domain</dt><dd>{cookie.domain}{cookie.hostOnly ? ' (host-only)' : ''}</dd>
      <dt>Path</dt><dd>{cookie.path}</dd>
      <dt>Expires</dt><dd>{cookie.expires === null ? 'browser session' : `${formatDate(cookie.expires)} — ${formatExpiresIn(cookie.expires, nowSec)}`}</dd>
      <dt>Flags</dt><dd>{[cookie.httpOnly && 'HttpOnly', cookie.secure && 'Secure', `SameSite=${cookie.sameSite}`, cookie.partitionKey && `Partitioned (${cookie.partitionKey})`].filter(Boolean).join(' · ')}</dd>
      <dt>Size</dt><dd>{cookieSize(cookie)} bytes</dd>
    </dl>
  );
}

function hostOfUrl(url: string | null): string | null {
  if (!url) return null;
  try { return /^https?:$/.test(new URL(url).protocol) ? new URL(url).hostname : null; } catch { return null; }
}

function EditIfDecoded({ cookie }: { cookie: PanelCookie }) {
  const secrets = usePanel((s) => s.secrets.bySite[siteOf(cookie.domain)]?.secrets);
  const result = usePanel((s) => s.decoded[decodeKey(secrets, cookie.value)]?.result);
  if (!result || result.payload === null || result.signature !== 'valid') return null;
  return <EditPayload cookie={cookie} payload={result.payload} />;
}

export function CookieDetails() {
  const cookie = usePanel(selectSelectedCookie);
  const findings = usePanel((s) => (cookie ? findingsFor(s, cookie) : NO_FINDINGS));
  const { setTab, setTimelineCookie } = useActions();
  const nowSec = useNowSec();
  const pageHost = usePanel((s) => hostOfUrl(s.page.url));
  if (!cookie) {
    // secrets can be entered before picking a cookie: they apply to the inspected page's site
    return (
      <aside class="details empty" id="cookie-details" tabIndex={-1}>
        <p class="muted">Select a cookie to decode it.</p>
        {pageHost && <SecretsForm domain={pageHost} />}
      </aside>
    );
  }
  return (
    <aside class="details" id="cookie-details" tabIndex={-1} data-testid="cookie-details" aria-label={`Cookie ${cookie.name}`}>
      <h2>{cookie.name} <button type="button" class="link" onClick={() => { setTimelineCookie(cookie.name); setTab('timeline'); }}>history</button></h2>
      <Attributes cookie={cookie} nowSec={nowSec} />
      <DecodedView cookie={cookie} nowSec={nowSec} />
      {isSessionCookie(cookie) && <ServerRecordView cookie={cookie} nowSec={nowSec} />}
      {findings.length > 0 && <ul class="findings compact">{findings.map((f, i) => <FindingItem key={`${f.rule}-${i}`} finding={f} />)}</ul>}
      <SecretsForm domain={cookie.domain} />
      <EditIfDecoded cookie={cookie} />
    </aside>
  );
}
