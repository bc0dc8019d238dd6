/**
 * A generated Bulk Data export (FHIR Bulk Data Access, one NDJSON file per resource type):
 * Patient.ndjson, Medication.ndjson and MedicationRequest.ndjson, written under a temporary
 * directory at run time (never committed). Orders come from bench/data/orders.ts, spread
 * over the patients and shuffled (an export is not grouped by patient), about 10 % naming
 * a Medication of the export; 0.2 % of the order lines are broken (not JSON, no subject,
 * an invalid status) and must be reported, not dropped.
 */
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { MedicationRequest } from "fhir/r4";
import { BENCH_AS_OF, generateMedications, generateOrder } from "./orders";
import { prng, shuffle, type Random } from "./prng";

export interface ExportShape {
  patients: number;
  medications: number;
  medicationRequests: number;
}

/** 100k resources: 1,000 patients, 2,000 Medications, 97,000 MedicationRequests. */
export function exportShape(totalResources: number): ExportShape {
  const patients = Math.max(1, Math.round(totalResources / 100));
  const medications = Math.max(1, Math.round(totalResources / 50));
  return { patients, medications, medicationRequests: Math.max(1, totalResources - patients - medications) };
}

export interface ExportSummary extends ExportShape {
  dir: string;
  bytes: number;
  brokenLines: number;
}

/** Writes lines in chunks (bounded memory for any size). */
function writeLines(path: string, count: number, line: (i: number) => string): number {
  const fd = openSync(path, "w");
  let bytes = 0;
  try {
    let chunk: string[] = [];
    for (let i = 0; i < count; i++) {
      chunk.push(line(i));
      if (chunk.length === 2000 || i === count - 1) {
        const text = chunk.join("\n") + "\n";
        bytes += writeSync(fd, text);
        chunk = [];
      }
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}

function patientLine(i: number): string {
  return JSON.stringify({ resourceType: "Patient", id: `bench-p-${i + 1}`, gender: i % 2 === 0 ? "female" : "male", birthDate: `19${50 + (i % 50)}-0${1 + (i % 9)}-15` });
}

export interface ExportOptions {
  /** Whether to write the 0.2 % broken order lines (default true): off for comparisons that need every line readable. */
  brokenLines?: boolean;
}

function brokenLine(i: number, mr: MedicationRequest, rnd: Random): string {
  const kind = Math.floor(rnd() * 3);
  if (kind === 0) return `{"resourceType":"MedicationRequest","id":"bench-broken-${i}",`;
  if (kind === 1) {
    const { subject: _subject, ...rest } = mr;
    return JSON.stringify(rest);
  }
  return JSON.stringify({ ...mr, status: 5 });
}

/** Writes the export for `totalResources` resources into `dir` (created). */
export function writeBulkExport(dir: string, totalResources: number, seed = 2025, options: ExportOptions = {}): ExportSummary {
  mkdirSync(dir, { recursive: true });
  const shape = exportShape(totalResources);
  const rnd = prng(seed);
  const meds = generateMedications(shape.medications, seed + 1);
  let bytes = writeLines(join(dir, "Patient.ndjson"), shape.patients, patientLine);
  bytes += writeLines(join(dir, "Medication.ndjson"), shape.medications, (i) => JSON.stringify(meds.resources[i]));
  const owners = shuffle(rnd, Array.from({ length: shape.medicationRequests }, (_, i) => i % shape.patients));
  let brokenLines = 0;
  bytes += writeLines(join(dir, "MedicationRequest.ndjson"), shape.medicationRequests, (i) => {
    const subject = `Patient/bench-p-${(owners[i] ?? 0) + 1}`;
    const mr = generateOrder(i + 1, rnd, { subject, medications: meds.index, medicationReferenceShare: 0.1 });
    if (rnd() >= 0.002 || options.brokenLines === false) return JSON.stringify(mr);
    brokenLines++;
    return brokenLine(i, mr, rnd);
  });
  return { ...shape, dir, bytes, brokenLines };
}

export { BENCH_AS_OF };
