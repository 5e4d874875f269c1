// A three-step registration wizard whose progress lives in the session (`request.session["signup"]`), so
// Back/Next survive reloads and the panel can watch the dict grow, then disappear on finish or cancel.
import { html, type Html } from '../html.ts';
import { page, redirect, type DemoRequest } from '../context.ts';
import type { CompanionResponse } from '../../types.ts';
import type { PyDict, PyValue } from '../../py/value.ts';

const STEPS = ['Account', 'Profile', 'Confirm'];
const FIELDS: Record<number, Array<[string, string, string]>> = {
  1: [['username', 'Username', 'text'], ['email', 'Email', 'email']],
  2: [['display_name', 'Display name', 'text'], ['city', 'City', 'text']],
};

async function wizard(d: DemoRequest): Promise<{ step: number; data: PyDict }> {
  const w = await d.session.get('signup');
  if (!(w instanceof Map)) return { step: 1, data: new Map() };
  const data = w.get('data');
  return { step: Math.min(3, Math.max(1, Number(w.get('step')) || 1)), data: data instanceof Map ? data : new Map() };
}

function stepBody(step: number, data: PyDict): Html {
  if (step === 3) {
    const rows = [...data].map(([k, v]) => html`<tr><th>${k}</th><td data-testid="review-${k}">${String(v)}</td></tr>`);
    return html`<table data-testid="register-review">${rows}</table>`;
  }
  return html`${FIELDS[step].map(([name, label, type]) => html`<label for="${name}">${label}</label>
<input id="${name}" name="${name}" type="${type}" value="${String(data.get(name) ?? '')}" required data-testid="register-${name}">`)}`;
}

// The forward button comes first in the form: pressing Enter in a field submits the first button.
export async function showRegister(d: DemoRequest): Promise<CompanionResponse> {
  const { step, data } = await wizard(d);
  const steps = STEPS.map((s, i) => html`<span class="${i + 1 === step ? 'current' : ''}">${i + 1}. ${s}</span>`);
  return page(d, 'Register', 'register', html`<h1>Create an account</h1><p class="lead">Each step is kept in <code>request.session["signup"]</code>.</p>
<form method="post" action="/demo/register" class="card" data-testid="register-form" data-step="${step}">
<div class="steps" data-testid="register-steps">${steps}</div>${stepBody(step, data)}
<div class="actions"><button name="action" value="${step === 3 ? 'finish' : 'next'}" data-testid="register-${step === 3 ? 'finish' : 'next'}">${step === 3 ? 'Create account' : 'Next'}</button>
${step > 1 ? html`<button name="action" value="back" class="secondary" formnovalidate data-testid="register-back">Back</button>` : ''}
<button name="action" value="cancel" class="secondary" formnovalidate data-testid="register-cancel">Cancel</button></div></form>`);
}

export async function submitRegister(d: DemoRequest): Promise<CompanionResponse> {
  const { step, data } = await wizard(d);
  const action = d.form.get('action');
  if (action === 'cancel' || action === 'finish') {
    await d.session.pop('signup', null);
    if (action === 'finish') d.flash.add('success', `Account ${String(data.get('username') ?? '')} created (demo: it lives only in this page).`);
    else d.flash.add('info', 'Registration cancelled.');
    return redirect(action === 'finish' ? '/demo/' : '/demo/register');
  }
  let next = step;
  if (action === 'back') next = step - 1;
  else if (action === 'next' && step < 3) {
    const missing = FIELDS[step].filter(([name]) => !(d.form.get(name) ?? '').trim());
    if (missing.length) d.flash.add('error', `Please fill in: ${missing.map(([, label]) => label).join(', ')}.`);
    else next = step + 1;
    for (const [name] of FIELDS[step]) data.set(name, (d.form.get(name) ?? '').trim());
  }
  await d.session.setItem('signup', new Map<string, PyValue>([['step', next], ['data', data]]));
  return redirect('/demo/register');
}
