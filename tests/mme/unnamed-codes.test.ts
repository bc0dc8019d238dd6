import { describe, expect, it } from "vitest";
import { RXNORM, order, one, perDay, tab } from "./builders";

/**
 * An order coded with a code the catalog does not know and no name at all: the app cannot
 * tell whether it is an opioid, so a current one makes the total incomplete instead of
 * being left out as "not an opioid" (unknown beats wrong).
 */
describe("orders with an unknown code and no name", () => {
  it("a current one is not computable (the MME becomes incomplete), never 'not an opioid'", () => {
    const o = one(order("999999999", perDay(tab(1), 4)));
    expect(o.status).toBe("not-computable");
    expect(o.reason).toBe("mme.unknown-medication");
    expect(o.message).toContain("may be an opioid");
  });

  it("a stopped one is simply not current", () => {
    const o = one(order("999999999", perDay(tab(1), 4), { status: "stopped" }));
    expect(o).toMatchObject({ status: "excluded", reason: "mme.excluded.status" });
  });

  it("with a name that names no opioid, it is not an opioid", () => {
    const o = one(order("314076", perDay(tab(1), 1), { medicationCodeableConcept: { coding: [{ system: RXNORM, code: "314076", display: "lisinopril 10 MG Oral Tablet" }] } }));
    expect(o).toMatchObject({ status: "excluded", reason: "mme.excluded.not-an-opioid" });
  });
});
