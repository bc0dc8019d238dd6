import { describe, expect, it } from "vitest";
import { buildCarePlan, carePlanJsonForDownload, carePlanPrintDocument } from "@/lib/careplan";
import { makeContext, makePlan } from "./fixtures";
import { elements, parseXml } from "./xml";

describe("carePlanJsonForDownload", () => {
  const cp = buildCarePlan(makePlan(), makeContext());

  it("is exactly the CarePlan that would be written, as FHIR JSON, named by the proposal id", () => {
    const file = carePlanJsonForDownload(cp);
    expect(file.fileName).toBe("careplan-0f8fad5b-d9cb-469f-a165-70867728950e.json");
    expect(file.mimeType).toBe("application/fhir+json");
    expect(JSON.parse(file.text)).toEqual(cp);
    expect(file.text.endsWith("}\n")).toBe(true);
  });

  it("falls back to a safe file name when there is no identifier", () => {
    expect(carePlanJsonForDownload({ ...cp, identifier: [{ value: "../../etc/passwd" }] }).fileName).toBe("careplan-etcpasswd.json");
    expect(carePlanJsonForDownload({ ...cp, identifier: [] }).fileName).toBe("careplan-proposal.json");
  });
});

describe("carePlanPrintDocument", () => {
  it("is a well-formed XHTML page whose body is the CarePlan narrative", () => {
    const cp = buildCarePlan(makePlan(), makeContext());
    const page = carePlanPrintDocument(cp) ?? "";
    const parsed = parseXml(page);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.root.name).toBe("html");
    expect(elements(parsed.root, "title")[0]?.children).toEqual([cp.title]);
    expect(page).toContain(`<body>${cp.text?.div ?? "missing"}</body>`);
  });

  it("is null without a narrative", () => {
    const { text: _t, ...bare } = buildCarePlan(makePlan(), makeContext());
    expect(carePlanPrintDocument(bare)).toBeNull();
  });
});
