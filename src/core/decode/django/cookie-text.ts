// Python's http.cookies writes values outside its legal set as a double-quoted string with \" \\ and \ooo
// escapes (cookie-formats.md §1.5); \ooo is a code point (<= 255), not a UTF-8 byte. The signature covers the
// unquoted text.

const ESCAPE = /\\(?:([0-3][0-7][0-7])|([\s\S]))/g;

/** http.cookies._unquote: strips the quotes and undoes the escapes; other text is returned unchanged. */
export function unquoteCookieValue(value: string): { text: string; quoted: boolean } {
  if (value.length < 2 || !value.startsWith('"') || !value.endsWith('"')) return { text: value, quoted: false };
  const inner = value.slice(1, -1);
  const text = inner.replace(ESCAPE, (_m, octal: string | undefined, ch: string | undefined) =>
    octal !== undefined ? String.fromCharCode(parseInt(octal, 8)) : (ch as string));
  return { text, quoted: true };
}
