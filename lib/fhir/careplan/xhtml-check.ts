/**
 * A strict checker for a FHIR narrative `div` (Narrative.div): well-formed XML (tags
 * balanced, attributes quoted and not repeated, only XML's five named entities or numeric
 * references, no characters XML 1.0 forbids, a single root) plus the FHIR R4 narrative rules:
 * the root is `<div xmlns="http://www.w3.org/1999/xhtml">`, only basic XHTML formatting
 * elements, no scripts/forms/objects, no event attributes, no `javascript:` links (txt-1),
 * and some non-whitespace content (txt-2). https://hl7.org/fhir/R4/narrative.html
 *
 * Why hand-written: @medplum/core does not check the narrative (its `xhtml` regex is `.*`),
 * Node has no XML parser, and this runs in the browser at save time without a dependency.
 * The tests cross-check it against `saxes`, a conformant XML parser, on good and bad input.
 * Scope: the XHTML this app writes and typical EHR narratives, not DTDs or non-ASCII names.
 */

export interface XhtmlIssue {
  /** "line 1, column 40: closing tag </p> does not match <td>". */
  message: string;
  offset: number;
}

const XHTML_NS = "http://www.w3.org/1999/xhtml";
const NAME = /[A-Za-z_][-A-Za-z0-9_.]*(?::[A-Za-z_][-A-Za-z0-9_.]*)?/y;
const ENTITY = /&(?:lt|gt|amp|quot|apos|#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6});/y;
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** The XHTML elements FHIR R4 narratives may use (fhir-xhtml.xsd: basic formatting, lists, tables, images, links). */
const ALLOWED_ELEMENTS = new Set([
  "a", "abbr", "acronym", "b", "big", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "dfn",
  "div", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "ol", "p", "pre", "q",
  "samp", "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "ul", "var",
]);

class Scan {
  pos = 0;
  readonly stack: string[] = [];
  readonly issues: XhtmlIssue[] = [];
  rootClosed = false;
  rootSeen = false;
  hasContent = false;
  constructor(readonly src: string) {}

  fail(message: string, at = this.pos): false {
    const before = this.src.slice(0, at).split("\n");
    const column = (before[before.length - 1]?.length ?? 0) + 1;
    this.issues.push({ message: `line ${before.length}, column ${column}: ${message}`, offset: at });
    return false;
  }

  name(): string | null {
    NAME.lastIndex = this.pos;
    const m = NAME.exec(this.src);
    if (!m) return null;
    this.pos += m[0].length;
    return m[0];
  }

  spaces(): number {
    const start = this.pos;
    while (/[ \t\r\n]/.test(this.src[this.pos] ?? "")) this.pos++;
    return this.pos - start;
  }
}

/** Checks `&...;` references and forbidden characters in text or an attribute value. */
function checkChars(s: Scan, text: string, offset: number, inAttribute: boolean): boolean {
  const bad = FORBIDDEN_CHAR.exec(text);
  if (bad) return s.fail(`character U+${bad[0].charCodeAt(0).toString(16).padStart(4, "0")} is not allowed in XML`, offset + bad.index);
  if (inAttribute && text.includes("<")) return s.fail("'<' is not allowed in an attribute value", offset + text.indexOf("<"));
  if (!inAttribute && text.includes("]]>")) return s.fail("']]>' is not allowed in text", offset + text.indexOf("]]>"));
  for (let i = text.indexOf("&"); i >= 0; i = text.indexOf("&", i + 1)) {
    ENTITY.lastIndex = i;
    const m = ENTITY.exec(text);
    if (!m) return s.fail("'&' must start &lt; &gt; &amp; &quot; &apos; or a numeric reference (HTML entities such as &nbsp; are not XML)", offset + i);
    const hex = m[0].startsWith("&#x");
    const num = m[0].startsWith("&#") ? Number.parseInt(m[0].slice(hex ? 3 : 2, -1), hex ? 16 : 10) : 0x20;
    if (!isXmlChar(num)) return s.fail(`${m[0]} is not a character XML allows`, offset + i);
  }
  return true;
}

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

function attribute(s: Scan, element: string, seen: Set<string>): boolean {
  const at = s.pos;
  const name = s.name();
  if (name === null) return s.fail(`malformed attribute in <${element}>`);
  if (seen.has(name)) return s.fail(`attribute ${name} repeated in <${element}>`, at);
  seen.add(name);
  s.spaces();
  if (s.src[s.pos] !== "=") return s.fail(`attribute ${name} in <${element}> has no value (write ${name}="...")`);
  s.pos++;
  s.spaces();
  const quote = s.src[s.pos];
  if (quote !== '"' && quote !== "'") return s.fail(`attribute ${name} in <${element}> must be quoted`);
  const end = s.src.indexOf(quote, s.pos + 1);
  if (end < 0) return s.fail(`attribute ${name} in <${element}> is not closed`);
  const value = s.src.slice(s.pos + 1, end);
  if (!checkChars(s, value, s.pos + 1, true)) return false;
  s.pos = end + 1;
  narrativeAttributeRules(s, element, name, value, at);
  return true;
}

function narrativeAttributeRules(s: Scan, element: string, name: string, value: string, at: number): void {
  if (/^on/i.test(name)) s.fail(`event attribute ${name} is not allowed in a FHIR narrative`, at);
  if ((name === "href" || name === "src") && /^\s*(javascript|vbscript|data:text\/html)/i.test(value)) s.fail(`${name}="${value.slice(0, 20)}..." is not allowed in a FHIR narrative`, at);
  if (name === "xmlns" && value !== XHTML_NS) s.fail(`<${element}> declares namespace "${value}"; a FHIR narrative is XHTML (${XHTML_NS})`, at);
  if (name.startsWith("xmlns:")) s.fail(`namespace prefix declaration ${name} is not allowed in a FHIR narrative`, at);
}

function startTag(s: Scan): boolean {
  const at = s.pos;
  s.pos++;
  const name = s.name();
  if (name === null) return s.fail("'<' must start a tag (write &lt; for a less-than sign)", at);
  if (s.rootClosed) return s.fail(`<${name}> after the root element: a narrative has exactly one root <div>`, at);
  const seen = new Set<string>();
  for (;;) {
    const ws = s.spaces();
    const c = s.src[s.pos];
    if (c === ">" || (c === "/" && s.src[s.pos + 1] === ">")) break;
    if (c === undefined) return s.fail(`tag <${name}> is not closed`, at);
    if (ws === 0) return s.fail(`expected whitespace, '>' or '/>' in <${name}>`);
    if (!attribute(s, name, seen)) return false;
  }
  elementRules(s, name, at, s.rootSeen ? null : s.src.slice(at, s.pos));
  const selfClosing = s.src[s.pos] === "/";
  s.pos += selfClosing ? 2 : 1;
  if (!s.rootSeen) s.rootSeen = true;
  if (name === "img") s.hasContent = true;
  if (selfClosing) s.rootClosed = s.stack.length === 0;
  else s.stack.push(name);
  return true;
}

function elementRules(s: Scan, name: string, at: number, rootTag: string | null): void {
  if (rootTag !== null) {
    if (name !== "div") s.fail(`the narrative root must be <div>, not <${name}>`, at);
    if (!new RegExp(`\\sxmlns\\s*=\\s*["']${XHTML_NS.replace(/[/.]/g, "\\$&")}["']`).test(rootTag)) {
      s.fail(`the root <div> must declare xmlns="${XHTML_NS}"`, at);
    }
  }
  if (!ALLOWED_ELEMENTS.has(name)) s.fail(`<${name}> is not allowed in a FHIR narrative (only basic XHTML formatting)`, at);
}

function endTag(s: Scan): boolean {
  const at = s.pos;
  s.pos += 2;
  const name = s.name();
  s.spaces();
  if (name === null || s.src[s.pos] !== ">") return s.fail("malformed closing tag", at);
  s.pos++;
  const open = s.stack.pop();
  if (open !== name) return s.fail(open === undefined ? `closing tag </${name}> has no opening tag` : `closing tag </${name}> does not match <${open}>`, at);
  if (s.stack.length === 0) s.rootClosed = true;
  return true;
}

function special(s: Scan): boolean {
  const at = s.pos;
  if (s.src.startsWith("<!--", at)) {
    const end = s.src.indexOf("-->", at + 4);
    if (end < 0) return s.fail("comment is not closed", at);
    if (s.src.slice(at + 4, end).includes("--") || s.src[end - 1] === "-") return s.fail("'--' is not allowed inside a comment", at);
    s.pos = end + 3;
    return true;
  }
  if (s.src.startsWith("<![CDATA[", at) && s.stack.length > 0) {
    const end = s.src.indexOf("]]>", at);
    if (end < 0) return s.fail("CDATA section is not closed", at);
    const body = s.src.slice(at + 9, end);
    if (!checkChars(s, body.replace(/&/g, "&amp;"), at + 9, false)) return false;
    if (body.trim() !== "") s.hasContent = true;
    s.pos = end + 3;
    return true;
  }
  return s.fail("DOCTYPE, processing instructions and misplaced CDATA are not allowed in a narrative", at);
}

function text(s: Scan): boolean {
  const next = s.src.indexOf("<", s.pos);
  const end = next < 0 ? s.src.length : next;
  const chunk = s.src.slice(s.pos, end);
  if (s.stack.length === 0 && chunk.trim() !== "") return s.fail("text outside the root <div>");
  if (!checkChars(s, chunk, s.pos, false)) return false;
  if (chunk.trim() !== "") s.hasContent = true;
  s.pos = end;
  return true;
}

/** Returns the problems found, empty when the narrative is acceptable. Never throws. */
export function checkNarrativeXhtml(div: string): XhtmlIssue[] {
  const s = new Scan(div);
  while (s.pos < div.length) {
    const ok =
      div[s.pos] !== "<" ? text(s) : div[s.pos + 1] === "/" ? endTag(s) : div[s.pos + 1] === "!" || div[s.pos + 1] === "?" ? special(s) : startTag(s);
    if (!ok) return s.issues;
  }
  if (!s.rootSeen) s.fail("no root <div> element", 0);
  else if (s.stack.length > 0) s.fail(`element <${s.stack[s.stack.length - 1] ?? ""}> is not closed`);
  else if (!s.hasContent) s.fail("the narrative has no text (FHIR txt-2: some non-whitespace content)", 0);
  return s.issues;
}
