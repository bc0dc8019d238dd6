/**
 * Reads the three facts the grouping needs (resourceType, id, and the subject's or patient's
 * reference) from the bytes of one NDJSON line, without parsing the whole resource: the
 * first pass over a large Bulk Data export then costs a scan, not a JSON.parse and a copy of
 * every object. Only members of the top-level object count (as `JSON.parse(line).subject
 * .reference` would read them; a repeated key: the last one wins, as in JSON.parse); strings
 * with escapes are decoded by JSON.parse. The scan stops once it has what it needs and the
 * rest of the line does not hold those keys again (checked with a byte search, so a repeated
 * or nested key means a full scan). The scan does not validate the line: the second pass
 * parses every kept line in full and checks that it names the patient this scan filed it under.
 */
export interface ScannedFacts {
  resourceType: string | null;
  id: string | null;
  subject: string | null;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;

function isSpace(b: number | undefined): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

/** Bytes of the keys the scan looks for. */
const KEYS = {
  resourceType: Buffer.from("resourceType"),
  id: Buffer.from("id"),
  subject: Buffer.from("subject"),
  patient: Buffer.from("patient"),
  reference: Buffer.from("reference"),
};

/** The keys as they appear quoted in the text, for the byte search of the rest of a line. */
const QUOTED = {
  resourceType: Buffer.from('"resourceType"'),
  id: Buffer.from('"id"'),
  subject: Buffer.from('"subject"'),
};

/** Types filed by id (cli/shared/read.ts via PatientGroups): their id is needed too. */
const BY_ID = new Set(["Patient", "Medication"]);

class Cursor {
  buf: Buffer = Buffer.alloc(0);
  pos = 0;
  end = 0;

  reset(buf: Buffer, pos: number, end: number): void {
    this.buf = buf;
    this.pos = pos;
    this.end = end;
  }

  skipSpace(): void {
    while (this.pos < this.end && isSpace(this.buf[this.pos])) this.pos++;
  }

  /** At a quote: the end of the string (index after the closing quote) and whether it has escapes; -1 when unterminated. */
  stringEnd(): { end: number; escaped: boolean } {
    let escaped = false;
    for (let i = this.pos + 1; i < this.end; i++) {
      const b = this.buf[i];
      if (b === BACKSLASH) {
        escaped = true;
        i++;
      } else if (b === QUOTE) {
        return { end: i + 1, escaped };
      }
    }
    return { end: -1, escaped };
  }

  /** Reads a string at the cursor; null when unterminated or invalid. */
  readString(): string | null {
    const { end, escaped } = this.stringEnd();
    if (end === -1) return null;
    const start = this.pos;
    this.pos = end;
    if (!escaped) return this.buf.toString("utf8", start + 1, end - 1);
    try {
      const value: unknown = JSON.parse(this.buf.toString("utf8", start, end));
      return typeof value === "string" ? value : null;
    } catch {
      return null;
    }
  }

  /** Skips one value of any kind; false when the line ends inside it. */
  skipValue(): boolean {
    this.skipSpace();
    const b = this.buf[this.pos];
    if (b === QUOTE) {
      const { end } = this.stringEnd();
      if (end === -1) return false;
      this.pos = end;
      return true;
    }
    if (b === OPEN_BRACE || b === OPEN_BRACKET) return this.skipNested();
    while (this.pos < this.end) {
      const c = this.buf[this.pos];
      if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isSpace(c)) return true;
      this.pos++;
    }
    return false;
  }

  private skipNested(): boolean {
    let depth = 0;
    while (this.pos < this.end) {
      const b = this.buf[this.pos];
      if (b === QUOTE) {
        const { end } = this.stringEnd();
        if (end === -1) return false;
        this.pos = end;
        continue;
      }
      if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++;
      else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) depth--;
      this.pos++;
      if (depth === 0) return true;
    }
    return false;
  }

  keyIs(start: number, end: number, key: Buffer): boolean {
    return end - start === key.length + 2 && this.buf.compare(key, 0, key.length, start + 1, end - 1) === 0;
  }
}

type Step = "member" | "end" | "truncated";

/** Moves to the next member of an object (past `{` or the previous value): at its value, with the key's bounds; or at its end. */
function nextMember(c: Cursor, key: { start: number; end: number; escaped: string | null }): Step {
  for (;;) {
    c.skipSpace();
    if (c.pos >= c.end) return "truncated";
    const b = c.buf[c.pos];
    if (b === CLOSE_BRACE) {
      c.pos++;
      return "end";
    }
    if (b === COMMA) {
      c.pos++;
      continue;
    }
    if (b !== QUOTE) return "truncated";
    key.start = c.pos;
    const { end, escaped } = c.stringEnd();
    if (end === -1) return "truncated";
    key.escaped = escaped ? c.readString() : null;
    key.end = end;
    c.pos = end;
    c.skipSpace();
    if (c.buf[c.pos] !== COLON) return "truncated";
    c.pos++;
    c.skipSpace();
    return "member";
  }
}

function isKey(c: Cursor, key: { start: number; end: number; escaped: string | null }, bytes: Buffer, name: string): boolean {
  return key.escaped === null ? c.keyIs(key.start, key.end, bytes) : key.escaped === name;
}

/** Whether the rest of the line, from the cursor, could change a fact already read (a key seen again, or a backslash: perhaps an escaped key). */
function restMayChange(c: Cursor, facts: ScannedFacts): boolean {
  const rest = c.buf.subarray(c.pos, c.end);
  if (rest.includes(QUOTED.subject) || rest.includes(QUOTED.resourceType) || rest.includes(BACKSLASH)) return true;
  return facts.resourceType !== null && BY_ID.has(facts.resourceType) && rest.includes(QUOTED.id);
}

/** Scans lines; one instance reused (no allocation per line beyond the strings it returns). */
export class LineScanner {
  private readonly c = new Cursor();
  private readonly key = { start: 0, end: 0, escaped: null as string | null };
  private readonly inner = { start: 0, end: 0, escaped: null as string | null };

  /** The string value at the cursor, or null (then the value is skipped); false when truncated. */
  private stringValue(): { ok: boolean; value: string | null } {
    const c = this.c;
    if (c.buf[c.pos] !== QUOTE) return { ok: c.skipValue(), value: null };
    const value = c.readString();
    return { ok: value !== null, value };
  }

  /** The `reference` string of the object at the cursor (null when absent or not a string). */
  private reference(): { ok: boolean; value: string | null } {
    const c = this.c;
    if (c.buf[c.pos] !== OPEN_BRACE) return { ok: c.skipValue(), value: null };
    c.pos++;
    let value: string | null = null;
    for (;;) {
      const step = nextMember(c, this.inner);
      if (step === "end") return { ok: true, value };
      if (step === "truncated") return { ok: false, value };
      if (isKey(c, this.inner, KEYS.reference, "reference")) {
        const read = this.stringValue();
        value = read.value;
        if (!read.ok) return { ok: false, value };
      } else if (!c.skipValue()) {
        return { ok: false, value };
      }
    }
  }

  /** Scans the line `buf[start, end)` (without its newline). */
  scan(buf: Buffer, start: number, end: number): ScannedFacts {
    const facts: ScannedFacts = { resourceType: null, id: null, subject: null };
    const c = this.c;
    c.reset(buf, start, end);
    if (buf[c.pos] === 0xef && buf[c.pos + 1] === 0xbb && buf[c.pos + 2] === 0xbf) c.pos += 3; // byte order mark
    c.skipSpace();
    if (buf[c.pos] !== OPEN_BRACE) return facts;
    c.pos++;
    let subject: string | null = null;
    let patient: string | null = null;
    for (;;) {
      if (nextMember(c, this.key) !== "member") break;
      let read: { ok: boolean; value: string | null };
      if (isKey(c, this.key, KEYS.resourceType, "resourceType")) {
        read = this.stringValue();
        facts.resourceType = read.value;
      } else if (isKey(c, this.key, KEYS.id, "id")) {
        read = this.stringValue();
        facts.id = read.value;
      } else if (isKey(c, this.key, KEYS.subject, "subject")) {
        read = this.reference();
        subject = read.value;
      } else if (isKey(c, this.key, KEYS.patient, "patient")) {
        read = this.reference();
        patient = read.value;
      } else {
        read = { ok: c.skipValue(), value: null };
      }
      if (!read.ok) break;
      const enough = facts.resourceType !== null && subject !== null && (!BY_ID.has(facts.resourceType) || facts.id !== null);
      if (enough && !restMayChange(c, facts)) break;
    }
    facts.subject = subject ?? patient;
    return facts;
  }
}

const shared = new LineScanner();

/** Scans the line `buf[start, end)` (without its newline). */
export function scanLine(buf: Buffer, start: number, end: number): ScannedFacts {
  return shared.scan(buf, start, end);
}
