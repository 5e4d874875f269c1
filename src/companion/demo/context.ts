// What every demo page handler gets: the request, its session (inside the session middleware), the parsed
// form, and the flash message storage. Responses are plain CompanionResponse values.
import type { CompanionRequest, CompanionResponse, Site } from '../types.ts';
import type { SessionBase } from '../engine/session-base.ts';
import { layout, type Flash, type Html, type PageContext } from './html.ts';
import type { FlashStore } from './messages.ts';
import { currentUser } from './auth.ts';

export interface DemoRequest {
  req: CompanionRequest;
  site: Site;
  session: SessionBase;
  form: URLSearchParams;
  flash: FlashStore;
}

export type PageHandler = (d: DemoRequest) => Promise<CompanionResponse>;

export const redirect = (location: string): CompanionResponse => ({ status: 303, headers: [['Location', location]], body: '' });

export async function page(d: DemoRequest, title: string, active: string, body: Html, status = 200): Promise<CompanionResponse> {
  const user = await currentUser(d.session);
  const ctx: PageContext = {
    engine: d.site.engine, user: user?.name ?? null, sessionKey: d.session.sessionKey,
    messages: d.flash.consume() as Flash[], active,
  };
  return { status, headers: [['Content-Type', 'text/html; charset=utf-8']], body: layout(title, ctx, body) };
}
