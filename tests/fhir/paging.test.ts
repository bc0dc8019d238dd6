import { describe, expect, it } from "vitest";
import { searchAllPages } from "@/lib/fhir/paging";
import { nextUrlUnderBase } from "@/lib/fhir/bundle-page";
import { outcomeSentence } from "@/lib/fhir/record";
import { BASE, bundle, FakeTransport, networkError, ok, status } from "./support/fake-transport";
import { medicationRequest } from "./support/resources";

const noSleep = { sleep: async () => {} };

describe("searchAllPages", () => {
  it("follows next links until the last page", async () => {
    const t = new FakeTransport()
      .on("page=2", ok(bundle([medicationRequest("b")], `${BASE}/MedicationRequest?page=3`)))
      .on("page=3", ok(bundle([medicationRequest("c")])))
      .on("MedicationRequest?patient", ok(bundle([medicationRequest("a")], `${BASE}/MedicationRequest?page=2`)));
    const r = await searchAllPages(t, "MedicationRequest?patient=p", { maxPages: 10, retry: noSleep });
    expect(r.state).toBe("complete");
    expect(r.pages).toBe(3);
    expect(r.resources).toHaveLength(3);
  });

  it("stops at the bound and reports truncation (never silent)", async () => {
    let n = 0;
    const t = new FakeTransport().on(() => true, () => ok(bundle([medicationRequest(`m${++n}`)], `${BASE}/MedicationRequest?page=${n + 1}`)));
    const r = await searchAllPages(t, "MedicationRequest?patient=p", { maxPages: 3, retry: noSleep });
    expect(r.state).toBe("truncated");
    expect(r.pages).toBe(3);
    expect(t.requests).toHaveLength(3);
    expect(outcomeSentence("medicationRequests", r.state, r.pages, r.issue)).toBe(
      "Record truncated: only the first 3 pages of medication orders were read (the app's limit), so the MME may be incomplete.",
    );
  });

  it("a last page exactly at the bound is complete, not truncated", async () => {
    const t = new FakeTransport().on("page=2", ok(bundle([]))).on(() => true, ok(bundle([], `${BASE}/X?page=2`)));
    expect((await searchAllPages(t, "X?a=1", { maxPages: 2, retry: noSleep })).state).toBe("complete");
  });

  it("never follows a next link off the FHIR base (the token would go there)", async () => {
    const t = new FakeTransport().on(() => true, ok(bundle([medicationRequest("a")], "https://evil.example/fhir/MedicationRequest?page=2")));
    const r = await searchAllPages(t, "MedicationRequest?patient=p", { maxPages: 10, retry: noSleep });
    expect(r.state).toBe("failed");
    expect(r.issue?.code).toBe("fhir.off-base-link");
    expect(t.requests.every((u) => u.startsWith(BASE))).toBe(true);
    expect(t.requests).toHaveLength(1);
  });

  it("resolves a relative next link against the base", async () => {
    const t = new FakeTransport().on("_getpages", ok(bundle([]))).on(() => true, ok(bundle([], "?_getpages=abc&_getpagesoffset=200")));
    const r = await searchAllPages(t, "MedicationRequest?patient=p", { maxPages: 5, retry: noSleep });
    expect(r.state).toBe("complete");
    expect(t.requests[1]).toBe(`${BASE}/?_getpages=abc&_getpagesoffset=200`);
  });

  it("a failed second page fails the search, keeping page 1 but flagged failed", async () => {
    const t = new FakeTransport().on("page=2", status(500)).on(() => true, ok(bundle([medicationRequest("a")], `${BASE}/MedicationRequest?page=2`)));
    const r = await searchAllPages(t, "MedicationRequest?patient=p", { maxPages: 10, context: { resourceType: "MedicationRequest" }, retry: noSleep });
    expect(r.state).toBe("failed");
    expect(r.issue).toMatchObject({ code: "fhir.server-error", status: 500 });
    expect(r.resources).toHaveLength(1);
  });

  it("a network failure is a failed search with a network issue", async () => {
    const t = new FakeTransport().on(() => true, networkError());
    const r = await searchAllPages(t, "X", { maxPages: 2, retry: noSleep });
    expect(r.issue?.code).toBe("fhir.network");
  });

  it("a body that is not a Bundle is a bad response", async () => {
    const t = new FakeTransport().on(() => true, ok({ resourceType: "Patient", id: "x" }));
    expect((await searchAllPages(t, "X", { maxPages: 2 })).issue?.code).toBe("fhir.bad-response");
  });

  it("a next link pointing back to a page already read is refused (no loop)", async () => {
    const t = new FakeTransport().on(() => true, ok(bundle([], `${BASE}/X?a=1`)));
    const r = await searchAllPages(t, "X?a=1", { maxPages: 50 });
    expect(r.issue?.code).toBe("fhir.bad-response");
    expect(t.requests).toHaveLength(1);
  });

  it("keeps server notices and counts entries without a resource", async () => {
    const page = {
      resourceType: "Bundle", type: "searchset",
      entry: [
        { resource: medicationRequest("a") },
        { fullUrl: "x" },
        { resource: { resourceType: "OperationOutcome", issue: [{ severity: "warning", details: { text: "Some results were filtered" } }] }, search: { mode: "outcome" } },
      ],
    };
    const r = await searchAllPages(new FakeTransport().on(() => true, ok(page)), "X", { maxPages: 1 });
    expect(r.resources).toHaveLength(1);
    expect(r.emptyEntries).toBe(1);
    expect(r.notices).toEqual(["Some results were filtered"]);
  });
});

describe("nextUrlUnderBase", () => {
  it.each([
    ["https://ehr.example.org/fhir/MedicationRequest?page=2", "https://ehr.example.org/fhir/MedicationRequest?page=2"],
    ["https://ehr.example.org/fhir?_getpages=x", "https://ehr.example.org/fhir?_getpages=x"],
    ["MedicationRequest?page=2", "https://ehr.example.org/fhir/MedicationRequest?page=2"],
    ["https://EHR.example.org/fhir/X", "https://ehr.example.org/fhir/X"],
    ["https://ehr.example.org/fhirevil/X", null],
    ["https://ehr.example.org/other/X", null],
    ["http://ehr.example.org/fhir/X", null],
    ["https://ehr.example.org:8443/fhir/X", null],
    ["https://evil.example/fhir/X", null],
    ["https://user:pw@ehr.example.org/fhir/X", null],
    ["//evil.example/fhir/X", null],
  ])("%s -> %s", (next, expected) => {
    expect(nextUrlUnderBase(next, "https://ehr.example.org/fhir")).toBe(expected);
  });
});
