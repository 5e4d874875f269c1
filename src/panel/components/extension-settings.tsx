import { useState } from 'preact/hooks';
import { LIMITS } from '../../core/protocol/index.ts';
import { useActions, usePanel } from '../hooks.ts';

/** The in-page badge everywhere or per site, and how many events the background keeps per tab. */
export function ExtensionSettings() {
  const settings = usePanel((s) => s.settings);
  const { updateSettings, notify } = useActions();
  const [draft, setDraft] = useState<string | null>(null);
  // committed on Enter or Set, not per keystroke: "2" on the way to "20000" is not a setting
  const commitLimit = (e: Event) => {
    e.preventDefault();
    if (draft === null) return;
    const n = Number(draft);
    setDraft(null);
    if (Number.isInteger(n) && n >= LIMITS.timelineLimitMin && n <= LIMITS.timelineLimitMax) updateSettings({ timelineLimit: n });
    else notify('error', `Timeline size must be a whole number from ${LIMITS.timelineLimitMin} to ${LIMITS.timelineLimitMax}`);
  };
  return (
    <div class="extension-settings">
      <label><input type="checkbox" data-testid="badge-enabled" checked={settings.badgeEnabled}
        onChange={(e) => updateSettings({ badgeEnabled: (e.currentTarget as HTMLInputElement).checked })} /> Show the in-page findings badge</label>
      {settings.badgeDisabledSites.length > 0 && (
        <ul class="badge-off-sites" aria-label="Sites where the badge is off">{settings.badgeDisabledSites.map((site) => (
          <li key={site} data-testid="badge-off-site">Badge off on <code>{site}</code> <button type="button" data-testid="badge-site-on"
            onClick={() => updateSettings({ badgeDisabledSites: settings.badgeDisabledSites.filter((x) => x !== site) })}>turn back on</button></li>
        ))}</ul>
      )}
      <form onSubmit={commitLimit}>
        <label>Timeline events kept per tab <input type="number" data-testid="timeline-limit" min={LIMITS.timelineLimitMin}
          max={LIMITS.timelineLimitMax} step={100} value={draft ?? settings.timelineLimit}
          onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)} /></label>
        <button type="submit" data-testid="timeline-limit-set">Set</button>
      </form>
    </div>
  );
}
