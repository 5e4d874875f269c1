import { usePanel } from '../hooks.ts';
import { formatDate, formatExpiresIn } from '../lib/format-time.ts';
import { diagnoseFixation, diagnoseRecord } from '../lib/server-diagnostics.ts';
import type { PanelCookie } from '../model/types.ts';
import { siteFor } from '../store/server-actions.ts';
import { selectDerivedTimeline, selectRecordFor } from '../store/server-selectors.ts';
import { JsonTree } from './json-tree.tsx';

/** The server's record beside one session cookie, with what disagrees between the two. */
export function ServerRecordView({ cookie, nowSec }: { cookie: PanelCookie; nowSec: number }) {
  const status = usePanel((s) => s.server.status);
  const site = usePanel((s) => siteFor(s, cookie));
  const record = usePanel((s) => selectRecordFor(s, cookie));
  const rows = usePanel(selectDerivedTimeline);
  if (status !== 'online') return null;
  if (!site) return null;
  if (!record) return <p class="muted" data-testid="server-record-loading">Fetching the {site.engine} record…</p>;
  const diagnostics = [...diagnoseRecord(cookie, record, nowSec)];
  const fixation = diagnoseFixation(cookie, record, rows);
  if (fixation) diagnostics.push(fixation);
  return (
    <section class="server-record" data-testid="server-record" data-engine={record.engine ?? site.engine} data-found={String(record.found)}
      aria-label="Server record">
      <div class="subhead">Server record · <b>{record.engine ?? site.engine}</b> · {record.found ? 'found' : 'not found'}</div>
      {record.found && (
        <dl class="facts">
          <dt>Expires</dt><dd data-testid="server-expiry">{record.expiresAt === null ? 'never / unknown' : `${formatDate(record.expiresAt)} — ${
            // the server's clock decides (fault injection may have moved it), not the browser's
            record.expired ? 'expired on the server' : formatExpiresIn(record.expiresAt, nowSec)}`}</dd>
          {record.location && <><dt>Stored in</dt><dd class="mono">{record.location}</dd></>}
        </dl>
      )}
      {record.error && <p class="error">{record.error}</p>}
      {record.data !== null && <JsonTree value={record.data} testId="server-data" />}
      {diagnostics.length > 0 && (
        <ul class="diagnostics">{diagnostics.map((d) => (
          <li key={d.rule} class={`sev-${d.severity}`} data-testid="server-diagnostic" data-rule={d.rule}><b>{d.rule}</b>: {d.message}</li>
        ))}</ul>
      )}
    </section>
  );
}
