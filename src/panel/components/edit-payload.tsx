import { useEffect, useState } from 'preact/hooks';
import type { Json } from '../../core/protocol/index.ts';
import { useActions, usePanel } from '../hooks.ts';
import { hostOf, isLoopbackHost } from '../lib/cookie-facts.ts';
import type { PanelCookie } from '../model/types.ts';

/** Edit the decoded payload, re-sign it with the site's dev secret and set the cookie. */
export function EditPayload({ cookie, payload }: { cookie: PanelCookie; payload: Json }) {
  const allowAny = usePanel((s) => s.settings.allowEditAnyHost);
  const { resignAndSet } = useActions();
  const [text, setText] = useState(() => JSON.stringify(payload, null, 2));
  const [busy, setBusy] = useState(false);
  useEffect(() => setText(JSON.stringify(payload, null, 2)), [payload]);
  const allowed = allowAny || isLoopbackHost(cookie.domain);

  return (
    <details class="edit" data-testid="edit-payload">
      <summary>Edit &amp; re-sign</summary>
      {!allowed
        ? <p class="muted">Editing is limited to localhost/loopback hosts; {hostOf(cookie.domain)} is not one.</p>
        : <>
          <textarea data-testid="edit-json" rows={8} spellcheck={false} value={text}
            onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
          <button type="button" data-testid="resign-set" disabled={busy}
            onClick={() => { setBusy(true); void resignAndSet(cookie, text).finally(() => setBusy(false)); }}>
            Re-sign with the dev secret and set cookie
          </button>
        </>}
    </details>
  );
}
