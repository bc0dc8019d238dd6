/**
 * The sandbox's data store: Medplum's MemoryRepository filled with the scenario patients and,
 * optionally, transaction bundles from SANDBOX_DATA folders (e.g. the public SMART sandbox's
 * Synthea patients in tests/fixtures/sandbox-patients).
 *
 * Resources are stored as given, without validation, so deliberately malformed scenario
 * resources reach the app exactly as written (as they would from a lax EHR).
 */
import { isResourceType, normalizeErrorString } from "@medplum/core";
import { FhirRouter, MemoryRepository } from "@medplum/fhir-router";
import type { Bundle, BundleEntry, Resource } from "@medplum/fhirtypes";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isRecord } from "../launch-options";
import { ensureDefinitions } from "./definitions";

/** Narrow decoded JSON to a resource: an object whose `resourceType` is a FHIR resource type. */
export function isMedplumResource(v: unknown): v is Resource {
  return isRecord(v) && typeof v.resourceType === "string" && isResourceType(v.resourceType);
}

function isBundle(v: unknown): v is Bundle {
  return isMedplumResource(v) && v.resourceType === "Bundle";
}

export interface Store {
  repo: MemoryRepository;
  router: FhirRouter;
}

/** A repository holding `resources` (each must carry its id), stored without validation. */
export async function createStore(resources: readonly unknown[]): Promise<Store> {
  ensureDefinitions();
  const repo = new MemoryRepository();
  const router = new FhirRouter();
  await repo.withSeeding(async () => {
    for (const r of resources) {
      if (!isMedplumResource(r) || !r.id) throw new Error(`Scenario resource without resourceType/id: ${JSON.stringify(r).slice(0, 120)}`);
      await repo.createResource(r, { assignedId: true });
    }
  });
  return { repo, router };
}

/**
 * Load every `*.json` transaction/batch Bundle in `dir`. Like the public sandbox's loader
 * (smart-on-fhir/tag-uploader), an entry whose resource has an id becomes `PUT Type/id`, so
 * ids are kept. Returns the number of entries loaded per file; throws on a failed bundle.
 */
export async function loadBundleDir(store: Store, dir: string): Promise<Map<string, number>> {
  const loaded = new Map<string, number>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const json: unknown = JSON.parse(readFileSync(join(dir, file), "utf8"));
    if (!isBundle(json) || (json.type !== "transaction" && json.type !== "batch")) continue;
    const bundle: Bundle = { ...json, entry: (json.entry ?? []).map(asPut) };
    const [result, response] = await store.router.handleRequest(
      { method: "POST", url: "", pathname: "", body: bundle, params: {}, query: {} },
      store.repo,
    );
    if (!response || response.resourceType !== "Bundle") throw new Error(`${file}: ${normalizeErrorString(result)}`);
    const failed = (response.entry ?? []).filter((e) => !/^2\d\d/.test(e.response?.status ?? ""));
    if (failed.length) throw new Error(`${file}: ${failed.length} entries failed (${failed[0]?.response?.status ?? "?"})`);
    loaded.set(file, bundle.entry?.length ?? 0);
  }
  return loaded;
}

function asPut(entry: BundleEntry): BundleEntry {
  const r = entry.resource;
  if (!r?.id) return entry;
  return { ...entry, request: { method: "PUT", url: `${r.resourceType}/${r.id}` } };
}
