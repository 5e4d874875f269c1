// The in-page badge: a closed shadow root (page scripts cannot reach inside) styled only through CSSOM
// properties, which page CSPs do not block and page stylesheets cannot override (inline !important on the
// host, everything else inside the shadow tree). It shows counts and rule names, never cookie values.
import type { BackgroundToContent, BadgeItem } from '../core/protocol/index.ts';

export interface BadgeOptions {
  /** 'closed' in production; unit tests pass 'open' to look inside */
  mode?: ShadowRootMode;
  onDisableSite(): void;
}

export interface Badge {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  update(state: BackgroundToContent['findings']): void;
  destroy(): void;
}

const COLORS: Record<BadgeItem['severity'], string> = { error: '#b3261e', high: '#d93025', medium: '#e37400', low: '#1a73e8', info: '#5f6368' };
const ORDER: BadgeItem['severity'][] = ['error', 'high', 'medium', 'low', 'info'];
type Style = Record<string, string>;

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, style: Style, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(style)) node.style.setProperty(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

const FONT: Style = { font: '12px/1.4 system-ui, sans-serif', color: '#202124', 'box-sizing': 'border-box' };

function renderRow(doc: Document, item: BadgeItem): HTMLElement {
  const row = el(doc, 'li', { ...FONT, padding: '4px 0', 'border-top': '1px solid #e8eaed', 'list-style': 'none' });
  row.append(
    el(doc, 'span', { ...FONT, color: '#fff', background: COLORS[item.severity], 'border-radius': '3px', padding: '0 4px', 'margin-right': '6px' }, item.severity),
    el(doc, 'strong', { ...FONT }, `${item.rule} `),
    el(doc, 'code', { ...FONT, 'font-family': 'ui-monospace, monospace' }, item.cookieName),
    el(doc, 'div', { ...FONT, color: '#5f6368' }, item.message),
  );
  return row;
}

export function createBadge(doc: Document, opts: BadgeOptions): Badge {
  const host = doc.createElement('sessionscope-badge');
  host.setAttribute('data-testid', 'inpage-badge');
  for (const [k, v] of Object.entries({ all: 'initial', position: 'fixed', right: '12px', bottom: '12px', 'z-index': '2147483647', display: 'block' })) {
    host.style.setProperty(k, v, 'important');
  }
  const root = host.attachShadow({ mode: opts.mode ?? 'closed' });
  const pill = el(doc, 'button', { ...FONT, border: '0', 'border-radius': '12px', padding: '3px 10px', cursor: 'pointer', color: '#fff', 'box-shadow': '0 1px 3px rgba(0,0,0,.3)' });
  const panel = el(doc, 'div', { ...FONT, display: 'none', background: '#fff', 'max-width': '380px', 'max-height': '320px', overflow: 'auto', padding: '8px', 'margin-bottom': '6px', 'border-radius': '8px', 'box-shadow': '0 2px 8px rgba(0,0,0,.3)' });
  const list = el(doc, 'ul', { ...FONT, margin: '0', padding: '0' });
  const actions = el(doc, 'div', { ...FONT, display: 'flex', gap: '8px', 'justify-content': 'flex-end', 'padding-top': '6px' });
  const dismiss = el(doc, 'button', { ...FONT, cursor: 'pointer' }, 'Dismiss');
  const offSite = el(doc, 'button', { ...FONT, cursor: 'pointer' }, 'Off for this site');
  actions.append(offSite, dismiss);
  panel.append(list, actions);
  root.append(panel, pill);
  let dismissed = false;

  pill.addEventListener('click', () => {
    const open = panel.style.display === 'none';
    panel.style.setProperty('display', open ? 'block' : 'none');
    host.setAttribute('data-expanded', String(open));
  });
  dismiss.addEventListener('click', () => { dismissed = true; host.remove(); });
  offSite.addEventListener('click', () => { host.remove(); opts.onDisableSite(); });

  return {
    host, root,
    update(state) {
      if (dismissed || !state.enabled || state.items.length === 0) { host.remove(); return; }
      const worst = ORDER.find((s) => state.items.some((i) => i.severity === s)) ?? 'info';
      pill.textContent = `sessionscope · ${state.items.length} finding${state.items.length === 1 ? '' : 's'}`;
      pill.style.setProperty('background', COLORS[worst]);
      list.replaceChildren(...[...state.items].sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity)).map((i) => renderRow(doc, i)));
      host.setAttribute('data-count', String(state.items.length));
      if (!host.isConnected) (doc.body ?? doc.documentElement).append(host);
    },
    destroy() { host.remove(); },
  };
}
