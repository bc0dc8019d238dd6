/**
 * What an app notices on the sandbox's FHIR server, modelled on HAPI (the public sandbox's
 * server): paging with `next` links, `_sort=-date`, `_include`, 400 for unknown parameters,
 * 201 with the resource on create, conditional create, the CapabilityStatement, CORS, and the
 * simulation options (FHIR errors, latency, read-only CarePlan).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "@/sandbox/server";
import { APP_ORIGIN, entries, fhir, jsonObject, launchToken, startTestSandbox } from "./helpers";

let sbx: RunningSandbox;
let heavy: string;
let oscar: string;
beforeAll(async () => {
  sbx = await startTestSandbox();
  heavy = (await launchToken(sbx, { patient: "otp-heavy-record" })).access_token;
  oscar = (await launchToken(sbx, { patient: "otp-oxy-benzo" })).access_token;
});
afterAll(async () => sbx.close());

function links(bundle: Record<string, unknown>): Map<string, string> {
  const list = Array.isArray(bundle.link) ? bundle.link : [];
  return new Map(list.flatMap((l: unknown) => (typeof l === "object" && l !== null && "relation" in l && "url" in l && typeof l.relation === "string" && typeof l.url === "string" ? [[l.relation, l.url] as const] : [])));
}

const carePlan = (patient: string, identifier: string) => ({
  resourceType: "CarePlan",
  status: "draft",
  intent: "proposal",
  subject: { reference: `Patient/${patient}` },
  identifier: [{ system: "urn:vitest", value: identifier }],
  title: "Opioid taper plan",
});

describe("search", () => {
  it("pages with next links until the whole heavy record is read (3,004 Observations)", async () => {
    let url: string | null = `${sbx.fhirBase}/Observation?patient=otp-heavy-record&_count=200`;
    const ids = new Set<string>();
    let pages = 0;
    while (url) {
      expect(url.startsWith(sbx.fhirBase)).toBe(true);
      const bundle = await jsonObject(await fetch(url, { headers: { authorization: `Bearer ${heavy}` } }));
      expect(bundle.total).toBe(3004);
      for (const r of entries(bundle)) ids.add(String(r.id));
      pages++;
      url = links(bundle).get("next") ?? null;
    }
    expect(pages).toBe(16);
    expect(ids.size).toBe(3004);
  });

  it("defaults to 20 per page and caps _count at 200, like HAPI", async () => {
    const first = await jsonObject(await fhir(sbx, "Observation?patient=otp-heavy-record", heavy));
    expect(entries(first)).toHaveLength(20);
    const capped = await jsonObject(await fhir(sbx, "Observation?patient=otp-heavy-record&_count=5000", heavy));
    expect(entries(capped)).toHaveLength(200);
  });

  it("sorts by -date: newest first", async () => {
    const bundle = await jsonObject(await fhir(sbx, "Observation?patient=otp-heavy-record&code=http://loinc.org|72514-3&_sort=-date&_count=3", heavy));
    const dates = entries(bundle).map((r) => String(r.effectiveDateTime));
    expect(dates).toHaveLength(3);
    expect([...dates].sort().reverse()).toEqual(dates);
    const asc = await jsonObject(await fhir(sbx, "Observation?patient=otp-heavy-record&code=http://loinc.org|72514-3&_sort=date&_count=1", heavy));
    expect(String(entries(asc)[0]?.effectiveDateTime) < String(dates[0])).toBe(true);
  });

  it("includes the referenced Medication resources with _include=MedicationRequest:medication", async () => {
    const fiona = (await launchToken(sbx, { patient: "otp-fentanyl-hydrocodone" })).access_token;
    const bundle = await jsonObject(await fhir(sbx, "MedicationRequest?patient=otp-fentanyl-hydrocodone&status=active&_include=MedicationRequest:medication", fiona));
    const list = Array.isArray(bundle.entry) ? bundle.entry : [];
    const modes = list.map((e: unknown) => (typeof e === "object" && e !== null && "search" in e ? JSON.stringify(e.search) : ""));
    const types = entries(bundle).map((r) => r.resourceType);
    expect(types.filter((t) => t === "Medication")).toHaveLength(2);
    expect(modes.filter((m) => m.includes("include"))).toHaveLength(2);
    expect(bundle.total).toBe(3);
  });

  it("answers an unknown search parameter with 400 and an OperationOutcome", async () => {
    const res = await fhir(sbx, "Observation?patient=otp-oxy-benzo&colour=blue", oscar);
    expect(res.status).toBe(400);
    const body = await jsonObject(res);
    expect(body.resourceType).toBe("OperationOutcome");
    expect(JSON.stringify(body)).toContain('Unknown search parameter \\"colour\\"');
    expect((await fhir(sbx, "Observation?patient=otp-oxy-benzo&_sort=-colour", oscar)).status).toBe(400);
  });
});

describe("create", () => {
  it("returns 201 with the resource and a Location; If-None-Exist does not duplicate", async () => {
    const init = (body: unknown): RequestInit => ({ method: "POST", headers: { "content-type": "application/fhir+json", "if-none-exist": "identifier=urn:vitest|plan-1" }, body: JSON.stringify(body) });
    const first = await fhir(sbx, "CarePlan", oscar, init(carePlan("otp-oxy-benzo", "plan-1")));
    expect(first.status).toBe(201);
    const created = await jsonObject(first);
    expect(created.resourceType).toBe("CarePlan");
    const meta = created.meta;
    const versionId = typeof meta === "object" && meta !== null && "versionId" in meta ? String(meta.versionId) : "?";
    expect(first.headers.get("location")).toBe(`${sbx.fhirBase}/CarePlan/${String(created.id)}/_history/${versionId}`);
    const again = await fhir(sbx, "CarePlan", oscar, init(carePlan("otp-oxy-benzo", "plan-1")));
    expect(again.status).toBe(200);
    expect((await jsonObject(again)).id).toBe(created.id);
    const search = await jsonObject(await fhir(sbx, "CarePlan?patient=otp-oxy-benzo&identifier=urn:vitest|plan-1", oscar));
    expect(search.total).toBe(1);
  });

  it("keeps the client's declared profile and tags on create, and assigns its own id and version", async () => {
    const profile = "http://hl7.org/fhir/us/cdc-opioid-cpg/StructureDefinition/PainTreatmentCarePlan";
    const body = { ...carePlan("otp-oxy-benzo", "plan-meta"), id: "client-chosen", meta: { versionId: "99", profile: [profile], tag: [{ system: "urn:vitest", code: "t" }] } };
    const res = await fhir(sbx, "CarePlan", oscar, { method: "POST", headers: { "content-type": "application/fhir+json" }, body: JSON.stringify(body) });
    expect(res.status).toBe(201);
    const created = await jsonObject(res);
    expect(created.id).not.toBe("client-chosen");
    const read = await jsonObject(await fhir(sbx, `CarePlan/${String(created.id)}`, oscar));
    const meta = read.meta as { profile?: unknown; tag?: unknown; versionId?: unknown };
    expect(meta.profile).toEqual([profile]);
    expect(meta.tag).toEqual([{ system: "urn:vitest", code: "t" }]);
    expect(meta.versionId).not.toBe("99");
  });

  it("refuses a CarePlan for another patient (403) and an invalid one (400)", async () => {
    const post = (body: unknown) => fhir(sbx, "CarePlan", oscar, { method: "POST", headers: { "content-type": "application/fhir+json" }, body: JSON.stringify(body) });
    expect((await post(carePlan("otp-methadone", "plan-2"))).status).toBe(403);
    const { status: _status, ...noStatus } = carePlan("otp-oxy-benzo", "plan-3");
    const invalid = await post(noStatus);
    expect(invalid.status).toBe(400);
    expect((await jsonObject(invalid)).resourceType).toBe("OperationOutcome");
  });
});

describe("CapabilityStatement", () => {
  it("offers CarePlan create, and not with the carePlanReadOnly launch option (create then 405)", async () => {
    const carePlanInteractions = async (token: string | null) => {
      const cs = await jsonObject(await fhir(sbx, "metadata", token));
      const rest = Array.isArray(cs.rest) ? cs.rest[0] : null;
      const resources: unknown[] = rest && typeof rest === "object" && "resource" in rest && Array.isArray(rest.resource) ? rest.resource : [];
      const cp = resources.find((r) => typeof r === "object" && r !== null && "type" in r && r.type === "CarePlan");
      return JSON.stringify(cp);
    };
    expect(await carePlanInteractions(null)).toContain('"create"');
    const readOnly = (await launchToken(sbx, { patient: "otp-oxy-benzo", carePlanReadOnly: true })).access_token;
    expect(await carePlanInteractions(readOnly)).not.toContain('"create"');
    const res = await fhir(sbx, "CarePlan", readOnly, { method: "POST", headers: { "content-type": "application/fhir+json" }, body: JSON.stringify(carePlan("otp-oxy-benzo", "plan-4")) });
    expect(res.status).toBe(405);
  });
});

describe("refuseWrites launch option", () => {
  it("answers a CarePlan create with 403 and an OperationOutcome although the scope was granted; reads still work", async () => {
    const token = (await launchToken(sbx, { patient: "otp-oxy-benzo", refuseWrites: 403 })).access_token;
    const res = await fhir(sbx, "CarePlan", token, { method: "POST", headers: { "content-type": "application/fhir+json" }, body: JSON.stringify(carePlan("otp-oxy-benzo", "plan-403")) });
    expect(res.status).toBe(403);
    expect(JSON.stringify(await res.json())).toContain("OperationOutcome");
    expect((await fhir(sbx, "CarePlan?patient=otp-oxy-benzo", token)).status).toBe(200);
  });
});

describe("CORS for the app's origin", () => {
  it("answers preflights for the app origin only and exposes Location", async () => {
    const preflight = (origin: string) =>
      fetch(`${sbx.fhirBase}/CarePlan`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type, if-none-exist" } });
    const ok = await preflight(APP_ORIGIN);
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
    expect(ok.headers.get("access-control-allow-headers")).toContain("if-none-exist");
    expect((await preflight("https://evil.example")).status).toBe(403);
    const get = await fhir(sbx, "MedicationRequest?patient=otp-oxy-benzo", oscar, { headers: { origin: APP_ORIGIN } });
    expect(get.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
    expect(get.headers.get("access-control-expose-headers")).toBe("Location, ETag, Retry-After");
    const other = await fhir(sbx, "MedicationRequest?patient=otp-oxy-benzo", oscar, { headers: { origin: "https://evil.example" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("simulation launch options", () => {
  it("answers one resource type with the chosen error and leaves the others alone", async () => {
    const t500 = (await launchToken(sbx, { patient: "otp-oxy-benzo", fhirError: { resourceType: "Observation", status: 500 } })).access_token;
    expect((await fhir(sbx, "Observation?patient=otp-oxy-benzo", t500)).status).toBe(500);
    expect((await fhir(sbx, "MedicationRequest?patient=otp-oxy-benzo", t500)).status).toBe(200);
    const t429 = (await launchToken(sbx, { patient: "otp-oxy-benzo", fhirError: { resourceType: "MedicationRequest", status: 429 } })).access_token;
    const throttled = await fhir(sbx, "MedicationRequest?patient=otp-oxy-benzo", t429);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("2");
  });

  it("adds the chosen latency to every FHIR request", async () => {
    const slow = (await launchToken(sbx, { patient: "otp-oxy-benzo", latencyMs: 300 })).access_token;
    const started = performance.now();
    expect((await fhir(sbx, "Condition?patient=otp-oxy-benzo", slow)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("serves malformed resources exactly as stored", async () => {
    const max = (await launchToken(sbx, { patient: "otp-malformed" })).access_token;
    const mr = await jsonObject(await fhir(sbx, "MedicationRequest/otp-malformed-mr-dosage-object", max));
    expect(Array.isArray(mr.dosageInstruction)).toBe(false);
    const all = await jsonObject(await fhir(sbx, "MedicationRequest?patient=otp-malformed", max));
    expect(all.total).toBe(3);
    const obs = await jsonObject(await fhir(sbx, "Observation/otp-malformed-pain-string", max));
    expect(obs.valueQuantity).toMatchObject({ value: "seven" });
  });
});
