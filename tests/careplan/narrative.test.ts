import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildCarePlan, carePlanAsText } from "@/lib/careplan";
import { checkNarrativeXhtml } from "@/lib/fhir/careplan/xhtml-check";
import { HOSTILE, makeContext, makePlan } from "./fixtures";
import { elements, parseXml, tableRows, textOf, type XmlElement } from "./xml";

function narrativeRoot(div: string | undefined): XmlElement {
  const parsed = parseXml(div ?? "");
  if (!parsed.ok) throw new Error(`narrative is not well-formed XML: ${parsed.error}`);
  return parsed.root;
}

function tableByCaption(root: XmlElement, caption: string): XmlElement {
  const table = elements(root, "table").find((t) => elements(t, "caption").some((c) => textOf(c) === caption));
  if (!table) throw new Error(`no table "${caption}"`);
  return table;
}

describe("narrative (CarePlan.text.div), parsed with saxes", () => {
  const plan = makePlan();
  const cp = buildCarePlan(plan, makeContext());
  const root = narrativeRoot(cp.text?.div);
  const text = textOf(root);

  it("is one XHTML div in the XHTML namespace, and passes the app's narrative check", () => {
    expect(root.name).toBe("div");
    expect(root.uri).toBe("http://www.w3.org/1999/xhtml");
    expect(checkNarrativeXhtml(cp.text?.div ?? "")).toEqual([]);
  });

  it("has the schedule as a table with one row per step", () => {
    const rows = tableRows(tableByCaption(root, "Taper schedule"));
    expect(rows).toHaveLength(plan.steps.length);
    // 10 mg = 2 tablets x 3/day x 28 days = 168 tablets; the engine's exclusive end 2025-03-31 shows as 2025-03-30
    expect(rows[0]).toEqual(["Start", "2025-03-03", "2025-03-30", "Starting dose", "oxycodone 10 mg every 8 hours (45 MME/day)", "45", "100 %", "168 tablet oxycodone 5 mg tablet"]);
    // 7.5 mg x 3 x 1.5 = 33.75 MME/day -> 33.8; 33.75 / 45 = 75 %
    expect(rows[1]).toEqual(["Step 1", "2025-03-31", "2025-04-27", "Reduce", "oxycodone 7.5 mg every 8 hours (33.8 MME/day)", "33.8", "75 %", "126 tablet oxycodone 5 mg tablet"]);
    expect(rows[3]?.[3]).toBe(`Pause requested: ${HOSTILE}`);
    expect(rows[2]?.[3]).toBe("Reduce");
    expect(rows[5]?.slice(0, 7)).toEqual(["Step 5", "2025-07-21", "2025-07-21", "Stop", "Stop oxycodone (was 5 mg once a day): last dose on 2025-08-17", "0", "0 %"]);
  });

  it("explains the starting MME: total, factor table id, per-order arithmetic, assumptions", () => {
    expect(text).toContain("Starting dose: 45 MME/day. Computed as of 2025-03-01 (look-back 120 days) with conversion-factor table cdc-2022");
    const orders = tableRows(tableByCaption(root, "MME per order"));
    expect(orders[0]?.[2]).toBe("oxycodone 30 mg/d x 1.5 = 45 MME/day");
    expect(orders[1]?.[4]).toBe("excluded\nEnded more than 120 days ago.");
    expect(text).toContain("oxycodone 5 mg tablet: The dose had no unit; read as tablets. (mme.assume.unitless-dose)");
  });

  it("states the rate, the basis, the rationale, pauses and warnings", () => {
    expect(text).toContain("Rate: 25 % of the starting dose per step (the same amount removed each step), every 4 weeks, to discontinuation, starting 2025-03-03.");
    expect(text).toContain("Why this rate: Opioids used < 1 year");
    expect(text).toContain("Pause at step 3 for 1 interval(s)");
    expect(text).toContain("Step 1 uses half tablets: check that they can be split. (taper.warn.half-tablets)");
  });

  it("lists readiness findings (unknown kept as unknown), what could not be checked, and the confirmations", () => {
    const findings = tableRows(tableByCaption(root, "Readiness findings as of 2025-03-01"));
    expect(findings[1]?.slice(0, 2)).toEqual(["Reason to consider tapering", "unknown (could not be checked)"]);
    expect(findings[1]?.[3]).toBe("Lorazepam 1 mg tablet, active, 2025-01-10");
    expect(text).toContain("Conditions: permission not granted");
    expect(text).toContain("The patient agrees to the taper: confirmed");
    expect(text).toContain("Goals of the taper agreed with the patient: not confirmed");
    expect(text).toContain(`Clinician's note: Prefers morning doses ${HOSTILE}`);
  });

  it("lists follow-up and monitoring", () => {
    const items = elements(root, "li").map(textOf);
    expect(items).toEqual(expect.arrayContaining(["2025-03-10: first follow-up agreed with the patient", "2025-03-31: first dose change", "Withdrawal symptoms", "Mood and suicidality"]));
  });

  it("escapes every string: hostile text stays text, no script element appears", () => {
    expect(elements(root, "script")).toHaveLength(0);
    expect(cp.text?.div).not.toContain("<script>");
    expect(text).toContain(HOSTILE);
  });
});

describe("narrative escaping, property", () => {
  it("any strings in the plan and context still give well-formed XHTML that keeps them as text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), (display, note) => {
        const plan = makePlan();
        plan.rationale = display;
        const first = plan.followUps[0];
        if (first) first.purpose = note;
        const ctx = makeContext();
        const cp = buildCarePlan(plan, { ...ctx, confirmations: { ...ctx.confirmations, note: display } });
        const div = cp.text?.div ?? "";
        const parsed = parseXml(div);
        expect(parsed.ok).toBe(true);
        expect(checkNarrativeXhtml(div)).toEqual([]);
        // XML parsers normalise CR and CRLF to LF in text (XML 1.0 section 2.11).
        if (parsed.ok) expect(textOf(parsed.root)).toContain(`Why this rate: ${display.replace(/\r\n?/g, "\n")}`);
      }),
      { numRuns: 150 },
    );
  });
});

describe("carePlanAsText", () => {
  const plan = makePlan();
  const text = carePlanAsText(plan, makeContext());

  it("is plain text with the same content as the narrative: title, schedule rows, MME, confirmations", () => {
    expect(text.startsWith("OPIOID TAPER PROPOSAL (DRAFT): 45 MME/DAY TO DISCONTINUATION\n")).toBe(true);
    expect(text).toContain("Step | From | To (inclusive) | Change | Daily regimen | MME/day | % of start | Dispense");
    expect(text).toContain("Step 1 | 2025-03-31 | 2025-04-27 | Reduce | oxycodone 7.5 mg every 8 hours (33.8 MME/day) | 33.8 | 75 % | 126 tablet oxycodone 5 mg tablet");
    expect(text).toContain("conversion-factor table cdc-2022");
    expect(text).toContain("- Naloxone offered: confirmed");
    expect(text).toContain("- 2025-03-10: first follow-up agreed with the patient");
  });

  it("has one schedule line per step and no markup of its own", () => {
    expect(text.split("\n").filter((l) => /^(Start|Step \d+) \| \d{4}-/.test(l))).toHaveLength(plan.steps.length);
    expect(text.split(HOSTILE).join("")).not.toMatch(/<\/?[a-z]+[ >]/);
  });
});
