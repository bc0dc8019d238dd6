/**
 * Groups the resources of a multi-patient input (a Bundle, a Bulk Data export) by patient,
 * without parsing them: each resource is filed under the Patient its `subject` names
 * (normalized: relative, absolute, versioned and `urn:uuid:` references of one patient land
 * together), Medications are indexed by every reference form that can name them, and what
 * cannot be attributed is reported, never dropped. Generic in what is kept per resource (a
 * parsed value, an NDJSON line, or where the line is in the file), so the commands can keep
 * memory bounded on large exports.
 */
import { rawString } from "../raw";
import { normalizeReference } from "./reference";
import { subjectReference } from "./resources";

/** What the grouping needs to know of a resource: read from the parsed JSON or scanned from its text. */
export interface ResourceFacts {
  resourceType: string | null;
  id: string | null;
  /** The `subject` (or `patient`) reference, as written. */
  subject: string | null;
  /** The Bundle entry's fullUrl, if any. */
  fullUrl: string | null;
}

export function factsOf(raw: unknown, fullUrl: string | null = null): ResourceFacts {
  return { resourceType: rawString(raw, "resourceType"), id: rawString(raw, "id"), subject: subjectReference(raw), fullUrl };
}

export type Filing =
  | { kind: "filed" }
  /** A resource type the caller does not read. */
  | { kind: "skipped" }
  /** Kept for no patient: the caller reports it with `issue`. */
  | { kind: "unattributed"; issue: string };

/** A resource filed under no patient (no subject, no resourceType, not JSON), as reported. */
export interface UnattributedResource {
  /** `file:line` or `file#entry[i]`. */
  origin: string;
  resourceType: string | null;
  id: string | null;
  issues: string[];
}

export interface PatientGroup<T> {
  /** `Patient/<id>`, or the subject reference as written when it cannot be resolved. */
  ref: string;
  items: T[];
}

const URN_UUID = "urn:uuid:";
const FILED: Filing = { kind: "filed" };
const SKIPPED: Filing = { kind: "skipped" };

export class PatientGroups<T> {
  private readonly groups = new Map<string, T[]>();
  /** Bundle fullUrl (urn:uuid:...) -> `Patient/id`. */
  private readonly fullUrls = new Map<string, string>();
  /** Medications by every reference form (`Medication/id`, fullUrl). */
  private readonly medications = new Map<string, T>();
  /** Subject references as written -> their group (most inputs repeat the same few strings: one lookup, no parsing). */
  private readonly bySubject = new Map<string, T[]>();

  /** `keep`: the patient-scoped resource types to group (Patient and Medication are always kept). */
  constructor(private readonly keep: ReadonlySet<string>) {}

  /** Files one resource. */
  file(facts: ResourceFacts, item: T): Filing {
    const { resourceType, id, fullUrl } = facts;
    if (resourceType === "Patient") {
      if (id === null) return { kind: "unattributed", issue: "id: missing" };
      const ref = `Patient/${id}`;
      if (fullUrl !== null) this.fullUrls.set(fullUrl, ref);
      this.group(ref).push(item);
      return FILED;
    }
    if (resourceType === "Medication") {
      if (id !== null) this.medications.set(`Medication/${id}`, item);
      if (fullUrl !== null) this.medications.set(fullUrl, item);
      return id === null && fullUrl === null ? { kind: "unattributed", issue: "id: missing, so no order can reference it" } : FILED;
    }
    if (resourceType !== null && !this.keep.has(resourceType)) return SKIPPED;
    if (facts.subject === null) return { kind: "unattributed", issue: resourceType === null ? "resourceType: missing" : "subject: missing, so the patient is unknown" };
    let list = this.bySubject.get(facts.subject);
    if (list === undefined) {
      list = this.group(normalizeReference(facts.subject));
      this.bySubject.set(facts.subject, list);
    }
    list.push(item);
    return FILED;
  }

  /** Makes sure a patient is in the output even with nothing filed (e.g. its only line could not be read). */
  addPatient(ref: string): void {
    this.group(normalizeReference(ref));
  }

  /** The Medication a reference names (as written, then normalized), if the input holds it. */
  medication(reference: string): T | undefined {
    return this.medications.get(reference) ?? this.medications.get(normalizeReference(reference));
  }

  /** Every reference form the input's Medications can be named by, with the item. */
  medicationEntries(): Array<[string, T]> {
    return [...this.medications.entries()];
  }

  private group(ref: string): T[] {
    let list = this.groups.get(ref);
    if (list === undefined) {
      list = [];
      this.groups.set(ref, list);
    }
    return list;
  }

  /** `Patient/<id>` for a subject written as a fullUrl or `urn:uuid:<id>` (Synthea transaction bundles). */
  private target(ref: string): string {
    return this.fullUrls.get(ref) ?? (ref.startsWith(URN_UUID) ? `Patient/${ref.slice(URN_UUID.length)}` : ref);
  }

  /** The groups, in order of first appearance, with `urn:uuid:` subjects merged into their Patient. */
  private merged(): Map<string, T[]> {
    const merged = new Map<string, T[]>();
    for (const [ref, items] of this.groups) {
      const target = this.target(ref);
      const list = merged.get(target);
      merged.set(target, list === undefined ? items : [...list, ...items]); // never mutates a group: merged() may run again
    }
    return merged;
  }

  /** One patient's group (`Patient/<id>`), or undefined. */
  patient(ref: string): PatientGroup<T> | undefined {
    const items = this.merged().get(normalizeReference(ref));
    return items === undefined ? undefined : { ref: normalizeReference(ref), items };
  }

  /** Every patient's group, in order of first appearance. Consumes the groups (each is handed out once). */
  *patients(): Generator<PatientGroup<T>> {
    const merged = this.merged();
    this.groups.clear();
    this.bySubject.clear();
    for (const [ref, items] of merged) {
      merged.delete(ref);
      yield { ref, items };
    }
  }

  /** The number of patient groups (before `patients()` consumes them). */
  get size(): number {
    return this.merged().size;
  }
}
