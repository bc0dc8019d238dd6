/**
 * The `mme` command as a warehouse user-defined function (issue 18; docs/population.md):
 * `npm run build:udf` bundles this file into dist/mme-udf.js, one self-contained script
 * (ECMAScript built-ins only: no require, no Node or browser API) that defines the global
 *
 *   mmeForPatient(resourcesJson, asOf, factorTable[, lookbackDays]) -> string
 *
 * `resourcesJson`: one patient's MedicationRequests and the Medications they reference, as a
 * JSON array (what `ARRAY_AGG(... )` / `TO_JSON_STRING` give in SQL); `asOf`: `YYYY-MM-DD`;
 * `factorTable`: `cdc-2022` or `cdc-2016`; `lookbackDays`: as the command's option (default 90). Returns the same per-patient JSON the command
 * prints (cli/mme/patient.ts is the one computation), as a string.
 *
 * The CDC 2018 NDC table (~400 KB) is not in this file, to stay within the warehouses' code
 * limits: dist/mme-udf-ndc.js, loaded after it as a second library, registers it with
 * `mmeRegisterNdcTable`. Without it, a patient with an order coded only by NDC gets an
 * incomplete result that says the table is not loaded (never a guessed product).
 */
import type { FactorTableId } from "@/lib/domain";
import { factsOf, PatientGroups, type SourcedResource } from "@/lib/fhir/load";
import { DEFAULT_LOOKBACK_DAYS, unknownMmeResult, type NdcLookup } from "@/lib/mme";
import { makeNdcLookup, type NdcTable } from "@/lib/mme/ndc";
import { patientJson } from "./output";
import { needsNdc, patientOutcome, readPatient, type InputProblems } from "./patient";

let ndcLookup: NdcLookup | null = null;

/** Called by dist/mme-udf-ndc.js with the CDC 2018 NDC table. */
export function mmeRegisterNdcTable(table: NdcTable): void {
  ndcLookup = makeNdcLookup(table);
}

function isFactorTableId(v: unknown): v is FactorTableId {
  return v === "cdc-2022" || v === "cdc-2016";
}

function unknown(asOf: string, factorTableId: FactorTableId, reason: string): string {
  return JSON.stringify(patientJson(null, unknownMmeResult(asOf, factorTableId, reason), null));
}

function items(resourcesJson: unknown): SourcedResource[] | string {
  if (typeof resourcesJson !== "string") return "the resources are not a JSON string";
  let parsed: unknown;
  try {
    parsed = JSON.parse(resourcesJson);
  } catch (e) {
    return `the resources are not JSON (${e instanceof Error ? e.message : String(e)})`;
  }
  if (!Array.isArray(parsed)) return "the resources are not a JSON array";
  return parsed.map((value: unknown, i): SourcedResource => ({ text: null, value, origin: `resources[${i}]` }));
}

/** One patient's MME as the `mme` command's per-patient JSON (a string). Never throws for any input. */
export function mmeForPatient(resourcesJson: unknown, asOf: unknown, factorTable: unknown, lookbackDays: unknown = DEFAULT_LOOKBACK_DAYS): string {
  const day = typeof asOf === "string" ? asOf : String(asOf);
  const lookback = typeof lookbackDays === "number" ? lookbackDays : Number.NaN; // an invalid lookback gives an unknown result (lib/mme)
  if (!isFactorTableId(factorTable)) return unknown(day, "cdc-2022", `unknown factor table ${JSON.stringify(factorTable) ?? "undefined"} (cdc-2022 or cdc-2016)`);
  const all = items(resourcesJson);
  if (typeof all === "string") return unknown(day, factorTable, all);
  const groups = new PatientGroups<SourcedResource>(new Set(["MedicationRequest"]));
  const unattributed: string[] = [];
  for (const item of all) {
    const filing = groups.file(factsOf(item.value), item);
    if (filing.kind === "unattributed") unattributed.push(`${item.origin} (${filing.issue})`);
  }
  const patients = [...groups.patients()];
  if (patients.length > 1) return unknown(day, factorTable, `the resources name ${patients.length} patients (${patients.map((p) => p.ref).join(", ")}): give one patient's resources per call`);
  const group = patients[0] ?? { ref: null, items: [] };
  const problems: InputProblems = {
    everyPatient: unattributed.length === 0 ? [] : [`${unattributed.length} of the resources name no patient and may be orders of this one: ${unattributed.slice(0, 3).join(", ")}`],
    unresolvedMedication: [],
  };
  const findMedication = (ref: string): SourcedResource | undefined => groups.medication(ref);
  const resources = readPatient(group.ref ?? "", group.items, findMedication);
  const outcome = patientOutcome(group.ref, resources, {
    settings: { asOf: day, factorTableId: factorTable, lookbackDays: lookback },
    problems,
    findMedication,
    ndcLookup: needsNdc(resources) ? ndcLookup : undefined,
  });
  return outcome.json;
}
