import { useEffect, useRef, useState } from 'preact/hooks';
import type { SecretKind } from '../../core/protocol/index.ts';
import { useActions, usePanel } from '../hooks.ts';
import { siteOf } from '../lib/cookie-facts.ts';
import { mask } from '../lib/server-diagnostics.ts';
import { SECRET_KINDS, secretKindLabel } from '../lib/secret-kinds.ts';


/** Dev secrets for one site: session-only by default; persisting is an explicit, warned opt-in. */
export function SecretsForm({ domain, defaultKind = 'django' }: { domain: string; defaultKind?: SecretKind }) {
  const site = siteOf(domain);
  const saved = usePanel((s) => s.secrets.bySite[site]);
  const error = usePanel((s) => s.secrets.error);
  const { loadSecrets, saveSecrets } = useActions();
  const [kind, setKind] = useState<SecretKind>(defaultKind);
  const [value, setValue] = useState('');
  const [persist, setPersist] = useState(false);
  // the stored choice arrives asynchronously; it must not undo a box the developer already ticked
  const touched = useRef(false);
  useEffect(() => { void loadSecrets(domain); }, [domain, loadSecrets]);
  useEffect(() => { if (!touched.current) setPersist(saved?.persist ?? false); }, [saved?.persist]);

  const existing = saved?.secrets ?? [];
  // secrets already saved move at once: unticking must not leave them on disk until the next Save
  const togglePersist = (checked: boolean) => {
    touched.current = true;
    setPersist(checked);
    if (existing.length > 0) void saveSecrets(domain, existing, checked);
  };
  const submit = (e: Event) => {
    e.preventDefault();
    const next = value ? [...existing, { kind, value }] : existing;
    void saveSecrets(domain, next, persist).then(() => setValue(''));
  };

  return (
    <form class="secrets" onSubmit={submit} aria-label={`Secrets for ${site}`}>
      <div class="subhead">Secrets for <b>{site}</b> <span class="muted">(kept on this machine, never sent)</span></div>
      {existing.length > 0 && (
        <ul class="secret-list">{existing.map((s, i) => (
          <li key={i} data-testid="secret-entry">{secretKindLabel(s.kind)} #{i + 1}: <code>{mask(s.value)}</code>
            <button type="button" aria-label="Remove secret" onClick={() => void saveSecrets(domain, existing.filter((_, j) => j !== i), persist)}>✕</button></li>
        ))}</ul>
      )}
      <div class="secret-row">
        <select value={kind} aria-label="Secret kind" onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as SecretKind)}>
          {SECRET_KINDS.map((k) => <option key={k.id} value={k.id}>{k.label}</option>)}
        </select>
        <input type="password" data-testid="secret-input" placeholder="paste the dev secret" autocomplete="off" spellcheck={false}
          value={value} onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)} />
        <button type="submit" data-testid="secret-save">Save</button>
      </div>
      <label class="persist"><input type="checkbox" data-testid="secret-persist" checked={persist}
        onChange={(e) => togglePersist((e.currentTarget as HTMLInputElement).checked)} /> Remember after the browser closes</label>
      {persist && <p class="warning" role="note">Persisted secrets are written unencrypted to this browser profile (storage.local). They are never synced or sent, but anyone with access to the profile can read them. Use dev secrets only.</p>}
      {error && <p class="error" role="alert">{error}</p>}
    </form>
  );
}
