import { useEffect } from 'preact/hooks';
import { useActions, usePanel } from '../hooks.ts';
import { siteOf } from '../lib/cookie-facts.ts';
import { diffPayload } from '../lib/diff-payload.ts';
import type { TimelineEvent } from '../model/types.ts';
import { decodeKey } from '../store/decode-actions.ts';

const show = (v: unknown) => (v === undefined ? '' : JSON.stringify(v));

/** What changed in the decoded payload between the previous and this version of a cookie. */
export function PayloadDiff({ event }: { event: TimelineEvent }) {
  const site = siteOf(event.domain || 'localhost');
  const secrets = usePanel((s) => s.secrets.bySite[site]?.secrets);
  const before = usePanel((s) => (event.previousValue ? s.decoded[decodeKey(secrets, event.previousValue)]?.result : undefined));
  const after = usePanel((s) => (event.value ? s.decoded[decodeKey(secrets, event.value)]?.result : undefined));
  const { ensureDecoded } = useActions();
  useEffect(() => {
    if (event.previousValue) void ensureDecoded(event.previousValue, event.name, event.domain);
    if (event.value) void ensureDecoded(event.value, event.name, event.domain);
  }, [event, secrets, ensureDecoded]);

  if (!event.previousValue && !event.value) return <p class="muted">{event.detail ?? 'No cookie value for this event.'}</p>;
  if ((event.previousValue && !before) || (event.value && !after)) return <p class="muted">Decoding…</p>;
  const changes = diffPayload(before?.payload ?? undefined, after?.payload ?? undefined);
  return (
    <div class="payload-diff" data-testid="payload-diff">
      <div class="muted">{before ? `${before.format} → ` : ''}{after ? after.format : 'removed'}</div>
      {changes.length === 0
        ? <p class="muted">{event.previousValue && event.value && event.previousValue !== event.value ? 'Value changed; decoded payload identical (re-signed or new key).' : 'No payload change.'}</p>
        : <table class="diff"><tbody>{changes.map((c) => (
          <tr key={c.path} class={`diff-${c.kind}`} data-testid="diff-row" data-kind={c.kind}>
            <td class="mono">{c.path}</td><td>{c.kind}</td><td class="mono">{show(c.before)}</td><td class="mono">{show(c.after)}</td>
          </tr>))}</tbody></table>}
    </div>
  );
}
