/**
 * Renders the plan document as the CarePlan narrative: one XHTML `div` in the XHTML
 * namespace, using only elements the FHIR narrative allows (no attributes other than the
 * namespace, no scripts, no entities beyond XML's). Every string is escaped.
 * Source: https://hl7.org/fhir/R4/narrative.html (Narrative.div, rules txt-1, txt-2).
 */
import type { Block, Cell, PlanDocument } from "./document";

export const XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml";

/** Escapes text for XML content and attribute values; strips characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function el(tag: string, inner: string): string {
  return `<${tag}>${inner}</${tag}>`;
}

function cellXhtml(cell: Cell): string {
  return typeof cell === "string" ? escapeXml(cell) : cell.map(escapeXml).join("<br/>");
}

function blockXhtml(block: Block): string {
  switch (block.kind) {
    case "paragraph":
      return el("p", escapeXml(block.text));
    case "list":
      return el("ul", block.items.map((i) => el("li", escapeXml(i))).join(""));
    case "table": {
      const head = el("thead", el("tr", block.head.map((h) => el("th", escapeXml(h))).join("")));
      const rows = block.rows.map((r) => el("tr", r.map((c) => el("td", cellXhtml(c))).join("")));
      return el("table", el("caption", escapeXml(block.caption)) + head + el("tbody", rows.join("")));
    }
  }
}

/** The narrative `div` (Narrative.div), also usable as the printable body. */
export function renderXhtml(doc: PlanDocument): string {
  const parts = [
    el("h2", escapeXml(doc.title)),
    ...doc.summary.map((s) => el("p", escapeXml(s))),
    ...doc.sections.map((s) => el("h3", escapeXml(s.heading)) + s.blocks.map(blockXhtml).join("")),
  ];
  return `<div xmlns="${XHTML_NAMESPACE}">${parts.join("")}</div>`;
}
