// Mounts the demo app on a site: `/` redirects to `/demo/`, every page runs inside the site's session
// middleware (request.session) and the messages cookie storage, like a Django view stack would.
import type { CompanionRequest, CompanionResponse, RouteHandler, Site } from '../types.ts';
import { utf8Decode } from '../../core/util/bytes.ts';
import { page, redirect, type DemoRequest, type PageHandler } from './context.ts';
import { DEMO_CSS } from './demo-css.ts';
import { html } from './html.ts';
import { FlashStore, MESSAGES_COOKIE, readMessagesCookie } from './messages.ts';
import { showCart, updateCart } from './pages/cart.ts';
import { showHome } from './pages/home.ts';
import { showLogin, submitLogin, submitLogout } from './pages/login.ts';
import { savePreferences, showPreferences } from './pages/preferences.ts';
import { showRegister, submitRegister } from './pages/register.ts';

const ROUTES: Record<string, PageHandler> = {
  'GET /demo/': showHome,
  'GET /demo/login': showLogin,
  'POST /demo/login': submitLogin,
  'POST /demo/logout': submitLogout,
  'GET /demo/cart': showCart,
  'POST /demo/cart': updateCart,
  'GET /demo/preferences': showPreferences,
  'POST /demo/preferences': savePreferences,
  'GET /demo/register': showRegister,
  'POST /demo/register': submitRegister,
};

function parseForm(req: CompanionRequest): URLSearchParams {
  const type = String(req.headers['content-type'] ?? '');
  if (req.method !== 'POST' || !type.startsWith('application/x-www-form-urlencoded')) return new URLSearchParams();
  try {
    return new URLSearchParams(utf8Decode(req.body));
  } catch {
    return new URLSearchParams(); // not UTF-8: treat as an empty form, the page reports missing fields
  }
}

const notFound: PageHandler = (d) => page(d, 'Not found', '', html`<h1>Page not found</h1><p><a href="/demo/">Back to the shop</a></p>`, 404);
const wrongMethod: PageHandler = (d) => page(d, 'Method not allowed', '', html`<h1>Method not allowed</h1><p><a href="/demo/">Back to the shop</a></p>`, 405);

async function runPage(site: Site, req: CompanionRequest): Promise<CompanionResponse> {
  const key = `${req.method} ${req.path}`;
  const handler = ROUTES[key] ?? (Object.keys(ROUTES).some((k) => k.endsWith(' ' + req.path)) ? wrongMethod : notFound);
  const secret = site.settings.SECRET_KEY;
  const cookie = req.cookies.get(MESSAGES_COOKIE);
  const flash = new FlashStore(await readMessagesCookie(cookie, secret), cookie !== undefined, secret);
  return site.withSession(req, async (r) => {
    const d: DemoRequest = { req: r, site, session: r.session!, form: parseForm(r), flash };
    const res = await handler(d);
    const s = site.settings;
    const setCookie = await flash.setCookieHeader({ domain: s.SESSION_COOKIE_DOMAIN, secure: s.SESSION_COOKIE_SECURE, httponly: s.SESSION_COOKIE_HTTPONLY, samesite: s.SESSION_COOKIE_SAMESITE });
    return setCookie ? { ...res, headers: [...res.headers, ['Set-Cookie', setCookie]] } : res;
  });
}

export function createDemoHandler(site: Site): RouteHandler {
  return async (req) => {
    if (req.path === '/demo/demo.css') {
      return { status: 200, headers: [['Content-Type', 'text/css; charset=utf-8'], ['Cache-Control', 'max-age=300']], body: DEMO_CSS };
    }
    if (req.path === '/demo') return redirect('/demo/');
    return runPage(site, req);
  };
}

/** Mount on a site: the demo under /demo/, and the site root sends people there. */
export function mountDemo(site: Site): void {
  site.mount('/demo', createDemoHandler(site));
  site.mount('/', async (req) => (req.path === '/' ? redirect('/demo/') : null));
}
