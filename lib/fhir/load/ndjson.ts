/**
 * One NDJSON line (FHIR Bulk Data: one resource per line, UTF-8) -> raw JSON. A byte order
 * mark is stripped (editors and some exporters write one at the start of a file, and a
 * concatenation of files carries it into the middle); anything else that is not JSON is an
 * issue for the caller to report, never a silent drop.
 */
const BOM = "\uFEFF";

export type RawResult = { ok: true; raw: unknown } | { ok: false; issue: string };

/** The line without a leading byte order mark. */
export function stripBom(line: string): string {
  return line.startsWith(BOM) ? line.slice(BOM.length) : line;
}

/** Parses one line; `issue` says why it is not JSON (the parser's message, no content). */
export function parseNdjsonLine(line: string): RawResult {
  try {
    return { ok: true, raw: JSON.parse(stripBom(line)) };
  } catch (e) {
    return { ok: false, issue: `not JSON (${e instanceof Error ? e.message : String(e)})` };
  }
}
