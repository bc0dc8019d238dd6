import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkNarrativeXhtml } from "@/lib/fhir/careplan/xhtml-check";
import { parseXml } from "../careplan/xml";

const NS = 'xmlns="http://www.w3.org/1999/xhtml"';
const div = (inner: string) => `<div ${NS}>${inner}</div>`;

describe("checkNarrativeXhtml agrees with saxes on well-formedness", () => {
  it.each([
    ["a paragraph", div("<p>ok</p>"), true],
    ["table with br", div("<table><tbody><tr><td>a<br/>b</td></tr></tbody></table>"), true],
    ["the five XML entities and numeric references", div("&lt;&gt;&amp;&quot;&apos; &#233; &#x1F600;"), true],
    ["comment and CDATA", div("x<!-- note --><![CDATA[ <raw> & ]]>"), true],
    ["surrounding whitespace", `\n ${div("x")} \n`, true],
    ["attribute in single quotes", div("<span title='a &amp; b'>x</span>"), true],
    ["unclosed element", div("<p>unclosed"), false],
    ["crossed tags", div("<b><i>x</b></i>"), false],
    ["case mismatch", div("<p>x</P>"), false],
    ["HTML entity", div("a&nbsp;b"), false],
    ["bare ampersand", div("a & b"), false],
    ["bare less-than", div("a < b"), false],
    ["unquoted attribute", div("<p class=x>a</p>"), false],
    ["repeated attribute", div('<p title="1" title="2">a</p>'), false],
    ["two roots", div("x") + div("y"), false],
    ["text after the root", `${div("x")}tail`, false],
    ["NUL character reference", div("&#0;"), false],
    ["control character", div("\u0001"), false],
    ["']]>' in text", div("a ]]> b"), false],
    ["'--' in a comment", div("x<!-- a -- b -->"), false],
    ["'<' in an attribute", div('<span title="a<b">x</span>'), false],
    ["unclosed comment", div("x<!-- a"), false],
  ])("%s", (_name, xml, wellFormed) => {
    expect(parseXml(xml).ok).toBe(wellFormed);
    expect(checkNarrativeXhtml(xml).length === 0).toBe(wellFormed);
  });

  it("accepts whatever saxes accepts among random element soups of allowed tags (and vice versa)", () => {
    const token = fc.constantFrom("<p>", "</p>", "<b>", "</b>", "<br/>", "text", "&amp;", "&", "<", ">", "]]>", '<span title="t">', "</span>");
    fc.assert(
      fc.property(fc.array(token, { maxLength: 12 }), (tokens) => {
        const xml = div(`x${tokens.join("")}`);
        expect(checkNarrativeXhtml(xml).length === 0).toBe(parseXml(xml).ok);
      }),
      { numRuns: 500 },
    );
  });
});

describe("checkNarrativeXhtml enforces the FHIR narrative rules (txt-1, txt-2)", () => {
  it.each([
    ["script element", div("<script>alert(1)</script>"), "<script> is not allowed"],
    ["form element", div("<form>x</form>"), "<form> is not allowed"],
    ["event attribute", div('<p onclick="x()">a</p>'), "event attribute onclick"],
    ["javascript link", div('<a href="javascript:alert(1)">a</a>'), 'href="javascript:alert('],
    ["root is not a div", `<p ${NS}>x</p>`, "root must be <div>"],
    ["no XHTML namespace", "<div><p>x</p></div>", 'must declare xmlns="http://www.w3.org/1999/xhtml"'],
    ["another namespace", `<div ${NS}><p xmlns="urn:other">x</p></div>`, 'declares namespace "urn:other"'],
    ["no text", div("<p> </p>"), "has no text"],
    ["empty string", "", "no root <div>"],
    ["DOCTYPE", `<!DOCTYPE html>${div("x")}`, "DOCTYPE"],
  ])("%s", (_name, xml, message) => {
    const issues = checkNarrativeXhtml(xml);
    expect(issues.map((i) => i.message).join(" | ")).toContain(message);
  });

  it("reports line and column", () => {
    expect(checkNarrativeXhtml(`<div ${NS}>\n<p>x</span></div>`)[0]?.message).toBe("line 2, column 5: closing tag </span> does not match <p>");
  });
});
