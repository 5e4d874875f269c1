import { useState } from 'preact/hooks';
import { usePanel, useStoreApi } from '../hooks.ts';
import { downloadText, exportFindings, sessionValuesOf, type ExportFormat } from '../lib/export-findings.ts';
import { groupFindings } from '../store/selectors.ts';
import { selectAllFindings } from '../store/server-selectors.ts';
import { FindingItem } from './finding-item.tsx';

const EXPORTS: { id: ExportFormat; label: string }[] = [{ id: 'json', label: 'JSON' }, { id: 'sarif', label: 'SARIF' }, { id: 'markdown', label: 'Markdown' }];

/** Findings grouped by severity, worst first; includes the server-correlation diagnostics. */
export function FindingsView() {
  const [now] = useState(() => Date.now());
  const findings = usePanel((s) => selectAllFindings(s, now));
  const pageUrl = usePanel((s) => s.page.url);
  // cookie values are read when exporting, not subscribed to: the list changes with every cookie event
  const store = useStoreApi();
  const groups = groupFindings(findings);
  return (
    <section class="findings-view" aria-label="Findings">
      <div class="toolbar">
        <span>{findings.length} finding(s)</span>
        <span class="spacer" />
        {EXPORTS.map((x) => (
          <button type="button" key={x.id} data-testid={`export-${x.id}`} disabled={findings.length === 0}
            onClick={() => { const out = exportFindings(x.id, findings, pageUrl, sessionValuesOf(store.getState().cookies.list)); downloadText(out.text, out.mime, out.filename); }}>
            Export {x.label}
          </button>
        ))}
      </div>
      {groups.length === 0 && <p class="muted">No findings for this tab.</p>}
      {groups.map((g) => (
        <details open key={g.severity} class={`finding-group sev-${g.severity}`} data-testid="finding-group" data-severity={g.severity}>
          <summary>{g.severity} <span class="count">{g.findings.length}</span></summary>
          <ul class="findings">{g.findings.map((f, i) => <FindingItem key={`${f.rule}-${f.cookie.name}-${i}`} finding={f} />)}</ul>
        </details>
      ))}
    </section>
  );
}
