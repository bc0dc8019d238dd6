/**
 * Text helpers for cards: the summary length rule and Markdown escaping of values read from
 * the record (order names, reasons), so that chart text is shown as text, never as links or
 * formatting (CDS Hooks 2.0: `detail` is GitHub-flavoured Markdown).
 */

/** CDS Hooks 2.0 "Card Attributes": the summary is a "<140-character" sentence. */
export const SUMMARY_MAX_CHARS = 139;

/**
 * A card summary, cut at a word boundary with an ellipsis if it would reach 140 characters.
 * Summaries are written to fit; the cut only guards values read from the record.
 */
export function summaryText(text: string): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= SUMMARY_MAX_CHARS) return clean;
  const cut = clean.slice(0, SUMMARY_MAX_CHARS - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > 80 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

/** Escapes GitHub-flavoured Markdown punctuation in a value read from the record. */
export function md(value: string): string {
  return value
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/^([#+-]|\d+[.)])/, "\\$1");
}

/** "1 order", "2 orders". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
