// The ordered list of format decoders the dispatcher (index.ts) consults. Adding a format = one import + one entry.
import type { DecodeInput, DecodeResult, Format } from './types.ts';
import { djangoDecoder } from './django/decoder.ts';
import { flaskDecoder } from './flask/decoder.ts';
import { expressSessionDecoder } from './express/express-session.ts';
import { cookieSessionDecoder } from './cookie-session/cookie-session.ts';
import { jwtDecoder } from './jwt/jwt.ts';
import { railsDecoder } from './rails/rails.ts';
import { phpDecoder } from './php/php.ts';

export interface FormatDecoder {
  format: Format;
  /** `format` hint values (lower case) that select this decoder, e.g. `django`, `flask`, `itsdangerous` */
  hints: string[];
  /** plausibility 0..100 (+50 when hinted) from name, value shape and companions; 0 = implausible */
  score(input: DecodeInput): number;
  /**
   * The highest score() can return for an input without a `format` hint. The dispatcher stops scoring once a
   * decoder leads every decoder left by this bound (and its value verified); missing = no bound, always scored.
   */
  maxScore?: number;
  /** decodes and verifies; null when the value turns out not to be this format */
  decode(input: DecodeInput): Promise<DecodeResult | null>;
}

export const decoders: FormatDecoder[] = [
  djangoDecoder,
  flaskDecoder,
  expressSessionDecoder,
  cookieSessionDecoder,
  jwtDecoder,
  railsDecoder,
  phpDecoder,
];
