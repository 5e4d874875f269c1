import type { PanelFinding } from '../model/types.ts';

export function FindingItem({ finding: f }: { finding: PanelFinding }) {
  return (
    <li class={`finding sev-${f.severity}`} data-testid="finding" data-rule={f.rule} data-severity={f.severity}>
      <div><span class="badge">{f.severity}</span> <b>{f.rule}</b> <span class="muted">{f.cookie.name} @ {f.cookie.domain}{f.cookie.path}</span></div>
      <div>{f.message}</div>
      {f.fix && <div class="fix"><span class="muted">Fix:</span> <code>{f.fix}</code></div>}
      {f.evidence && <div class="muted mono evidence">{f.evidence}</div>}
    </li>
  );
}
