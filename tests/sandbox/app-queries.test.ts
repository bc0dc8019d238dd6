/**
 * The searches the app really sends (lib/fhir/queries buildPatientSearches) work on the
 * sandbox, for both Observation strategies (one search, or one per category as Epic needs),
 * and return what the scenario holds.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPatientSearches } from "@/lib/fhir/queries";
import type { RunningSandbox } from "@/sandbox/server";
import { entries, fhir, jsonObject, launchToken, startTestSandbox } from "./helpers";

let sbx: RunningSandbox;
beforeAll(async () => {
  sbx = await startTestSandbox();
});
afterAll(async () => sbx.close());

async function readAll(token: string, url: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let next: string | null = `${sbx.fhirBase}/${url}`;
  while (next) {
    const res = await fetch(next, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const bundle = await jsonObject(res);
    out.push(...entries(bundle));
    const link = Array.isArray(bundle.link) ? bundle.link.find((l: unknown) => typeof l === "object" && l !== null && "relation" in l && l.relation === "next") : undefined;
    next = typeof link === "object" && link !== null && "url" in link && typeof link.url === "string" ? link.url : null;
  }
  return out;
}

describe("the app's patient searches", () => {
  it.each([false, true])("return the whole record of Oscar Oxley (observationCategoryRequired: %s)", async (observationCategoryRequired) => {
    const token = (await launchToken(sbx, { patient: "otp-oxy-benzo" })).access_token;
    const searches = buildPatientSearches("otp-oxy-benzo", { asOf: new Date(), lookbackDays: 730, pageSize: 200, observationCategoryRequired });
    const byKey = new Map<string, Record<string, unknown>[]>();
    for (const s of searches) byKey.set(s.key, [...(byKey.get(s.key) ?? []), ...(await readAll(token, s.url))]);
    expect(byKey.get("medicationRequests")).toHaveLength(10);
    expect(byKey.get("conditions")).toHaveLength(2);
    expect(byKey.get("carePlans")).toHaveLength(0);
    const codes = new Set((byKey.get("observations") ?? []).map((o) => JSON.stringify(o.code)));
    // PEG panel + mean (4 visits), 5 pain scores, PHQ-9 total + item 9, GAD-7, 3 urine screens; the PEG before the first opioid order (705 days ago) is inside 730 days
    expect(byKey.get("observations")).toHaveLength(19);
    expect([...codes].some((c) => c.includes("44260-8"))).toBe(true);
  });

  it("read the heavy record through next links within the 2-year window", async () => {
    const token = (await launchToken(sbx, { patient: "otp-heavy-record" })).access_token;
    const [, observations] = buildPatientSearches("otp-heavy-record", { asOf: new Date(), lookbackDays: 730, pageSize: 200, observationCategoryRequired: false });
    const all = await readAll(token, observations?.url ?? "");
    // 1,000 pain scores (about every 17 hours for 700 days) + 2 PEG visits x 2
    expect(all).toHaveLength(1004);
    expect((await fhir(sbx, `MedicationRequest?patient=otp-heavy-record&_count=200`, token)).status).toBe(200);
  });
});
