// Line-by-line transcript comparison, shown as Django's line beside the companion's.
export function diffLines(expected: string, actual: string): string[] {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) out.push(`line ${i + 1}:\n  django:    ${a[i]}\n  companion: ${b[i]}`);
  }
  return out;
}
