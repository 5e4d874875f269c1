// The async half: decode each cookie once (with the weak-secret list and the user's secrets), then
// known-weak-secret, sensitive-data-in-cookie and jwt-weak; a decoder verdict may also re-classify the cookie.
import type { DecodeResult } from '../decode/types.ts';
import { classifySession } from './classify.ts';
import { findingKey, makeFinding, type Hit } from './finding.ts';
import { findJwtSecret, jwtStaticProblems, parseJwt } from './jwt.ts';
import { maskSecret, maskValue } from './mask.ts';
import { readPlainPayload, scanPayload, scanPlainValue } from './sensitive.ts';
import { forget, record, type AuditState } from './state.ts';
import { judgeCookie } from './response-audit.ts';
import { isTriviallyWeak, WEAK_SECRETS } from './weak-secrets.ts';
import type { CookieContext } from './rules-cookie.ts';
import type { Finding } from './types.ts';

type Tracked = NonNullable<ReturnType<AuditState['contexts']['get']>>;

function weakSecretHit(ctx: CookieContext, result: DecodeResult, secrets: string[], showValues: boolean): Hit | null {
  if (result.signature !== 'valid' || result.secretIndex == null) return null;
  const secret = secrets[result.secretIndex];
  const builtIn = result.secretIndex < WEAK_SECRETS.length;
  if (secret === undefined || (!builtIn && !isTriviallyWeak(secret))) return null;
  const shown = showValues ? JSON.stringify(secret) : maskSecret(secret);
  const where = builtIn ? 'a well-known secret from the built-in list' : 'a trivially weak secret';
  return { rule: 'known-weak-secret', message: `the ${result.format} cookie verifies with ${where} (${shown}): anyone can forge it`, evidence: ctx.evidence };
}

function sensitiveHit(ctx: CookieContext, result: DecodeResult | null, showValues: boolean): Hit | null {
  // Encrypted payloads (Rails) are only readable with the key: not client-readable, not a leak.
  const encrypted = /encrypted/.test(result?.kind ?? '');
  const readable = result && result.payload !== null && !encrypted ? result.payload : readPlainPayload(ctx.cookie.value);
  const structured = readable !== null && readable !== undefined && typeof readable === 'object';
  const leaks = structured ? scanPayload(readable) : encrypted ? [] : scanPlainValue(ctx.cookie.name, ctx.cookie.value);
  if (!leaks.length) return null;
  const list = leaks.slice(0, 5).map((l) => `${l.path}: ${l.kind} ${showValues ? JSON.stringify(l.value) : maskValue(l.value)}`);
  return { rule: 'sensitive-data-in-cookie', message: `the readable payload of "${ctx.cookie.name}" holds ${[...new Set(leaks.map((l) => l.kind))].join(', ')}`, evidence: list.join('; ') };
}

async function jwtHit(ctx: CookieContext, result: DecodeResult | null, secrets: string[]): Promise<Hit | null> {
  const jwt = parseJwt(ctx.cookie.value);
  if (!jwt) return null;
  const problems = jwtStaticProblems(jwt);
  const index = result?.format === 'jwt' && result.signature === 'valid' && result.secretIndex != null
    ? result.secretIndex : await findJwtSecret(jwt, WEAK_SECRETS);
  if (index >= 0 && (index < WEAK_SECRETS.length || isTriviallyWeak(secrets[index] ?? ''))) problems.push(`${String(jwt.header.alg)} signature verifies with a weak secret`);
  if (!problems.length) return null;
  return { rule: 'jwt-weak', message: `JWT in "${ctx.cookie.name}": ${problems.join('; ')}`, evidence: `header ${JSON.stringify(jwt.header)}; ${ctx.evidence}` };
}

async function decodeOnce(state: AuditState, ctx: CookieContext, secrets: string[]): Promise<DecodeResult | null> {
  if (!state.options.decode) return null;
  const companion = state.jar.filter((c) => c.name === `${ctx.cookie.name}.sig`).map((c) => ({ name: c.name, value: c.value }));
  try {
    return await state.options.decode({ value: ctx.cookie.value, name: ctx.cookie.name, secrets, companion, now: Math.floor(ctx.nowMs / 1000) });
  } catch {
    return null; // the decoder promises not to throw; a bug there must not stop the audit
  }
}

/** Runs the decoding rules for one tracked cookie and returns the new findings. */
export async function auditDecoded(state: AuditState, tracked: Tracked): Promise<Finding[]> {
  const { ctx } = tracked;
  const secrets = [...WEAK_SECRETS, ...(state.options.secrets ?? []), ...(state.options.config?.secrets ?? [])];
  const result = await decodeOnce(state, ctx, secrets);
  const findings: Finding[] = [];
  const verdict = classifySession(ctx.cookie.name, ctx.cookie.value, result);
  if (verdict.is !== ctx.session.is || verdict.framework !== ctx.session.framework) {
    forget(state, tracked.keys);
    const ctx2 = { ...ctx, session: verdict };
    findings.push(...judgeCookie(state, { ctx: ctx2, subject: { ...tracked.subject, session: verdict }, decision: tracked.decision }));
  }
  const subject = { ...tracked.subject, session: verdict };
  const show = Boolean(state.options.showValues);
  const hits = [weakSecretHit(ctx, result ?? ({} as DecodeResult), secrets, show), sensitiveHit(ctx, result, show), await jwtHit(ctx, result, secrets)];
  for (const h of hits) if (h) findings.push(makeFinding(subject, h));
  return record(state, findings.filter((f, i, all) => all.findIndex((g) => findingKey(g) === findingKey(f)) === i));
}
