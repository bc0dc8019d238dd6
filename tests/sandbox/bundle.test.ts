/**
 * `npm run sandbox:bundle`: one FHIR R4 transaction Bundle of the scenario patients (PUT
 * Type/id entries), loadable by a FHIR server in one request.
 */
import { FhirRouter, MemoryRepository } from "@medplum/fhir-router";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildTransactionBundle } from "@/sandbox/bundle";
import { ensureDefinitions } from "@/sandbox/fhir/definitions";
import { isMedplumResource } from "@/sandbox/fhir/resources";
import { clockFor } from "@/sandbox/scenarios";

const clock = clockFor(new Date("2026-03-15T00:00:00Z"));

describe("scenario transaction bundle", () => {
  const bundle = buildTransactionBundle(clock, { includeHeavy: false, includeMalformed: false });
  const urls = (bundle.entry ?? []).map((e) => e.request?.url ?? "");

  it("is a transaction of PUT Type/id entries, without the heavy and malformed records by default", () => {
    expect(bundle.type).toBe("transaction");
    expect((bundle.entry ?? []).every((e) => e.request?.method === "PUT" && e.request.url === `${e.resource?.resourceType ?? ""}/${e.resource?.id ?? ""}`)).toBe(true);
    expect(urls).toContain("Patient/otp-oxy-benzo");
    expect(urls).toContain("Practitioner/otp-dr-prescott");
    expect(urls.some((u) => u.includes("otp-heavy-record") || u.includes("otp-malformed"))).toBe(false);
    const withAll = buildTransactionBundle(clock, { includeHeavy: true, includeMalformed: true });
    expect((withAll.entry ?? []).length).toBeGreaterThan(3000 + urls.length);
  });

  it("loads into a FHIR server in one transaction", async () => {
    ensureDefinitions();
    const repo = new MemoryRepository();
    const body: unknown = JSON.parse(JSON.stringify(bundle));
    const [, response] = await new FhirRouter().handleRequest({ method: "POST", url: "", pathname: "", body, params: {}, query: {} }, repo);
    expect(isMedplumResource(response) && response.resourceType === "Bundle" ? response.type : null).toBe("transaction-response");
    const patients = await repo.searchResources({ resourceType: "Patient" });
    expect(patients.map((p) => p.id).sort()).toEqual(urls.filter((u) => u.startsWith("Patient/")).map((u) => u.slice(8)).sort());
  });

  it("is written by the sandbox:bundle command", () => {
    const dir = mkdtempSync(join(tmpdir(), "sandbox-bundle-"));
    try {
      const out = join(dir, "b.json");
      const stdout = execFileSync(process.execPath, ["--experimental-websocket", "--import", "tsx", "sandbox/bundle-command.ts", "--out", out], { encoding: "utf8" });
      expect(stdout).toMatch(/Wrote \d+ entries \(transaction, dated from \d{4}-\d{2}-\d{2}\)/);
      const written: unknown = JSON.parse(readFileSync(out, "utf8"));
      expect(isMedplumResource(written) && written.resourceType === "Bundle" ? written.entry?.length : 0).toBe(urls.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
