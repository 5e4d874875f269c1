// PHP session ids: session.sid_length characters (22–256) from the alphabet of session.sid_bits_per_character.
import { percentDecode, stripQuotes } from '../../util/cookie-text.ts';

export interface PhpSessionId { id: string; bitsPerCharacter: 4 | 5 | 6; charset: string; length: number }

const ALPHABETS: [4 | 5 | 6, string, RegExp][] = [
  [4, '0-9a-f', /^[0-9a-f]+$/],
  [5, '0-9a-v', /^[0-9a-v]+$/],
  [6, '0-9a-zA-Z,-', /^[0-9a-zA-Z,-]+$/],
];

/** The id behind a cookie value (PHP URL-encodes it, so `,` arrives as %2C), with the narrowest alphabet it fits. */
export function parsePhpSessionId(value: string): PhpSessionId | null {
  const id = percentDecode(stripQuotes(value.trim()));
  if (id === null || id.length < 22 || id.length > 256) return null;
  const fit = ALPHABETS.find(([, , re]) => re.test(id));
  return fit ? { id, bitsPerCharacter: fit[0], charset: fit[1], length: id.length } : null;
}
