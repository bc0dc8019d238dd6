/**
 * One patient's resources, as kept by a reader (an NDJSON line or a Bundle entry's value),
 * -> typed buckets (lib/fhir/load/resources.ts), with the Patient resource and the
 * Medications the orders reference resolved from the input (contained ones stay in their
 * order). A line that is not JSON, a resource that fails validation and a referenced
 * Medication that cannot be read are each an UnreadableResource whose issue names where it
 * came from: never dropped.
 */
import type { Patient } from "fhir/r4";
import { parseResourceAs, unreadable } from "../parse";
import { rawString } from "../raw";
import { parseNdjsonLine, type RawResult } from "./ndjson";
import { emptyResources, fileResource, type FiledType, type RecordResources } from "./resources";

/** A resource as a reader keeps it: the NDJSON line (`text`) or the parsed value, and its origin (`file:line`, `file#entry[i]`). */
export interface SourcedResource {
  text: string | null;
  value: unknown;
  origin: string;
  /** Why the reader could not read it at all (e.g. bytes that are not UTF-8); then `text` and `value` are unused. */
  issue?: string;
}

export interface PatientResources extends RecordResources {
  /** The Patient resource, when the input holds a readable one. */
  patient: Patient | null;
  /** The items that could not be read at all (not JSON, not UTF-8), also among `unreadable`: where and why. */
  unparsed: Array<{ origin: string; issue: string }>;
}

export function rawOf(item: SourcedResource): RawResult {
  if (item.issue !== undefined) return { ok: false, issue: item.issue };
  return item.text === null ? { ok: true, raw: item.value } : parseNdjsonLine(item.text);
}

/** The readable raw value of an item, or an UnreadableResource (type unknown: it may be an order) saying where and why. */
function readItem(item: SourcedResource, into: PatientResources): { ok: true; raw: unknown } | { ok: false } {
  const raw = rawOf(item);
  if (raw.ok) return raw;
  into.unreadable.push(unreadable(null, [`${item.origin}: ${raw.issue}`]).unreadable);
  into.unparsed.push({ origin: item.origin, issue: raw.issue });
  return { ok: false };
}

/** Prefixes the origin to the issues of the unreadable resources filed since `from` (where to look in the input). */
function sourceIssues(into: RecordResources, from: number, origin: string): void {
  for (let i = from; i < into.unreadable.length; i++) {
    const u = into.unreadable[i];
    if (u !== undefined) into.unreadable[i] = { ...u, issues: u.issues.map((issue) => `${origin}: ${issue}`) };
  }
}

function resolveMedications(into: PatientResources, findMedication: (reference: string) => SourcedResource | undefined): void {
  const found = new Set<SourcedResource>();
  for (const order of into.medicationRequests) {
    const ref = order.medicationReference?.reference;
    if (ref === undefined || ref.startsWith("#")) continue;
    const item = findMedication(ref);
    if (item === undefined || found.has(item)) continue;
    found.add(item);
    const raw = readItem(item, into);
    if (!raw.ok) continue;
    const before = into.unreadable.length;
    const parsed = parseResourceAs("Medication", raw.raw);
    if (parsed.ok) into.medications.push(parsed.resource);
    else into.unreadable.push(parsed.unreadable);
    sourceIssues(into, before, item.origin);
  }
}

/**
 * Parses one patient's items: `expected` types are filed (the grouping already chose the
 * patient, so no subject check), a Patient is kept, other types are not read.
 */
export function loadPatient(
  items: Iterable<SourcedResource>,
  findMedication: (reference: string) => SourcedResource | undefined,
  expected: readonly FiledType[],
  /** Sees each item's parsed JSON first (the commands check it against how they grouped it). */
  onRaw?: (raw: unknown, item: SourcedResource) => void,
): PatientResources {
  const out: PatientResources = { ...emptyResources(), patient: null, unparsed: [] };
  for (const item of items) {
    const raw = readItem(item, out);
    if (!raw.ok) continue;
    onRaw?.(raw.raw, item);
    const before = out.unreadable.length;
    if (rawString(raw.raw, "resourceType") === "Patient") {
      const patient = parseResourceAs("Patient", raw.raw);
      if (!patient.ok) out.unreadable.push(patient.unreadable);
      else out.patient ??= patient.resource;
    } else {
      fileResource(out, raw.raw, { expected, patientId: null });
    }
    sourceIssues(out, before, item.origin);
  }
  resolveMedications(out, findMedication);
  return out;
}
