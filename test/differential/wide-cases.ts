// A wider random vocabulary than generated-cases.ts: odd names (quotes, NBSP, legacy $), Domain spellings
// (dots, case, padding, public suffixes), Max-Age and Expires spellings, separators with tabs.
import { single, type DiffCase } from './case-types.ts';
import { createRandom } from './generated-cases.ts';

const ORIGINS = ['https://x.test', 'http://x.test', 'https://a.b.x.test', 'http://localhost', 'http://127.0.0.1',
  'https://www.example.co.uk', 'https://foo.github.io', 'http://[::1]', 'https://co.uk', 'https://intranet'];
const NAMES = ['a', 'A', '__Host-x', '__secure-x', '__HoSt-x', ' a ', 'a b', '"a"', 'a\u00a0', 'é', '', '$Path', 'x.y', '__Host-', 'a,b'];
const VALUES = ['1', '', '""', '"a b"', 'x=y', 'é', '  sp  ', '\\"', "'q'", '%00', 'a\u00a0b'];
const PATHS = ['/', '/a', '/a/', '', 'a', '/%2F', '/A', '//', '"/"'];
const DOMAINS = ['x.test', '.x.test', '..x.test', 'X.TEST.', 'b.x.test', 'a.b.x.test', 'example.co.uk', 'co.uk', 'github.io',
  'foo.github.io', 'localhost', '127.0.0.1', '[::1]', '', ' x.test ', 'test', 'intranet', 'com'];
const SAMESITE = ['Strict', 'LAX', 'none', 'None ', 'Unspecified', '', 'strict\u00a0'];
const MAXAGE = ['0', '1', '-1', '+1', '007', '34560001', ' 5', '1e2', '0x10', '9999999999999999999999'];
const EXPIRES = ['Thu, 01 Jan 2099 00:00:00 GMT', 'Thu, 01 Jan 1999 00:00:00 GMT', '01 Jan 2099', 'Jan 01 2099 00:00:00',
  '2099-01-01T00:00:00Z', 'Thu, 01-Jan-99 00:00:00 GMT', 'Mon, 31 Dec 2029 23:59:59 GMT', '1 jan 2030 00:00:00 pst'];
const SEPARATORS = ['; ', ';', ' ; ', ';\t'];

export function generateWideCases(count: number, seed = 99): DiffCase[] {
  const rand = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const attributes = [() => 'Secure', () => 'secure=1', () => 'HttpOnly', () => `Path=${pick(PATHS)}`, () => `Domain=${pick(DOMAINS)}`,
    () => `SameSite=${pick(SAMESITE)}`, () => `Max-Age=${pick(MAXAGE)}`, () => `Expires=${pick(EXPIRES)}`, () => 'Partitioned',
    () => `Priority=${pick(['HIGH', 'low', 'Medium', ''])}`, () => pick(['', ' ', 'Foo', 'Secure; Secure', 'max-age', 'domain', 'path'])];
  const header = (): string => {
    const attrs = Array.from({ length: Math.floor(rand() * 6) }, () => pick(attributes)());
    const name = pick(NAMES);
    const pair = name === '' && rand() < 0.3 ? pick(VALUES) : `${name}=${pick(VALUES)}`;
    return [pair, ...attrs].join(pick(SEPARATORS));
  };
  return Array.from({ length: count }, (_, i) => single(`wide/${i}`, pick(ORIGINS), header(), pick(['/', '/a/b', '/a', '/A/b'])));
}
