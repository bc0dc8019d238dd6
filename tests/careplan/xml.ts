/**
 * Test helper: parses XML with saxes (a conformant, strict XML 1.0 + namespaces parser,
 * present through exceljs) into a tiny tree, so tests can assert on elements and text.
 */
import { SaxesParser } from "saxes";

export interface XmlElement {
  name: string;
  uri: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

export type XmlParse = { ok: true; root: XmlElement } | { ok: false; error: string };

export function parseXml(xml: string): XmlParse {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let error: string | null = null;
  parser.on("error", (e) => {
    error ??= e.message;
  });
  parser.on("opentag", (tag) => {
    const attributes: Record<string, string> = {};
    for (const [k, a] of Object.entries(tag.attributes)) attributes[k] = a.value;
    const el: XmlElement = { name: tag.local, uri: tag.uri, attributes, children: [] };
    stack[stack.length - 1]?.children.push(el);
    root ??= el;
    stack.push(el);
  });
  parser.on("closetag", () => void stack.pop());
  parser.on("text", (t) => void stack[stack.length - 1]?.children.push(t));
  parser.on("cdata", (t) => void stack[stack.length - 1]?.children.push(t));
  try {
    parser.write(xml).close();
  } catch (e: unknown) {
    error ??= e instanceof Error ? e.message : String(e);
  }
  if (error !== null) return { ok: false, error };
  return root === null ? { ok: false, error: "no root" } : { ok: true, root };
}

export function elements(el: XmlElement, name: string): XmlElement[] {
  const own = el.name === name ? [el] : [];
  return [...own, ...el.children.flatMap((c) => (typeof c === "string" ? [] : elements(c, name)))];
}

export function textOf(el: XmlElement | string): string {
  if (typeof el === "string") return el;
  return el.name === "br" ? "\n" : el.children.map(textOf).join("");
}

/** Cell texts per row of a table's body (br rendered as newline). */
export function tableRows(table: XmlElement): string[][] {
  return elements(table, "tbody").flatMap((b) => elements(b, "tr")).map((tr) => elements(tr, "td").map(textOf));
}
