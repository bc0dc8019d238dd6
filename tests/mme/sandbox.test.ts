/**
 * The public sandbox's Synthea data, as if every opioid order were current: each of the 106
 * opioid MedicationRequests in the 12 bundles is computed on its own (status set to active,
 * authored 10 days before asOf), so the arithmetic runs on the real shapes (unit-less doses,
 * frequency 1 / period 4-6 h, no dispenseRequest, the Vicodin branded code, meperidine, the
 * morphine injection).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { MedicationRequest } from "fhir/r4";
import { describe, expect, it } from "vitest";
import { parseResource } from "@/lib/fhir/parse";
import { calculateMme } from "@/lib/mme";

const SANDBOX = "tests/fixtures/sandbox-patients";
const OPIOID_CODES = new Set(["1310197", "1049221", "1860154", "861467", "857005", "856980", "1732136"]);

function opioidOrders(): MedicationRequest[] {
  const out: MedicationRequest[] = [];
  for (const file of readdirSync(SANDBOX).filter((f) => f.endsWith(".json"))) {
    const raw: unknown = JSON.parse(readFileSync(join(SANDBOX, file), "utf8"));
    const entries = typeof raw === "object" && raw !== null && "entry" in raw && Array.isArray(raw.entry) ? raw.entry : [];
    for (const entry of entries) {
      const parsed = parseResource(typeof entry === "object" && entry !== null && "resource" in entry ? entry.resource : null);
      if (!parsed.ok || parsed.resource.resourceType !== "MedicationRequest") continue;
      const code = parsed.resource.medicationCodeableConcept?.coding?.[0]?.code;
      if (code !== undefined && OPIOID_CODES.has(code)) out.push(parsed.resource);
    }
  }
  return out;
}

describe("Synthea opioid orders, each as if current", () => {
  const orders = opioidOrders();
  const results = orders.map((mr) => calculateMme({ medicationRequests: [{ ...mr, status: "active", authoredOn: "2025-05-22" }], asOf: "2025-06-01" }).orders[0]);

  it("finds the 106 opioid orders of the fixture README", () => {
    expect(orders).toHaveLength(106);
  });

  it("every one is counted or has a stated reason: 12 counted, 1 parenteral, 93 without any dosage", () => {
    const tally = new Map<string, number>();
    for (const o of results) tally.set(o?.reason ?? "counted", (tally.get(o?.reason ?? "counted") ?? 0) + 1);
    expect(Object.fromEntries(tally)).toEqual({ counted: 12, "mme.parenteral": 1, "mme.missing-dosage": 93 });
  });

  it("each counted order is 30 MME/day, with the unit-less dose flagged", () => {
    // 857005 hydrocodone 7.5 mg q6h: 7.5 x 4 = 30; 1049221 oxycodone 5 mg q6h: 20 x 1.5 = 30;
    // 861467 meperidine 50 mg q4h: 300 x 0.1 (data-file factor) = 30
    for (const o of results.filter((r) => r?.status === "counted")) {
      expect(o?.mmePerDay).toBeCloseTo(30, 9);
      expect(o?.assumptions.map((a) => a.code)).toContain("mme.assume.unitless-dose");
    }
  });
});
