import type { Browser } from '../browser-api.ts';
import type { TrafficPort } from '../types.ts';
import { withExtraHeaders } from '../quirks/chrome-extra-headers.ts';
import { splitSetCookieValues } from '../quirks/firefox-joined-set-cookie.ts';

interface Header { name: string; value?: string }
const FILTER = { urls: ['<all_urls>'] };
/**
 * Cookie request headers only for navigations, frames and script-driven requests: an image, script or
 * stylesheet request repeats its page's Cookie header, and on a page with 200 images those events were
 * close to half of the worker's CPU. Set-Cookie responses stay on every type: any resource sets cookies.
 * Names valid in both Chrome's and Firefox's ResourceType (an unknown one makes addListener throw).
 */
const REQUEST_FILTER = { urls: ['<all_urls>'], types: ['main_frame', 'sub_frame', 'xmlhttprequest', 'websocket', 'ping', 'other'] };

// Hot path: these run for every request of every tab, so they only pick the few headers we need out of
// the list and hand a small record on; parsing happens later, batched, in the background pipeline.
export function createWebextTraffic(browser: Browser): TrafficPort {
  const webRequest = browser.webRequest;
  return {
    onRequest(listener) {
      const spec = withExtraHeaders(['requestHeaders'], webRequest, 'request');
      webRequest.onBeforeSendHeaders.addListener((d) => {
        const cookie = findHeader(d.requestHeaders as Header[] | undefined, 'cookie');
        if (cookie === null) return;
        listener({ tabId: d.tabId, frameId: d.frameId, url: d.url, method: d.method, type: d.type,
          time: d.timeStamp, cookieHeader: cookie });
      }, REQUEST_FILTER as never, spec as never);
    },
    onResponse(listener) {
      const spec = withExtraHeaders(['responseHeaders'], webRequest, 'response');
      webRequest.onHeadersReceived.addListener((d) => {
        const headers = (d.responseHeaders ?? []) as Header[];
        const raw: string[] = [];
        let hsts = false;
        for (const h of headers) {
          const name = h.name.toLowerCase();
          if (name === 'set-cookie' && h.value !== undefined) raw.push(h.value);
          else if (name === 'strict-transport-security') hsts = true;
        }
        if (raw.length === 0) return;
        listener({ tabId: d.tabId, frameId: d.frameId, url: d.url, method: d.method, type: d.type,
          statusCode: d.statusCode, time: d.timeStamp, setCookies: splitSetCookieValues(raw), hsts });
      }, FILTER, spec as never);
    },
  };
}

function findHeader(headers: Header[] | undefined, name: string): string | null {
  if (!headers) return null;
  for (const h of headers) if (h.name.toLowerCase() === name) return h.value ?? null;
  return null;
}
