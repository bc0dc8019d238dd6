/**
 * One patient of the `mme` command (and of the warehouse UDF, cli/mme/udf.ts): their
 * resources, as the reader kept them, -> the loader (lib/fhir/load) -> calculateMme (lib/mme)
 * -> the patient's JSON line. Pure apart from the NDC table, which the caller supplies when
 * `needsNdc` says this patient needs it (per patient, so no result depends on input order).
 *
 * What the input could not tell is said on the patient, never lost: a line of this patient
 * that is not JSON is a not-computable order (lib/mme), and input problems of unknown owner
 * (a line whose patient cannot be told, a Medication the input lacks or cannot read) make the
 * result incomplete with the file and line in `incompleteReasons`.
 */
import type { FactorTableId, IsoDate, MmeResult } from "@/lib/domain";
import { factsOf, loadPatient, normalizeReference, unreadableOrders, type PatientResources, type SourcedResource } from "@/lib/fhir/load";
import { calculateMme, type NdcLookup } from "@/lib/mme";
import { needsNdcLookup } from "@/lib/mme/ndc/needs";
import { medicationFindings } from "@/lib/taper/readiness/assess";
import { patientJson, type MedicationFindingsJson } from "./output";

export interface PatientSettings {
  asOf: IsoDate;
  factorTableId: FactorTableId;
  lookbackDays: number;
}

/** Sentences about input that could not be attributed, by whom they concern (cli/shared/read.ts `Affects`). */
export interface InputProblems {
  everyPatient: string[];
  unresolvedMedication: string[];
}

export const NO_INPUT_PROBLEMS: InputProblems = { everyPatient: [], unresolvedMedication: [] };

export interface PatientOutcome {
  /** The patient's JSON, as the command prints it. */
  json: string;
  result: MmeResult;
  findings: MedicationFindingsJson;
  /** Lines of this patient that could not be read at all (`file:line: why`), for the warning on stderr. */
  unreadableLines: string[];
}

/**
 * Loads one patient's items (`ref`: the group the first pass filed them in); `findMedication`
 * resolves the Medications their orders reference. Each NDJSON line's own subject (or, for
 * the Patient, its id) must put it in `ref`: a disagreement means the first pass misread the
 * line, and the command stops (an internal error) rather than give one patient's order to another.
 */
export function readPatient(ref: string, items: Iterable<SourcedResource>, findMedication: (reference: string) => SourcedResource | undefined): PatientResources {
  return loadPatient(items, findMedication, ["MedicationRequest"], (raw, item) => {
    if (item.text === null) return;
    const facts = factsOf(raw);
    const group = facts.resourceType === "Patient" ? (facts.id === null ? null : `Patient/${facts.id}`) : facts.subject === null ? null : groupOfSubject(facts.subject);
    if (group !== ref) throw new Error(`${item.origin}: filed under ${ref} by the first pass, but the line itself names ${group ?? "no patient"}`);
  });
}

/** Whether this patient's orders need the NDC table (an NDC alone, no RxNorm code the catalog knows). */
export function needsNdc(resources: PatientResources): boolean {
  return needsNdcLookup(resources.medicationRequests, resources.medications);
}

/** The result made incomplete by reasons the engine could not see (input problems); an unknown result stays unknown. */
export function withInputProblems(result: MmeResult, reasons: readonly string[]): MmeResult {
  if (reasons.length === 0) return result;
  return { ...result, complete: false, state: result.state === "unknown" ? "unknown" : "incomplete", incompleteReasons: [...result.incompleteReasons, ...reasons] };
}

function namesMissingMedication(resources: PatientResources, findMedication: (reference: string) => SourcedResource | undefined): boolean {
  return resources.medicationRequests.some((o) => {
    const ref = o.medicationReference?.reference;
    return ref !== undefined && !ref.startsWith("#") && findMedication(ref) === undefined;
  });
}

/** Sentences for a referenced Medication that could not be read (valid JSON that fails validation). */
function unreadableMedications(resources: PatientResources): string[] {
  return resources.unreadable
    .filter((u) => u.resourceType === "Medication")
    .map((u) => `a Medication an order references could not be read (${u.issues.join("; ")}), so that order may be misidentified`);
}

export interface PatientContext {
  settings: PatientSettings;
  problems: InputProblems;
  findMedication: (reference: string) => SourcedResource | undefined;
  /** The NDC lookup when this patient needs it (`needsNdc`); null when it is needed but cannot be had here (the UDF without its table). */
  ndcLookup: NdcLookup | undefined | null;
}

/** The sentence when an order needs the NDC table and it is not loaded (the warehouse UDF without its NDC library). */
export const NDC_TABLE_MISSING =
  "an order is coded only with an NDC and the NDC table is not loaded here (load mme-udf-ndc.js beside mme-udf.js), so it may be misidentified";

/** Not read by this command: the readiness findings say "unknown" where they would need them. */
const NOT_READ = "not read by the mme command (medication orders only)";

/** Sedatives and naloxone, from the readiness engine's own findings on the orders (lib/taper). */
function findingsOf(mme: MmeResult, resources: PatientResources, settings: PatientSettings): MedicationFindingsJson {
  const inputs = { mme, medicationRequests: resources.medicationRequests, medications: resources.medications, observations: [], conditions: [], unavailable: { observations: NOT_READ, conditions: NOT_READ } };
  const found = medicationFindings(inputs, settings.asOf);
  return { cnsDepressants: found.cnsDepressants.outcome, naloxone: found.naloxone.outcome };
}

export function patientOutcome(ref: string | null, resources: PatientResources, ctx: PatientContext): PatientOutcome {
  const computed = calculateMme({
    medicationRequests: resources.medicationRequests,
    medications: resources.medications,
    unreadable: unreadableOrders(resources.unreadable),
    asOf: ctx.settings.asOf,
    factorTableId: ctx.settings.factorTableId,
    lookbackDays: ctx.settings.lookbackDays,
    ndcLookup: ctx.ndcLookup ?? undefined,
  });
  const reasons = [
    ...ctx.problems.everyPatient,
    ...(namesMissingMedication(resources, ctx.findMedication) ? ctx.problems.unresolvedMedication : []),
    ...unreadableMedications(resources),
    ...(ctx.ndcLookup === null ? [NDC_TABLE_MISSING] : []),
  ];
  const result = withInputProblems(computed, reasons);
  const findings = findingsOf(result, resources, ctx.settings);
  return { json: JSON.stringify(patientJson(ref, result, findings)), result, findings, unreadableLines: resources.unparsed.map((u) => `${u.origin}: ${u.issue}`) };
}

/** The group a subject reference files a resource in (lib/fhir/load PatientGroups, NDJSON: no fullUrls). */
export function groupOfSubject(subject: string): string {
  const ref = normalizeReference(subject);
  return ref.startsWith("urn:uuid:") ? `Patient/${ref.slice("urn:uuid:".length)}` : ref;
}
