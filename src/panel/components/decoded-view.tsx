import { useEffect } from 'preact/hooks';
import type { DecodeResult } from '../../core/decode/types.ts';
import { useActions, usePanel } from '../hooks.ts';
import { siteOf } from '../lib/cookie-facts.ts';
import { secretKindLabel } from '../lib/secret-kinds.ts';
import { formatDate, formatDuration, formatExpiresIn } from '../lib/format-time.ts';
import type { PanelCookie, SecretEntry } from '../model/types.ts';
import { decodeKey } from '../store/decode-actions.ts';
import { JsonTree } from './json-tree.tsx';

const STATUS_TEXT = { valid: 'Signature valid', invalid: 'Signature INVALID', unverified: 'Signature not verified (no matching secret entered)', 'not-applicable': 'Not signed' } as const;

function secretLabel(result: DecodeResult, secrets: SecretEntry[] | undefined, site: string): string {
  // say what was tried: a JWT checked against a Django SECRET_KEY fails without being forged
  if (result.signature === 'invalid' && secrets?.length) return ` for the ${secrets.length === 1 ? 'secret' : `${secrets.length} secrets`} entered for ${site}`;
  if (result.signature !== 'valid' || result.secretIndex == null) return '';
  const s = secrets?.[result.secretIndex];
  const name = s?.label || (s ? secretKindLabel(s.kind) : 'secret');
  return ` with ${name} #${result.secretIndex + 1}`;
}

function Times({ result, nowSec }: { result: DecodeResult; nowSec: number }) {
  return (
    <dl class="facts">
      {result.timestamp !== null && <><dt>Signed at</dt><dd>{formatDate(result.timestamp)} ({formatDuration(nowSec - result.timestamp)} ago)</dd></>}
      {result.expiresAt != null && <><dt>Expires</dt><dd>{formatDate(result.expiresAt)} — {formatExpiresIn(result.expiresAt, nowSec)}</dd></>}
      {result.expired !== null && <><dt>Expired</dt><dd>{result.expired ? 'yes' : 'no'}</dd></>}
      <dt>Compressed</dt><dd data-testid="compressed-flag">{result.compressed === null ? 'n/a' : result.compressed ? 'yes (zlib)' : 'no'}</dd>
    </dl>
  );
}

function copyJson(value: unknown, notify: (k: 'info' | 'error', t: string) => void) {
  const text = JSON.stringify(value, null, 2);
  navigator.clipboard?.writeText(text).then(() => notify('info', 'Payload copied as JSON'), () => notify('error', 'Clipboard refused: select the text instead'));
}

export function DecodedView({ cookie, nowSec }: { cookie: PanelCookie; nowSec: number }) {
  const site = siteOf(cookie.domain);
  const secrets = usePanel((s) => s.secrets.bySite[site]?.secrets);
  const entry = usePanel((s) => s.decoded[decodeKey(secrets, cookie.value)]);
  const { ensureDecoded, notify } = useActions();
  useEffect(() => { void ensureDecoded(cookie.value, cookie.name, cookie.domain); }, [cookie.value, cookie.name, cookie.domain, secrets, ensureDecoded]);

  if (!entry) return <p class="muted" data-testid="decoding">Decoding…</p>;
  const r = entry.result;
  return (
    <section class="decoded" aria-label="Decoded value">
      <div class="decoded-head">
        <span class="format">{r.format}{r.kind ? ` · ${r.kind}` : ''}</span>
        <span class={`sig sig-${r.signature}`} data-testid="signature-status" data-status={r.signature}>
          {STATUS_TEXT[r.signature]}{secretLabel(r, secrets, site)}
        </span>
      </div>
      {r.error && <p class="error" role="alert">{r.error}</p>}
      <Times result={r} nowSec={nowSec} />
      {r.payload !== null
        ? <>
          <div class="subhead">Payload <button type="button" data-testid="copy-json" onClick={() => copyJson(r.payload, notify)}>Copy as JSON</button></div>
          <JsonTree value={r.payload} testId="decoded-payload" />
        </>
        : <p class="muted" data-testid="decoded-payload" data-empty="true">No decodable payload (opaque value).</p>}
      {r.parts && Object.keys(r.parts).length > 0 && (
        <details class="parts"><summary>Raw parts</summary>
          <dl class="facts mono">{Object.entries(r.parts).map(([k, v]) => <><dt key={k}>{k}</dt><dd>{v}</dd></>)}</dl>
        </details>
      )}
      {r.reasons.length > 0 && <details><summary>Why {r.format}</summary><ul>{r.reasons.map((x) => <li key={x}>{x}</li>)}</ul></details>}
    </section>
  );
}
