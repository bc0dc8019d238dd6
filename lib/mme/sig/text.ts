/** Small helpers shared by the sig readers (pure string operations). */

/** A span of the normalized text that a reader has consumed. */
export interface Span {
  start: number;
  end: number;
}

/** `s` with the given spans replaced by spaces (same length, so later positions stay valid). */
export function blank(s: string, spans: readonly Span[]): string {
  if (spans.length === 0) return s;
  const chars = s.split("");
  for (const { start, end } of spans) {
    for (let i = Math.max(0, start); i < Math.min(chars.length, end); i++) chars[i] = " ";
  }
  return chars.join("");
}

/** Every match of a global regex, with its span. The regex must have the `g` flag. */
export function matchesOf(re: RegExp, s: string): Array<{ m: RegExpExecArray; span: Span }> {
  const out: Array<{ m: RegExpExecArray; span: Span }> = [];
  for (const m of s.matchAll(re)) {
    out.push({ m, span: { start: m.index, end: m.index + m[0].length } });
  }
  return out;
}
