// Edit & re-sign: checks (loopback, JSON, verified with a known secret) happen here so the UI only
// reports; the background enforces the loopback rule again when it sets the cookie.
import type { DecodeResult } from '../../core/decode/types.ts';
import type { CookieWrite, Json } from '../../core/protocol/index.ts';
import { hostOf, isLoopbackHost, siteOf } from '../lib/cookie-facts.ts';
import type { PanelCookie } from '../model/types.ts';
import type { ConnectionController } from './connection.ts';
import { decodeKey } from './decode-actions.ts';
import type { PanelState } from './initial-state.ts';

export type ResignFn = (args: { decoded: DecodeResult; payload: Json; secret: string; nowSec: number }) => Promise<string>;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function cookieWrite(cookie: PanelCookie, value: string): CookieWrite {
  return {
    url: `${cookie.secure ? 'https' : 'http'}://${hostOf(cookie.domain)}${cookie.path}`,
    name: cookie.name, value, path: cookie.path, secure: cookie.secure, httpOnly: cookie.httpOnly,
    ...(cookie.hostOnly ? {} : { domain: cookie.domain }),
    sameSite: cookie.sameSite === 'none' ? 'no_restriction' : cookie.sameSite,
    ...(cookie.expires === null ? {} : { expirationDate: cookie.expires }),
    ...(cookie.storeId ? { storeId: cookie.storeId } : {}),
    ...(cookie.partitionKey ? { partitionKey: { topLevelSite: cookie.partitionKey } } : {}),
  };
}

/** The cookie to set, or why it cannot be. */
export async function resignCookie(state: PanelState, resign: ResignFn | undefined, cookie: PanelCookie, payloadJson: string, nowMs: number): Promise<CookieWrite | string> {
  if (!isLoopbackHost(cookie.domain) && !state.settings.allowEditAnyHost) {
    return `Editing is limited to localhost/loopback hosts; ${hostOf(cookie.domain)} is not one (enable remote edit in settings to override).`;
  }
  let payload: Json;
  try { payload = JSON.parse(payloadJson) as Json; } catch (e) { return `Payload is not valid JSON: ${message(e)}`; }
  const secrets = state.secrets.bySite[siteOf(cookie.domain)]?.secrets;
  const decoded = state.decoded[decodeKey(secrets, cookie.value)]?.result;
  if (!secrets?.length) return `Enter a secret for ${siteOf(cookie.domain)} first: re-signing needs it.`;
  if (!decoded || decoded.signature !== 'valid') return 'Only a value whose signature verified with your secret can be re-signed.';
  // sign with the secret that verified: with several frameworks' keys for one site, that is this cookie's framework
  const secret = secrets[decoded.secretIndex ?? 0]?.value ?? secrets[0].value;
  if (!resign) return 'Re-signing is not available in this build.';
  try {
    return cookieWrite(cookie, await resign({ decoded, payload, secret, nowSec: Math.floor(nowMs / 1000) }));
  } catch (e) {
    return `Re-signing failed: ${message(e)}`;
  }
}

export function createResignAction(getState: () => PanelState, connection: ConnectionController,
  opts: { resign?: ResignFn; now: () => number; notify(kind: 'info' | 'error', text: string): void }) {
  return async (cookie: PanelCookie, payloadJson: string): Promise<boolean> => {
    const result = await resignCookie(getState(), opts.resign, cookie, payloadJson, opts.now());
    if (typeof result === 'string') { opts.notify('error', result); return false; }
    try {
      await connection.request('setCookie', { tabId: getState().connection.tabId ?? -1, cookie: result });
      opts.notify('info', `${cookie.name} re-signed and set`);
      return true;
    } catch (e) {
      opts.notify('error', `Cookie not set: ${message(e)}`);
      return false;
    }
  };
}
