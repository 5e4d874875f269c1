// Firefox's webRequest merges every Set-Cookie header of a response into ONE header whose value joins
// them with "\n" (Chrome lists each as its own entry). A header value can never contain a raw newline,
// so splitting on it restores the separate lines in both browsers; empty lines carry no cookie.

export function splitSetCookieValues(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    if (!value.includes('\n')) {
      if (value.trim() !== '') out.push(value);
      continue;
    }
    for (const line of value.split(/\r?\n/)) if (line.trim() !== '') out.push(line);
  }
  return out;
}
