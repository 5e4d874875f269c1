// Which script wrote a cookie: the first http(s) frame of the writer's stack. Our own frames live under
// chrome-extension:// or moz-extension:// and never match. V8 prints "at fn (url:line:col)", Gecko "fn@url:line:col".
const FRAME_URL = /(https?:\/\/[^\s()@]+?):\d+(?::\d+)?\)?\s*$/;

export function topScriptUrl(stack: string | undefined): string {
  if (!stack) return '';
  for (const line of stack.split('\n')) {
    const m = FRAME_URL.exec(line.trim());
    if (m) return m[1].slice(0, 4096);
  }
  return '';
}
