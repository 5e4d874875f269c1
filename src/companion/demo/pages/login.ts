// Login with a password form (the extension notices password submissions), remember-me via set_expiry,
// and logout via flush — the session handling real Django apps get from django.contrib.auth.
import { html } from '../html.ts';
import { authenticate, currentUser, DEMO_USERS, login, logout } from '../auth.ts';
import { page, redirect, type DemoRequest } from '../context.ts';
import type { CompanionResponse } from '../../types.ts';

const REMEMBER_SECONDS = 30 * 24 * 3600;

function loginForm(d: DemoRequest, error: string | null, username = ''): Promise<CompanionResponse> {
  const users = DEMO_USERS.map((u) => html`<code>${u.username}</code> / <code>${u.password}</code> `);
  return page(d, 'Log in', 'login', html`<h1>Log in</h1><p class="lead">Logging in cycles the session key; logging out flushes the session.</p>
<form method="post" action="/demo/login" class="card" data-testid="login-form">
${error ? html`<p class="error-text" role="alert" data-testid="login-error">${error}</p>` : ''}
<label for="username">Username</label><input id="username" name="username" type="text" autocomplete="username" value="${username}" required data-testid="login-username">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required data-testid="login-password">
<label class="check"><input type="checkbox" name="remember" value="1" data-testid="login-remember"> Remember me for 30 days (otherwise the session ends when the browser closes)</label>
<div class="actions"><button type="submit" data-testid="login-submit">Log in</button></div>
<p class="hint">Demo accounts: ${users}</p></form>`); // like Django's LoginView, an invalid form re-renders with 200
}

export async function showLogin(d: DemoRequest): Promise<CompanionResponse> {
  if (await currentUser(d.session)) return redirect('/demo/');
  return loginForm(d, null);
}

export async function submitLogin(d: DemoRequest): Promise<CompanionResponse> {
  const username = d.form.get('username') ?? '';
  const user = authenticate(username, d.form.get('password') ?? '');
  if (!user) return loginForm(d, 'That username and password do not match.', username);
  await login(d.session, user, d.site.settings.SECRET_KEY);
  // remember-me: a persistent cookie for 30 days, else a browser-session cookie (set_expiry(0))
  await d.session.setExpiry(d.form.get('remember') ? REMEMBER_SECONDS : 0);
  d.flash.add('success', `Welcome back, ${user.name}.`);
  return redirect('/demo/');
}

export async function submitLogout(d: DemoRequest): Promise<CompanionResponse> {
  const user = await currentUser(d.session);
  await logout(d.session);
  if (user) d.flash.add('info', `Goodbye, ${user.name}. Your session was flushed.`);
  return redirect('/demo/');
}
