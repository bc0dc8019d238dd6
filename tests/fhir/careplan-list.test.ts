import { describe, expect, it } from "vitest";
import { listEarlierTaperPlans, parseTaperPlanPage } from "@/lib/fhir/careplan";
import { MAX_PAGES } from "@/lib/fhir/careplan/list";
import { MemoryFhirServer, type ServerOptions } from "../careplan/memory-fhir";

const TAPER = [{ coding: [{ system: "http://loinc.org", code: "80764-4" }] }];
const OTHER = [{ coding: [{ system: "http://hl7.org/fhir/us/core/CodeSystem/careplan-category", code: "assess-plan" }] }];

function carePlan(id: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return { resourceType: "CarePlan", id, status: "draft", intent: "proposal", subject: { reference: "Patient/p1" }, category: TAPER, title: `plan ${id}`, ...over };
}

function serverWith(options: ServerOptions, ...plans: Record<string, unknown>[]): MemoryFhirServer {
  const server = new MemoryFhirServer(options);
  for (const p of plans) server.seed(p);
  return server;
}

describe("listEarlierTaperPlans", () => {
  it("lists the patient's taper CarePlans newest first, with date, status, title and identifier", async () => {
    const server = serverWith(
      {},
      carePlan("a", { created: "2024-05-01" }),
      carePlan("b", { created: "2025-01-15T09:00:00-05:00", identifier: [{ system: "urn:ietf:rfc:3986", value: "urn:uuid:1" }] }),
      carePlan("c", { meta: { lastUpdated: "2024-11-01T00:00:00Z" } }),
      carePlan("undated"),
      carePlan("not-taper", { category: OTHER, created: "2025-02-01" }),
      carePlan("other-patient", { subject: { reference: "Patient/p2" }, created: "2025-02-01" }),
    );
    const result = await listEarlierTaperPlans(server, "p1");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plans.map((p) => p.id)).toEqual(["b", "c", "a", "undated"]);
    expect(result.plans[0]).toEqual({ id: "b", date: "2025-01-15T09:00:00-05:00", status: "draft", intent: "proposal", title: "plan b", identifierValues: ["urn:uuid:1"] });
    expect(result.truncated).toBe(false);
    expect(server.requests[0]?.url).toBe("CarePlan?patient=p1&category=http://loinc.org|80764-4&_count=100");
  });

  it("filters by category itself when the server ignores the parameter", async () => {
    const server = serverWith({ ignoreCategory: true }, carePlan("t"), carePlan("n", { category: OTHER }), carePlan("none", { category: undefined }));
    const result = await listEarlierTaperPlans(server, "p1");
    expect(result.ok && result.plans.map((p) => p.id)).toEqual(["t"]);
  });

  it("follows next links under the FHIR base, at most MAX_PAGES pages, and says when it stopped", async () => {
    const plans = Array.from({ length: 7 }, (_, i) => carePlan(`p${i}`, { created: `2025-01-0${i + 1}` }));
    const twoPages = await listEarlierTaperPlans(serverWith({ pageSize: 4 }, ...plans), "p1");
    expect(twoPages.ok && twoPages.plans.map((p) => p.id)).toEqual(["p6", "p5", "p4", "p3", "p2", "p1", "p0"]);
    expect(twoPages.ok && twoPages.truncated).toBe(false);

    const server = serverWith({ pageSize: 1 }, ...plans);
    const capped = await listEarlierTaperPlans(server, "p1");
    expect(capped.ok && capped.plans).toHaveLength(MAX_PAGES);
    expect(capped.ok && capped.truncated).toBe(true);
    expect(server.requests).toHaveLength(MAX_PAGES);
  });

  it("does not follow a next link to another server (the token would go with it)", async () => {
    const server = serverWith({ pageSize: 1, nextBase: "https://evil.example/fhir" }, carePlan("x"), carePlan("y"));
    const result = await listEarlierTaperPlans(server, "p1");
    expect(server.requests).toHaveLength(1);
    expect(result.ok && result.truncated).toBe(true);
  });

  it("reports a refused search as a failure with a sentence, not as 'no earlier plans'", async () => {
    const result = await listEarlierTaperPlans(serverWith({ searchStatus: 403 }, carePlan("x")), "p1");
    expect(result).toEqual({ ok: false, httpStatus: 403, message: "Earlier taper plans could not be read (the EHR answered 403). A plan proposed before may exist: check the chart." });
  });

  it("reports a network failure", async () => {
    const transport = { baseUrl: "https://ehr.example.org/fhir", request: () => Promise.reject(new Error("Failed to fetch")) };
    const result = await listEarlierTaperPlans(transport, "p1");
    expect(result).toMatchObject({ ok: false, httpStatus: null });
    expect(!result.ok && result.message).toContain("Failed to fetch");
  });

  it("encodes the patient id", async () => {
    const server = serverWith({});
    await listEarlierTaperPlans(server, "a&b=c");
    expect(server.requests[0]?.url).toContain("patient=a%26b%3Dc&");
  });
});

describe("parseTaperPlanPage", () => {
  it("returns null for something that is not a Bundle", () => {
    expect(parseTaperPlanPage({ resourceType: "OperationOutcome", issue: [] })).toBeNull();
    expect(parseTaperPlanPage("nope")).toBeNull();
  });

  it("skips entries without an id or of another type", () => {
    const page = parseTaperPlanPage({
      resourceType: "Bundle",
      type: "searchset",
      entry: [{ resource: carePlan("ok") }, { resource: { ...carePlan("x"), id: undefined } }, { resource: { resourceType: "Patient", id: "p", category: TAPER } }, {}],
    });
    expect(page?.plans.map((p) => p.id)).toEqual(["ok"]);
    expect(page?.next).toBeNull();
  });
});
