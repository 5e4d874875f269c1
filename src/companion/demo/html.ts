// Tiny HTML toolkit for the demo pages: escaping by default, a shared layout, no template engine needed.
export interface Html { readonly html: string }

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESC[c]);

/** Tagged template: interpolations are escaped unless they are Html (or arrays of Html). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0];
  values.forEach((v, i) => { out += render(v) + strings[i + 1]; });
  return { html: out };
}

function render(v: unknown): string {
  if (v === null || v === undefined || v === false) return '';
  if (Array.isArray(v)) return v.map(render).join('');
  if (typeof v === 'object' && 'html' in v) return (v as Html).html;
  return escapeHtml(String(v));
}

export interface Flash { level: 'info' | 'success' | 'warning' | 'error'; text: string }

export interface PageContext {
  engine: string;
  user: string | null;
  sessionKey: string | null;
  messages: Flash[];
  active: string;
}

const NAV: Array<[string, string, string]> = [
  ['home', '/demo/', 'Home'], ['cart', '/demo/cart', 'Cart'], ['preferences', '/demo/preferences', 'Preferences'],
  ['register', '/demo/register', 'Register'],
];

export function layout(title: string, ctx: PageContext, body: Html): string {
  const nav = NAV.map(([id, href, label]) => html`<a href="${href}" class="${id === ctx.active ? 'active' : ''}" data-testid="nav-${id}">${label}</a>`);
  const account = ctx.user
    ? html`<form method="post" action="/demo/logout" class="inline" data-testid="logout-form"><span class="who" data-testid="current-user">${ctx.user}</span><button type="submit" class="link" data-testid="logout-button">Log out</button></form>`
    : html`<a href="/demo/login" class="${ctx.active === 'login' ? 'active' : ''}" data-testid="nav-login">Log in</a>`;
  const flashes = ctx.messages.length
    ? html`<ul class="flashes" data-testid="flash">${ctx.messages.map((m) => html`<li class="flash ${m.level}" data-testid="flash-${m.level}">${m.text}</li>`)}</ul>`
    : '';
  const key = ctx.sessionKey
    ? html`session <code data-testid="session-key">${ctx.sessionKey.length > 40 ? ctx.sessionKey.slice(0, 40) + '…' : ctx.sessionKey}</code>`
    : html`<span data-testid="session-key-none">no session yet</span>`;
  return '<!doctype html>\n' + html`<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${ctx.engine} · sessionscope demo</title><link rel="stylesheet" href="/demo/demo.css"></head>
<body data-engine="${ctx.engine}"><header><a class="brand" href="/demo/">Corner Café <small>${ctx.engine} sessions</small></a>
<nav>${nav}${account}</nav></header><main>${flashes}${body}</main>
<footer>${key} · <a href="/__sessionscope/info">inspection API</a></footer></body></html>`.html;
}
