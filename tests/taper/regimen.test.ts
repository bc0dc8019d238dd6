import { describe, expect, it } from "vitest";
import { productByRxnorm } from "@/lib/mme/catalog";
import { proposeTaperPlan, regimenFromMme } from "@/lib/taper";
import { mmeResult, options, order } from "./helpers";

describe("regimenFromMme", () => {
  it("turns counted orders into regimen items with unique keys", () => {
    const r = regimenFromMme(mmeResult([
      order("1049683", 1, 3, { medicationRequest: "a" }),
      order("1049683", 1, 1, { medicationRequest: "b" }),
      order("864706", 1, 2, { status: "excluded", reason: "mme.excluded.stale", mmePerDay: null }),
    ]));
    // same product, different schedules: two items, keys made unique
    expect(r.items.map((i) => i.key)).toEqual(["1049683", "1049683@MedicationRequest/b"]);
    expect(r.items.map((i) => i.mmePerDay)).toEqual([45, 15]);
    expect(r.blockers).toEqual([]);
  });

  it("never tapers buprenorphine and says why", () => {
    const bup = order("1010600", 1, 2, { status: "excluded", reason: "mme.excluded.buprenorphine", mmePerDay: null });
    const r = regimenFromMme(mmeResult([bup, order("1049683", 1, 3)]));
    expect(r.items.map((i) => i.key)).toEqual(["1049683"]);
    expect(r.notTapered).toEqual([{ display: "buprenorphine 2 MG / naloxone 0.5 MG Sublingual Film", reason: expect.stringMatching(/never tapered by this tool/) }]);
    const onlyBup = proposeTaperPlan(regimenFromMme(mmeResult([bup])), options(), "2025-01-01");
    expect(onlyBup.ok ? null : onlyBup.refusal.code).toBe("taper.nothing-to-taper");
  });

  it("blocks a plan when the MME is incomplete, naming the order that could not be computed", () => {
    const failed = order("1049683", 1, 3, {
      medicationRequest: "x", status: "not-computable", reason: "mme.missing-frequency", message: "No frequency in the order.", mmePerDay: null,
    });
    const r = regimenFromMme(mmeResult([order("864706", 1, 2), failed], { state: "incomplete", complete: false, incompleteReasons: ["1 order could not be computed."] }));
    expect(r.items).toHaveLength(1);
    expect(r.blockers[0]?.code).toBe("taper.mme-incomplete");
    expect(r.blockers[0]?.message).toContain("MedicationRequest/x");
    expect(r.blockers[0]?.message).toContain("No frequency in the order.");
    const outcome = proposeTaperPlan(r, options(), "2025-01-01");
    expect(outcome.ok ? null : outcome.refusal.code).toBe("taper.mme-incomplete");
  });

  it("blocks a plan when the medication list could not be read", () => {
    const r = regimenFromMme(mmeResult([], { state: "unknown", complete: false, totalMmePerDay: null, incompleteReasons: ["MedicationRequest search failed (500)."] }));
    expect(r.blockers.map((b) => b.code)).toEqual(["taper.mme-unknown"]);
    expect(r.blockers[0]?.message).toContain("search failed");
  });

  it("blocks a counted order whose dose per administration is unknown", () => {
    const r = regimenFromMme(mmeResult([order("1049683", 1, 3, { unitsPerAdministration: null })]));
    expect(r.blockers.map((b) => b.code)).toEqual(["taper.order-without-dose"]);
  });

  it("marks as-needed orders, which the plan starts from actual use (never from the order's maximum)", () => {
    const r = regimenFromMme(mmeResult([order("1049683", 1, 4, { asNeeded: true })]));
    expect(r.items.map((i) => [i.asNeeded, i.administrationsPerDay, i.mmePerDay])).toEqual([[true, 4, 60]]);
    const refused = proposeTaperPlan(r, options(), "2025-01-01");
    expect(refused.ok ? null : refused.refusal.code).toBe("taper.actual-use-needed");
    const plan = proposeTaperPlan(r, options({ actualUse: { "MedicationRequest/1049683": { dosesPerDay: 2, source: "entered", detail: "" } } }), "2025-01-01");
    // 2 a day x 10 mg x 1.5 = 30 MME/day, not the 60 the order allows
    expect(plan.ok && plan.plan.startMmePerDay).toBe(30);
  });

  it("merges orders of one product family taken together into one item (one instruction per product)", () => {
    // fentanyl 75 + 25 mcg/h patches worn together, both changed every 72 hours: one 100 mcg/h item
    const r = regimenFromMme(mmeResult([order("197696", 1, 1 / 3, { medicationRequest: "a" }), order("245134", 1, 1 / 3, { medicationRequest: "b" })]));
    expect(r.items).toHaveLength(1);
    expect(r.items[0]?.startUnits?.map((u) => [u.product.rxnorm, u.count])).toEqual([["197696", 1], ["245134", 1]]);
    expect(r.items[0]?.mmePerDay).toBe(240);
    expect(r.items[0]?.orderRefs).toEqual(["MedicationRequest/a", "MedicationRequest/b"]);
  });

  it("lists a counted product it cannot build doses for (sublingual sufentanil) as not tapered, with a warning", () => {
    const product = productByRxnorm("2103192");
    expect(product?.doseForm).toBe("sublingual");
    const sl = order("1049683", 1, 1, { medicationRequest: "sl", product, display: "sufentanil 0.03 MG Sublingual Tablet", mmePerDay: 10 });
    const r = regimenFromMme(mmeResult([sl, order("1049683", 1, 3)]));
    expect(r.items).toHaveLength(1);
    expect(r.notTapered[0]?.display).toBe("sufentanil 0.03 MG Sublingual Tablet");
    expect(r.warnings[0]?.message).toMatch(/10 MME\/day\) is not tapered by this tool/);
  });
});
