// The demo's landing page: who is logged in, what the session holds and how long it lives.
import { html } from '../html.ts';
import { currentUser } from '../auth.ts';
import { page, type DemoRequest } from '../context.ts';
import type { CompanionResponse } from '../../types.ts';

async function lifetime(d: DemoRequest): Promise<string> {
  if (!d.session.sessionKey && d.session.isEmpty()) return 'no session cookie yet';
  if (await d.session.getExpireAtBrowserClose()) return 'ends when the browser closes';
  const age = Number(await d.session.getExpiryAge());
  const days = Math.floor(age / 86400);
  return days >= 1 ? `about ${days} day${days === 1 ? '' : 's'} from now` : `about ${Math.max(0, Math.round(age / 60))} minutes from now`;
}

export async function showHome(d: DemoRequest): Promise<CompanionResponse> {
  const user = await currentUser(d.session);
  const cart = await d.session.get('cart', []);
  const count = Array.isArray(cart) ? cart.length : 0;
  return page(d, 'Home', 'home', html`<h1>${user ? `Hello, ${user.name}` : 'Welcome to the Corner Café'}</h1>
<p class="lead">A small shop that uses Django-style sessions the way real apps do. Open the sessionscope panel and watch.</p>
<div class="card" data-testid="home-summary"><table>
<tr><th>Signed in</th><td data-testid="home-user">${user ? user.username : 'no'}</td></tr>
<tr><th>Items in cart</th><td data-testid="home-cart-count">${count}</td></tr>
<tr><th>Session lifetime</th><td data-testid="home-lifetime">${await lifetime(d)}</td></tr>
<tr><th>Engine</th><td><code>django.contrib.sessions.backends.${d.site.engine}</code></td></tr></table></div>
<div class="card"><h2>Things to try</h2><ul>
<li><a href="/demo/login">Log in</a>: the session key is cycled (login) and flushed (logout).</li>
<li><a href="/demo/cart">Fill the cart</a>: a list mutated in place.</li>
<li><a href="/demo/preferences">Change preferences</a>: a nested dict with defaults.</li>
<li><a href="/demo/register">Register</a>: a three-step wizard kept in the session.</li>
<li>Tick “Remember me” to get a 30-day cookie instead of a browser-session one.</li></ul></div>`);
}
