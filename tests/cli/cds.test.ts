/**
 * The `cds` command prints exactly what POST /cds-services/{id} answers for the same request
 * (same handler, same card ids), offline; bad input exits 2 with the reason.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCds } from "@/cli/cds/main";
import { parseConfig } from "@/lib/config";
import { serviceEndpoint } from "@/lib/cds-service/http";

const dir = mkdtempSync(join(tmpdir(), "cds-cli-"));
const RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
const fentanyl = {
  resourceType: "MedicationRequest", id: "d1", status: "draft", intent: "order", authoredOn: "2025-03-01", subject: { reference: "Patient/p9" },
  medicationCodeableConcept: { coding: [{ system: RXNORM, code: "197696", display: "72 HR Fentanyl 0.075 MG/HR Transdermal System" }] },
  dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 3, periodUnit: "d" } }, doseAndRate: [{ doseQuantity: { value: 1, unit: "patch" } }] }],
};
const request = {
  hook: "order-sign", hookInstance: "c0ffee00-1111-4222-8333-444455556666",
  context: { patientId: "p9", userId: "Practitioner/u1", draftOrders: { resourceType: "Bundle", type: "collection", entry: [{ resource: fentanyl }] } },
  prefetch: { medications: null, observations: null, conditions: null },
};

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe("npm run cds", () => {
  it("prints the HTTP service's response for the same request", async () => {
    const file = write("req.json", JSON.stringify(request));
    const cli = await runCds(["opioid-mme-order-sign", file, "--as-of", "2025-03-01", "--app-url", "http://localhost:3000"]);
    expect(cli.code).toBe(0);
    const config = parseConfig({ appBaseUrl: "http://localhost:3000", issuers: [{ id: "x", name: "X", iss: "http://localhost:4010/fhir", clientId: "c" }], cds: { requireJwt: false } }, "test");
    const http = await serviceEndpoint({ config, now: () => new Date("2025-03-01T12:00:00Z"), log: () => undefined }, new Request("http://localhost:3000/cds-services/opioid-mme-order-sign", { method: "POST", body: JSON.stringify(request) }), "opioid-mme-order-sign");
    expect(JSON.parse(cli.stdout)).toEqual(await http.json());
    // 75 mcg/h x 2.4 = 180 MME/day
    expect(cli.stdout).toContain("Total 180 MME/day with this order");
  });

  it.each([
    ["a missing file", ["opioid-mme-order-sign", join(dir, "none.json")], /cannot read/],
    ["not JSON", ["opioid-mme-order-sign", "NOTJSON"], /is not JSON/],
    ["not a CDS Hooks request", ["opioid-mme-order-sign", "BAD"], /Not a valid CDS Hooks request[\s\S]*hookInstance/],
    ["an unknown service", ["nope", "GOOD"], /No CDS service "nope"/],
    ["a hook the service does not answer", ["opioid-taper-patient-view", "GOOD"], /answers patient-view, not "order-sign"/],
    ["a bad --as-of", ["opioid-mme-order-sign", "GOOD", "--as-of", "yesterday"], /--as-of must be a date/],
    ["no request file", ["opioid-mme-order-sign"], /expected a service id and one request file/],
  ])("exits 2 for %s", async (_what, argv, message) => {
    const files: Record<string, string> = { NOTJSON: write("n.json", "{nope"), BAD: write("b.json", JSON.stringify({ hook: "order-sign" })), GOOD: write("g.json", JSON.stringify(request)) };
    const result = await runCds(argv.map((a) => files[a] ?? a));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
  });
});
