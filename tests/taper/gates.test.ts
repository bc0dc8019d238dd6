/**
 * Plan gates (lib/taper/readiness/gates.ts): every finding whose effect is `blocks` or
 * `requires-confirmation` is one gate; an override needs a reason; a confirmation does not
 * lift a block. CDC 2022 Rec 12 ("offer or arrange evidence-based medication to treat
 * patients with opioid use disorder"; detoxification alone is not recommended) is the
 * example: active OUD blocks the taper and says what to do instead.
 */
import { describe, expect, it } from "vitest";
import type { GateDecision, PlanGate } from "@/lib/domain";
import { assessReadiness, gateRefusal, openGates } from "@/lib/taper";
import { fixture, loadBundleFile, scenarioInputs } from "./scenario";

const AS_OF = "2025-03-01";

const blocks: PlanGate = { findingId: "caution.pregnancy", kind: "blocks", title: "Pregnancy recorded", reason: "A current pregnancy is recorded.", instead: "Get obstetric input.", citations: [] };
const confirm: PlanGate = { findingId: "caution.oud", kind: "requires-confirmation", title: "Opioid use disorder in remission", reason: "In remission.", confirm: "Opioid use disorder reassessed and still in remission.", citations: [] };

describe("openGates", () => {
  it.each<[string, GateDecision[], string[]]>([
    ["no decisions: both open", [], ["caution.pregnancy", "caution.oud"]],
    ["an override with a reason resolves a block", [{ findingId: "caution.pregnancy", kind: "override", reason: "Obstetric input obtained (Dr A, 2025-02-27)" }], ["caution.oud"]],
    ["an override with a blank reason resolves nothing", [{ findingId: "caution.pregnancy", kind: "override", reason: "   " }], ["caution.pregnancy", "caution.oud"]],
    ["a confirmation does not lift a block", [{ findingId: "caution.pregnancy", kind: "confirmed", reason: "" }], ["caution.pregnancy", "caution.oud"]],
    ["a confirmation resolves a requires-confirmation gate", [{ findingId: "caution.oud", kind: "confirmed", reason: "" }], ["caution.pregnancy"]],
    ["a decision for another finding resolves nothing", [{ findingId: "caution.cancer", kind: "override", reason: "not cancer pain" }], ["caution.pregnancy", "caution.oud"]],
  ])("%s", (_name, decisions, open) => {
    expect(openGates([blocks, confirm], decisions).map((g) => g.findingId)).toEqual(open);
  });
});

describe("gateRefusal", () => {
  it("says no taper is proposed, with what to do instead and what to confirm", () => {
    expect(gateRefusal([blocks, confirm])).toEqual({
      code: "taper.gated",
      message: "No taper is proposed. Pregnancy recorded: Get obstetric input. Opioid use disorder in remission: confirm that opioid use disorder reassessed and still in remission.",
    });
    expect(gateRefusal([])).toBeNull();
  });
});

describe("readiness gates from the chart", () => {
  it("active OUD treatment blocks, with Rec 12's alternative", () => {
    const r = assessReadiness(scenarioInputs(loadBundleFile(fixture("oud-on-buprenorphine")), AS_OF), AS_OF);
    expect(r.gates.filter((g) => g.kind === "blocks").map((g) => g.findingId)).toEqual(["caution.oud"]);
  });
  it("conditions not readable: each out-of-scope caution asks to be confirmed, none blocks", () => {
    const r = assessReadiness(scenarioInputs(loadBundleFile(fixture("short-use-ir-oxycodone")), AS_OF, { conditions: "permission not granted" }), AS_OF);
    expect(r.gates.map((g) => [g.findingId, g.kind])).toEqual([
      ["caution.oud", "requires-confirmation"], ["caution.pregnancy", "requires-confirmation"], ["caution.cancer", "requires-confirmation"],
      ["caution.palliative", "requires-confirmation"], ["caution.sickle-cell", "requires-confirmation"],
    ]);
  });
  it("every gate comes from a finding with the same effect, and no informs finding is a gate", () => {
    const r = assessReadiness(scenarioInputs(loadBundleFile(fixture("cancer-pregnancy-overdose-apnea")), AS_OF), AS_OF);
    const gated = r.findings.filter((f) => f.planEffect.kind !== "informs").map((f) => f.id);
    expect(r.gates.map((g) => g.findingId)).toEqual(gated);
    expect(gated).toEqual(expect.arrayContaining(["caution.pregnancy", "caution.cancer"]));
  });
});
