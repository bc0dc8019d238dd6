/**
 * Text a command writes to a terminal, made safe: every control character (Unicode general
 * category Cc: C0 U+0000-U+001F, DEL U+007F, C1 U+0080-U+009F) except tab and line feed is
 * removed. EHR-supplied strings (drug names, sig text, ids) can carry ESC (terminal escape
 * sequences that recolour, move the cursor or retitle the window), BEL, carriage returns that
 * overwrite a line, or the single-character C1 CSI (U+009B). JSON.stringify escapes C0 inside
 * strings but leaves DEL and C1 raw, and stderr sentences quote input verbatim.
 * Removing a C1 character from a JSON string value keeps the JSON valid.
 */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** `text` without control characters other than "\t" and "\n". */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, "");
}
