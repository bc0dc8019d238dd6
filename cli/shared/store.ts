/**
 * The input held in memory between the reading pass and the per-patient pass, kept light:
 * NDJSON resources are kept as their text line (about 3-5 times smaller than the parsed
 * object) and parsed again only when their patient is processed; Bundle entries are already
 * in memory as objects and are kept as such.
 */
import { normalizeReference } from "./references";

export interface StoredResource {
  resourceType: string;
  /** The NDJSON line, or null when `value` holds the object. */
  text: string | null;
  value: unknown;
  /** Where it came from: `file:line` or `file#entry`. */
  origin: string;
}

/** A resource that could not be attached to a patient (not JSON, or no subject). */
export interface UnassignedResource {
  origin: string;
  resourceType: string | null;
  id: string | null;
  issues: string[];
}

export interface PatientBucket {
  /** `Patient/<id>`, or the subject reference as written when it cannot be resolved. */
  ref: string;
  resources: StoredResource[];
}

export class InputStore {
  private readonly buckets = new Map<string, StoredResource[]>();
  /** Bundle fullUrl (urn:uuid:...) -> `Type/id`. */
  private readonly fullUrls = new Map<string, string>();
  /** Medications by every reference form (`Medication/id`, fullUrl). */
  readonly medications = new Map<string, StoredResource>();
  readonly unassigned: UnassignedResource[] = [];
  resourceCount = 0;

  addPatient(id: string, fullUrl: string | null, stored: StoredResource | null): void {
    const ref = `Patient/${id}`;
    if (fullUrl !== null) this.fullUrls.set(fullUrl, ref);
    const bucket = this.bucket(ref);
    if (stored !== null) bucket.push(stored);
  }

  addMedication(id: string | null, fullUrl: string | null, stored: StoredResource): void {
    if (id !== null) this.medications.set(`Medication/${id}`, stored);
    if (fullUrl !== null) this.medications.set(fullUrl, stored);
  }

  addForSubject(subjectReference: string, stored: StoredResource): void {
    this.bucket(normalizeReference(subjectReference)).push(stored);
  }

  private bucket(ref: string): StoredResource[] {
    let list = this.buckets.get(ref);
    if (list === undefined) {
      list = [];
      this.buckets.set(ref, list);
    }
    return list;
  }

  /**
   * The patients, in order of first appearance, with `urn:uuid:` subjects merged into the
   * Patient their fullUrl names. Consumes the store (each bucket is handed out once).
   */
  *patients(): Generator<PatientBucket> {
    const merged = new Map<string, StoredResource[]>();
    for (const [ref, resources] of this.buckets) {
      const target = this.fullUrls.get(ref) ?? (ref.startsWith("urn:uuid:") ? `Patient/${ref.slice("urn:uuid:".length)}` : ref);
      const list = merged.get(target);
      if (list === undefined) merged.set(target, resources);
      else list.push(...resources);
    }
    this.buckets.clear();
    for (const [ref, resources] of merged) {
      merged.delete(ref);
      yield { ref, resources };
    }
  }
}
