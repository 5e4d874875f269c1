// Cases that need an existing jar: overwrites, deletions, secure-cookie protection, script writes.
import type { DiffCase, DiffStep } from './case-types.ts';

const S = 'https://x.test';
const H = 'http://x.test';
const step = (origin: string, headers: string[], path?: string, script?: string[]): DiffStep => ({ origin, headers, path, script });
const seq = (id: string, ...steps: DiffStep[]): DiffCase => ({ id: `seq/${id}`, steps });

export const SEQUENCE_CASES: DiffCase[] = [
  seq('same-response-twice', step(S, ['a=1', 'a=2'])),
  seq('set-then-delete-same-response', step(S, ['a=1', 'a=; Max-Age=0'])),
  seq('overwrite-value', step(S, ['a=1; HttpOnly']), step(S, ['a=2'])),
  seq('delete-max-age', step(S, ['a=1']), step(S, ['a=; Max-Age=0'])),
  seq('delete-expires', step(S, ['a=1']), step(S, ['a=x; Expires=Thu, 01 Jan 1970 00:00:00 GMT'])),
  seq('delete-other-path-no-effect', step(S, ['a=1; Path=/']), step(S, ['a=; Max-Age=0; Path=/x'])),
  seq('delete-needs-same-domain-form', step(S, ['a=1']), step(S, ['a=; Max-Age=0; Domain=x.test'])),
  seq('host-and-domain-coexist', step(S, ['a=1', 'a=2; Domain=x.test'])),
  seq('paths-coexist', step(S, ['a=1; Path=/', 'a=2; Path=/p'])),
  seq('secure-then-http-overwrite', step(S, ['a=1; Secure']), step(H, ['a=2'])),
  seq('secure-then-http-subpath', step(S, ['a=1; Secure; Path=/']), step(H, ['a=2; Path=/deep'])),
  seq('secure-subpath-then-http-root', step(S, ['a=1; Secure; Path=/deep']), step(H, ['a=2; Path=/'])),
  seq('secure-then-http-other-name', step(S, ['a=1; Secure']), step(H, ['b=2'])),
  seq('secure-domain-then-http-sub', step(S, ['a=1; Secure; Domain=x.test']), step('http://sub.x.test', ['a=2'])),
  seq('secure-sub-then-http-parent-domain', step('https://sub.x.test', ['a=1; Secure']), step(H, ['a=2; Domain=x.test'])),
  seq('secure-then-http-delete', step(S, ['a=1; Secure']), step(H, ['a=; Max-Age=0'])),
  seq('secure-then-https-overwrite', step(S, ['a=1; Secure']), step(S, ['a=2'])),
  seq('secure-localhost-then-http-localhost', step('http://localhost', ['a=1; Secure']), step('http://localhost', ['a=2'])),
  seq('script-plain', step(S, [], '/', ['s=1'])),
  seq('script-httponly-ignored', step(S, [], '/', ['s=1; HttpOnly'])),
  seq('script-overwrite-httponly', step(S, ['a=1; HttpOnly']), step(S, [], '/', ['a=2'])),
  seq('script-delete-httponly', step(S, ['a=1; HttpOnly']), step(S, [], '/', ['a=; Max-Age=0'])),
  seq('script-default-path', step(S, [], '/d/e', ['s=1'])),
  seq('script-secure-http', step(H, [], '/', ['s=1; Secure'])),
  seq('script-nameless', step(S, [], '/', ['justvalue'])),
  seq('partitioned-and-plain-coexist', step(S, ['a=1; Secure', 'a=2; Secure; Partitioned'])),
];
