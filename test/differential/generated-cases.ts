// Seeded random combinations of names, origins and attributes: they find interactions no one thought to
// curate. The seed is fixed so case ids (and the expectations that name them) stay stable.
import { single, type DiffCase } from './case-types.ts';

/** mulberry32: tiny, deterministic, good enough to pick test inputs. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ORIGINS = ['https://x.test', 'http://x.test', 'https://sub.x.test', 'http://sub.x.test', 'http://localhost',
  'http://127.0.0.1', 'https://www.example.co.uk', 'http://a.localhost'];
const NAMES = ['sid', 'a', '__Secure-s', '__Host-h', '__SECURE-s', '__host-h', '', 'session id', '$x'];
/** Few names so that headers in a sequence collide: overwrites, deletions and Secure shadowing. */
const SEQUENCE_NAMES = ['sid', 'sid', 'a', '__Secure-s'];
const VALUES = ['v', '', '"q"', 'a=b', 'x y', 'é', 'AbC123', '%20'];
const DOMAINS = ['x.test', '.x.test', 'sub.x.test', 'test', 'y.test', 'example.co.uk', 'co.uk', 'localhost', '127.0.0.1', 'X.Test'];
const PATHS = ['/', '/a', '/a/', 'rel', '', '/a/b'];
const SAMESITE = ['Strict', 'Lax', 'None', 'none', 'Bogus', ''];
const DATES = ['Wed, 21 Oct 2065 07:28:00 GMT', 'Wed, 21 Oct 2015 07:28:00 GMT', '21 Oct 2026 07:28:00', 'garbage'];
const MAXAGE = ['0', '-5', '3600', '99999999999', 'x'];
const REQUEST_PATHS = ['/', '/a/b/c', '/a/', '/z'];

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)];

function randomCase(rand: () => number, names: readonly string[] = NAMES): string {
  const flip = (s: string) => (rand() < 0.3 ? s.toUpperCase() : rand() < 0.3 ? s.toLowerCase() : s);
  const attrs: string[] = [];
  const maybe = (p: number, make: () => string) => { if (rand() < p) attrs.push(make()); };
  maybe(0.5, () => flip('Secure'));
  maybe(0.4, () => flip('HttpOnly'));
  maybe(0.4, () => `Path=${pick(rand, PATHS)}`);
  maybe(0.35, () => `${flip('Domain')}=${pick(rand, DOMAINS)}`);
  maybe(0.45, () => `SameSite=${pick(rand, SAMESITE)}`);
  maybe(0.25, () => `Expires=${pick(rand, DATES)}`);
  maybe(0.2, () => `Max-Age=${pick(rand, MAXAGE)}`);
  maybe(0.15, () => flip('Partitioned'));
  maybe(0.1, () => `Priority=${pick(rand, ['High', 'low', 'x'])}`);
  for (let i = attrs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [attrs[i], attrs[j]] = [attrs[j], attrs[i]];
  }
  const name = pick(rand, names);
  const pair = name === '' && rand() < 0.5 ? pick(rand, VALUES) || 'v' : `${name}=${pick(rand, VALUES)}`;
  return [pair, ...attrs].join(rand() < 0.2 ? ';' : '; ');
}

/** `count` single-response cases from a fixed seed. */
export function generateCases(count: number, seed = 6265): DiffCase[] {
  const rand = createRandom(seed);
  return Array.from({ length: count }, (_, i) => single(`gen/${i}`, pick(rand, ORIGINS), randomCase(rand), pick(rand, REQUEST_PATHS)));
}

/** `count` cases of 2-4 responses each, on origins of one site, with colliding names. */
export function generateSequences(count: number, seed = 5758): DiffCase[] {
  const rand = createRandom(seed);
  const origins = ORIGINS.filter((o) => o.includes('x.test'));
  return Array.from({ length: count }, (_, i) => ({
    id: `genseq/${i}`,
    steps: Array.from({ length: 2 + Math.floor(rand() * 3) }, () => ({
      origin: pick(rand, origins), path: pick(rand, REQUEST_PATHS),
      headers: Array.from({ length: 1 + Math.floor(rand() * 3) }, () => randomCase(rand, SEQUENCE_NAMES)),
    })),
  }));
}
