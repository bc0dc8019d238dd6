/**
 * SANDBOX_DATA: transaction bundles such as the public sandbox's Synthea patients load with
 * their ids kept (entries with an id become `PUT Type/id`, like smart-on-fhir/tag-uploader).
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "@/sandbox/server";
import { entries, fhir, jsonObject, launchToken, startTestSandbox } from "./helpers";

const FILE = "Jordan_Cruickshank_5de38439-d320-46d3-854d-3c098e88de4c.json";
const JORDAN = "3afaeb2a-9f18-40b5-8fe7-dfd882de2f2b";
let dir: string;
let sbx: RunningSandbox;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "sandbox-data-"));
  copyFileSync(join("tests", "fixtures", "sandbox-patients", FILE), join(dir, FILE));
  sbx = await startTestSandbox({ dataDirs: [dir] });
}, 180_000);
afterAll(async () => {
  await sbx.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("SANDBOX_DATA bundles", () => {
  it("load every entry and keep the public sandbox's ids", async () => {
    expect(sbx.loaded.get(FILE)).toBe(339);
    const token = (await launchToken(sbx, { patient: JORDAN }, "launch patient/Patient.rs patient/MedicationRequest.rs")).access_token;
    const patient = await jsonObject(await fhir(sbx, `Patient/${JORDAN}`, token));
    expect(patient.id).toBe(JORDAN);
    const orders = await jsonObject(await fhir(sbx, `MedicationRequest?patient=${JORDAN}&_count=50`, token));
    // README: 13 MedicationRequests, among them morphine injection 1732136 and APAP/hydrocodone 857005
    expect(orders.total).toBe(13);
    const codes = entries(orders).map((r) => JSON.stringify(r.medicationCodeableConcept));
    expect(codes.some((c) => c.includes("1732136"))).toBe(true);
    expect(codes.some((c) => c.includes("857005"))).toBe(true);
  });
});
