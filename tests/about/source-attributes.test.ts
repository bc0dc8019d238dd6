/**
 * Issue 17.2: the source attributes have one source (lib/about/source-attributes.ts) for the app's
 * About page, its JSON (/api/about) and docs/source-attributes.md; every citation resolves to a
 * section of docs/clinical-sources.md; the version is the package's.
 */
import { readFileSync } from "node:fs";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import AboutPage from "@/app/about/page";
import { GET } from "@/app/api/about/route";
import { sourceAttributesMarkdown } from "@/lib/about/markdown";
import { SOURCE_ATTRIBUTES } from "@/lib/about/source-attributes";

const clinicalSources = readFileSync("docs/clinical-sources.md", "utf8");
/** Section numbers of docs/clinical-sources.md headings: "## 2. MME..." -> "2", "### 1.5 Taper..." -> "1.5". */
const sections = new Set([...clinicalSources.matchAll(/^#{2,4} (\d+(?:\.\d+)*)\.? /gm)].map((m) => m[1]));

describe("source attributes (ONC HTI-1 (b)(11))", () => {
  it("every citation resolves to a section of docs/clinical-sources.md", () => {
    expect(SOURCE_ATTRIBUTES.evidence.length).toBeGreaterThan(5);
    const unresolved = SOURCE_ATTRIBUTES.evidence.filter((c) => !sections.has(c.section));
    expect(unresolved).toEqual([]);
  });

  it("the section reader sees the document's headings (a citation of a missing section would fail)", () => {
    expect(sections.has("1.5")).toBe(true);
    expect(sections.has("2")).toBe(true);
    expect(sections.has("9.9")).toBe(false);
  });

  it("states every attribute the rule and CDS committees ask for", () => {
    const a = SOURCE_ATTRIBUTES;
    for (const text of [a.developer, a.funding, a.intendedUse, a.reportProblem, a.releaseDate]) expect(text.trim()).not.toBe("");
    for (const items of [a.intendedUsers, a.notIntendedFor, a.inputs.fhirData, a.inputs.demographics, a.validation, a.limitations]) expect(items.length).toBeGreaterThan(0);
    expect(a.limitations.join(" ")).toMatch(/not a conversion tool/);
    expect(a.inputs.demographics.join(" ")).toMatch(/race/);
  });

  it("the version is the package's", () => {
    const pkg: unknown = JSON.parse(readFileSync("package.json", "utf8"));
    expect(typeof pkg === "object" && pkg !== null && "version" in pkg ? pkg.version : null).toBe(SOURCE_ATTRIBUTES.version);
  });

  it("the JSON at /api/about is the source, unchanged", async () => {
    const res = GET();
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(SOURCE_ATTRIBUTES)));
  });

  it("the About page shows every citation, limitation and the report route from the same source", () => {
    const html = renderToStaticMarkup(AboutPage());
    const text = html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
    for (const c of SOURCE_ATTRIBUTES.evidence) expect(text).toContain(`${c.text} (clinical-sources.md section ${c.section})`);
    for (const l of SOURCE_ATTRIBUTES.limitations) expect(text).toContain(l);
    expect(text).toContain(SOURCE_ATTRIBUTES.reportProblem);
  });

  it("docs/source-attributes.md is the source rendered (also checked byte for byte by the generators test)", () => {
    expect(readFileSync("docs/source-attributes.md", "utf8")).toBe(sourceAttributesMarkdown(SOURCE_ATTRIBUTES));
  });
});
