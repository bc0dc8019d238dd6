/**
 * The printed plan (issue 22): opens with the patient's identifiers, has no FHIR vocabulary
 * (status, intent, identifier, references), and the same step instructions as the schedule.
 */
import { describe, expect, it } from "vitest";
import { buildPrintedPlan, renderPlainText, renderXhtml } from "@/lib/careplan";
import { HOSTILE, makeContext, makePlan } from "./fixtures";

const header = { patientName: "Ana Lopez", birthDate: "Apr 9, 1961", mrn: "MRN-1002", clinician: "Dr. Alice Prescott", printedOn: "Mar 1, 2025" };

describe("printed plan", () => {
  const plan = makePlan();
  const doc = buildPrintedPlan(plan, makeContext(), header);
  const text = renderPlainText(doc);

  it("opens with who the plan is for and who printed it, before anything else", () => {
    expect(doc.summary[0]).toBe("Patient: Ana Lopez · Date of birth: Apr 9, 1961 · MRN: MRN-1002");
    expect(doc.summary[1]).toBe("Clinician: Dr. Alice Prescott · Printed Mar 1, 2025");
    expect(doc.sections[0]?.heading).toBe("Schedule");
  });

  it("says what is missing rather than leaving a gap", () => {
    const bare = buildPrintedPlan(plan, makeContext(), { ...header, patientName: null, birthDate: null, mrn: null, clinician: null });
    expect(bare.summary[0]).toBe("Patient: name not recorded · Date of birth: not recorded");
    expect(bare.summary[1]).toBe("Printed Mar 1, 2025");
  });

  it("has no FHIR vocabulary: no status or intent line, no urn:uuid, no resource references", () => {
    expect(text).not.toMatch(/urn:uuid|FHIR|intent|MedicationRequest\/|Patient\/|Practitioner\//);
  });

  it("lists every step with the schedule's own instruction, one row per step", () => {
    const table = doc.sections[0]?.blocks[0];
    expect(table?.kind).toBe("table");
    if (table?.kind !== "table") return;
    expect(table.rows).toHaveLength(plan.steps.length);
    for (const p of plan.steps.flatMap((s) => s.products)) expect(text).toContain(p.scheduleText);
  });

  it("keeps the clinician's confirmations and the readiness findings, one line each", () => {
    const headings = doc.sections.map((s) => s.heading);
    expect(headings).toEqual(["Schedule", "Follow-up and monitoring", "Rate and basis", "Starting dose", "Readiness", "Clinician's confirmations"]);
    expect(text).toContain("Naloxone offered: confirmed");
    expect(text).toContain("Reason: Pain not meaningfully improved.");
    // text from the record is escaped in the printed XHTML
    expect(text).toContain(HOSTILE);
    expect(renderXhtml(doc)).not.toContain("<script>");
  });
});
