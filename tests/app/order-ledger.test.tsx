/**
 * The order ledger on screen (issue 13, "Done when"): per order, which readings agreed with the
 * number used, or why it needs review, rendered from the engine's own output for real-shaped
 * orders (an Epic order stating its dose three ways; the same order with a disagreeing entry).
 */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { OrderLedger } from "@/app/_components/OrderLedger";
import { calculateMme } from "@/lib/mme";

const RX = "http://www.nlm.nih.gov/research/umls/rxnorm";

function epicOrder(id: string, adminTablets: number) {
  return {
    resourceType: "MedicationRequest", id, status: "active", intent: "order", subject: { reference: "Patient/p" }, authoredOn: "2025-05-15",
    medicationCodeableConcept: { coding: [{ system: RX, code: "1049621", display: "oxycodone hydrochloride 5 MG Oral Tablet" }] },
    dosageInstruction: [{
      text: "Take 2 tablets (10 mg total) by mouth every 6 (six) hours.",
      timing: { repeat: { frequency: 1, period: 6, periodUnit: "h" } },
      doseAndRate: [
        { type: { text: "calculated" }, doseQuantity: { value: 10, unit: "mg" } },
        { type: { text: "admin-amount" }, doseQuantity: { value: adminTablets, unit: "tablet(s)" } },
      ],
    }],
  };
}

const html = renderToStaticMarkup(<OrderLedger orders={calculateMme({ medicationRequests: [epicOrder("agrees", 2), epicOrder("disagrees", 1)], asOf: "2025-06-01" }).orders} />);
const rows = html.split('data-testid="order-row"').slice(1);

describe("the order ledger shows each order's readings", () => {
  it("a counted order: how many readings agreed, and each one marked as agreeing (2 tablets x 4 x 5 mg x 1.5 = 60)", () => {
    const row = rows[0] ?? "";
    expect(row).toContain("60 MME/day");
    expect(row).toMatch(/\d+ readings agree/);
    expect(row).toContain('data-agrees="agrees"');
    expect(row).not.toContain('data-agrees="disagrees"');
    expect(row).toContain("doseAndRate &quot;admin-amount&quot;");
  });
  it("an order whose readings disagree: 'needs review', the disagreement in words, the disagreeing reading marked", () => {
    const row = rows[1] ?? "";
    expect(row).toContain("not computed");
    expect(row).toContain("needs review: readings disagree");
    expect(row).toContain("Needs review:");
    expect(row).toContain("says 1 tablet");
    expect(row).toContain('data-agrees="disagrees"');
  });
});
