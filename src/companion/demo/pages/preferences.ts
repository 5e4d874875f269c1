// User preferences as a nested dict with defaults. Saving mutates the nested dict in place, which Django
// does not notice on its own: the handler sets `session.modified`, the way real apps must.
import { html } from '../html.ts';
import { page, redirect, type DemoRequest } from '../context.ts';
import type { CompanionResponse } from '../../types.ts';
import type { PyDict, PyValue } from '../../py/value.ts';

const THEMES = ['light', 'dark', 'system'];
const DIGESTS = ['never', 'daily', 'weekly'];
const defaults = (): PyDict => new Map<string, PyValue>([
  ['theme', 'system'], ['notifications', new Map<string, PyValue>([['email', true], ['digest', 'weekly']])],
]);

/** The stored prefs merged over the defaults (stored values win; unknown stored keys are kept). */
async function readPrefs(d: DemoRequest): Promise<{ theme: string; email: boolean; digest: string }> {
  const stored = await d.session.get('prefs');
  const merged = defaults();
  if (stored instanceof Map) for (const [k, v] of stored) merged.set(k, v);
  const notes = merged.get('notifications');
  const n = notes instanceof Map ? notes : new Map<string, PyValue>();
  return { theme: String(merged.get('theme')), email: n.get('email') === true, digest: String(n.get('digest') ?? 'weekly') };
}

export async function showPreferences(d: DemoRequest): Promise<CompanionResponse> {
  const p = await readPrefs(d);
  const option = (value: string, current: string) => html`<option value="${value}" ${value === current ? html`selected` : ''}>${value}</option>`;
  return page(d, 'Preferences', 'preferences', html`<h1>Preferences</h1><p class="lead">A nested dict in <code>request.session["prefs"]</code>, with defaults.</p>
<form method="post" action="/demo/preferences" class="card" data-testid="preferences-form">
<label for="theme">Theme</label><select id="theme" name="theme" data-testid="pref-theme">${THEMES.map((t) => option(t, p.theme))}</select>
<label class="check"><input type="checkbox" name="email" value="1" ${p.email ? html`checked` : ''} data-testid="pref-email"> Email notifications</label>
<label for="digest">Digest</label><select id="digest" name="digest" data-testid="pref-digest">${DIGESTS.map((t) => option(t, p.digest))}</select>
<div class="actions"><button type="submit" data-testid="pref-save">Save preferences</button></div>
<p class="hint">Changing <code>prefs["notifications"]["email"]</code> in place does not mark the session modified; the view sets <code>request.session.modified = True</code>.</p>
</form>`);
}

export async function savePreferences(d: DemoRequest): Promise<CompanionResponse> {
  const theme = d.form.get('theme') ?? '';
  const digest = d.form.get('digest') ?? '';
  if (!THEMES.includes(theme) || !DIGESTS.includes(digest)) {
    d.flash.add('error', 'Please choose a theme and a digest from the lists.');
    return redirect('/demo/preferences');
  }
  let prefs = await d.session.get('prefs');
  if (!(prefs instanceof Map)) {
    prefs = defaults();
    await d.session.setItem('prefs', prefs);
  }
  let notes = prefs.get('notifications');
  if (!(notes instanceof Map)) { notes = new Map(); prefs.set('notifications', notes); }
  prefs.set('theme', theme);
  notes.set('email', d.form.get('email') === '1');
  notes.set('digest', digest);
  d.session.modified = true;
  d.flash.add('success', 'Preferences saved.');
  return redirect('/demo/preferences');
}
