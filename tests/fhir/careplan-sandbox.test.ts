/**
 * saveCarePlan and the record's CarePlan search over HTTP against the local sandbox EHR (Medplum
 * fhir-router behind SMART tokens), with the fetch transport: the same code path as the app
 * minus fhirclient. The browser end-to-end (dialog, reload, print) is the lead's e2e.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCarePlan } from "@/lib/careplan";
import { saveCarePlan } from "@/lib/fhir/careplan";
import { loadPatientRecord } from "@/lib/fhir/record";
import { createFetchTransport } from "@/lib/fhir/fetch-transport";
import type { FhirTransport } from "@/lib/fhir/transport";
import type { RunningSandbox } from "@/sandbox/server";
import { launchToken, startTestSandbox } from "../sandbox/helpers";
import { makeContext, makePlan } from "../careplan/fixtures";

const PATIENT = "otp-oxy-benzo";
let sbx: RunningSandbox;

beforeAll(async () => {
  sbx = await startTestSandbox();
});
afterAll(async () => {
  await sbx.close();
});

async function transportFor(denyScopes: string[] = []) {
  const token = await launchToken(sbx, { patient: PATIENT, denyScopes });
  return createFetchTransport({ baseUrl: sbx.fhirBase, headers: { authorization: `Bearer ${token.access_token}` } });
}

function carePlanFor(uuid: string) {
  return buildCarePlan(makePlan(), makeContext({ patientRef: `Patient/${PATIENT}`, identifier: { system: "urn:ietf:rfc:3986", value: `urn:uuid:${uuid}` } }));
}

describe("CarePlan write-back against the sandbox EHR", () => {
  it("saves once, reads back what was sent, and a second save is 'already saved' with the same id", async () => {
    const transport = await transportFor();
    const cp = carePlanFor("6f1c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f");
    const first = await saveCarePlan(transport, cp, { patientRef: `Patient/${PATIENT}` });
    expect(first.kind).toBe("created");
    if (first.kind !== "created" || first.id === null) throw new Error(first.message);
    const again = await saveCarePlan(transport, cp, { patientRef: `Patient/${PATIENT}` });
    expect(again).toMatchObject({ kind: "already-saved", id: first.id });
    const read = await transport.request({ method: "GET", url: `CarePlan/${first.id}` });
    expect(read.status).toBe(200);
    const body = read.body;
    if (typeof body !== "object" || body === null) throw new Error("no CarePlan read back");
    // everything sent comes back unchanged; the server adds only id and meta
    const stored = Object.fromEntries(Object.entries(body).filter(([k]) => k !== "id" && k !== "meta"));
    expect(stored).toEqual(JSON.parse(JSON.stringify(cp)));
  });

  it("lists the saved plan among the patient's earlier taper plans", async () => {
    const transport = await transportFor();
    const cp = carePlanFor("7a2d3c8f-2e3b-4d4c-8f9a-1b2c3d4e5f60");
    const saved = await saveCarePlan(transport, cp, { patientRef: `Patient/${PATIENT}` });
    // the app lists earlier plans from the record's CarePlan search (category 80764-4)
    const record = await loadPatientRecord(transport, PATIENT, { asOf: new Date(), maxPages: 5, pageSize: 50, observationCategoryRequired: false });
    expect(record.searches.carePlans.state).toBe("complete");
    if (saved.kind !== "created") throw new Error(saved.message);
    const found = record.carePlans.find((p) => p.id === saved.id);
    expect(found).toMatchObject({ status: "draft", title: cp.title });
    expect(found?.identifier?.[0]?.value).toBe("urn:uuid:7a2d3c8f-2e3b-4d4c-8f9a-1b2c3d4e5f60");
  });

  it("without CarePlan.c the write is refused (403) as a value, with one request", async () => {
    const transport = await transportFor(["patient/CarePlan.c"]);
    let posts = 0;
    const counting: FhirTransport = {
      baseUrl: transport.baseUrl,
      request: (req) => {
        if (req.method === "POST") posts += 1;
        return transport.request(req);
      },
    };
    const outcome = await saveCarePlan(counting, carePlanFor("8b3e4d90-3f4c-4e5d-9a0b-2c3d4e5f6071"), { patientRef: `Patient/${PATIENT}` });
    expect(outcome).toMatchObject({ kind: "failed", reason: "careplan.save.forbidden", httpStatus: 403 });
    expect(posts).toBe(1);
  });
});
