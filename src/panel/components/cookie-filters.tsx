import { useActions, usePanel } from '../hooks.ts';
import { mark, MARKS } from '../lib/perf.ts';
import type { CookieFilter } from '../store/initial-state.ts';

type Flag = 'sessionOnly' | 'hasFindings' | 'secure' | 'httpOnly' | 'thirdParty';
const FLAGS: { id: Flag; label: string }[] = [
  { id: 'sessionOnly', label: 'Session only' }, { id: 'hasFindings', label: 'Has findings' }, { id: 'secure', label: 'Secure' },
  { id: 'httpOnly', label: 'HttpOnly' }, { id: 'thirdParty', label: 'Third-party' },
];

export function CookieFilters() {
  const filter = usePanel((s) => s.ui.filter);
  const { setFilter } = useActions();
  return (
    <div class="toolbar filters" role="search">
      <input type="search" data-testid="cookie-filter" placeholder="Filter name, domain, value" value={filter.text}
        onInput={(e) => {
          mark(MARKS.filterInput);
          setFilter({ text: (e.currentTarget as HTMLInputElement).value });
        }} />
      {FLAGS.map((f) => (
        <label key={f.id}><input type="checkbox" data-testid={`filter-${f.id}`} checked={filter[f.id]}
          onChange={(e) => setFilter({ [f.id]: (e.currentTarget as HTMLInputElement).checked } as Partial<CookieFilter>)} /> {f.label}</label>
      ))}
      <label>SameSite <select data-testid="filter-sameSite" value={filter.sameSite}
        onChange={(e) => setFilter({ sameSite: (e.currentTarget as HTMLSelectElement).value as CookieFilter['sameSite'] })}>
        <option value="any">any</option><option value="strict">Strict</option><option value="lax">Lax</option>
        <option value="none">None</option><option value="unspecified">not set</option>
      </select></label>
    </div>
  );
}
