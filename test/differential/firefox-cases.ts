// The curated subset run against Firefox ESR: one or two cases per rule family.
import { CURATED_SINGLE } from './curated-cases.ts';
import { SEQUENCE_CASES } from './sequence-cases.ts';
import { MORE_CASES } from './more-cases.ts';
import { EMBEDDED_CASES } from './embedded-cases.ts';

const IDS = [
  'syntax/plain', 'syntax/nameless', 'syntax/empty-name', 'syntax/only-eq', 'syntax/padded', 'syntax/quoted', 'syntax/ctl-value',
  'syntax/tab-in-value', 'syntax/utf8-value', 'syntax/eq-in-value',
  'size/nv-4096', 'size/nv-4097', 'size/path-1025',
  'attr/path-last-wins', 'attr/default-path-deep', 'attr/path-relative',
  'expires/imf', 'expires/past', 'expires/invalid-word', 'expires/far-future-capped',
  'maxage/60', 'maxage/zero', 'maxage/beats-expires-past', 'maxage/over-400-days',
  'samesite/strict', 'samesite/none-secure', 'samesite/none-insecure-https', 'samesite/invalid', 'samesite/lax-lower',
  'secure/http', 'secure/https', 'secure/localhost',
  'prefix/secure-no-attr', 'prefix/host-ok', 'prefix/host-path-x', 'prefix/host-lower', 'prefix/nameless-host',
  'domain/parent', 'domain/other', 'domain/tld', 'domain/co-uk', 'domain/co-uk-host-self', 'domain/ip-self',
  'partitioned/insecure',
  'seq/overwrite-value', 'seq/delete-max-age', 'seq/secure-then-http-overwrite', 'seq/script-httponly-ignored',
  'more/django-default', 'more/seq/send-https-deep', 'more/seq/send-http', 'more/seq/send-cross-site-frame',
  'embed/cross-unspecified', 'embed/cross-none-secure', 'embed/cross-partitioned',
];

const ALL = new Map([...CURATED_SINGLE, ...SEQUENCE_CASES, ...MORE_CASES, ...EMBEDDED_CASES].map((c) => [c.id, c]));

export const FIREFOX_CASES = IDS.map((id) => {
  const found = ALL.get(id);
  if (!found) throw new Error(`firefox-cases: unknown case id ${id}`);
  return found;
});
