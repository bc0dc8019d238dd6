/**
 * The second pass of the `mme` command for a batch of patients, the same in this thread and
 * in a worker (cli/mme/worker.ts): read each patient's items back (cli/shared/handles.ts),
 * compute (cli/mme/patient.ts), return the JSON lines in order. The NDC table is loaded once,
 * the first time a patient needs it, and given only to the patients that need it.
 */
import type { NdcLookup } from "@/lib/mme";
import { ItemReader, type ItemRef } from "@/cli/shared/handles";
import { normalizeReference, type SourcedResource } from "@/lib/fhir/load";
import { needsNdc, patientOutcome, readPatient, type InputProblems, type PatientSettings } from "./patient";
import { patientSummaryOf, type PatientSummary } from "./summary";

export interface Job {
  ref: string;
  items: ItemRef[];
}

export interface JobResult {
  json: string;
  summary: PatientSummary;
  unreadableLines: string[];
}

export interface JobSetup {
  paths: readonly string[];
  /** Every reference form of the input's Medications -> where the Medication is. */
  medications: ReadonlyArray<[string, ItemRef]>;
  settings: PatientSettings;
  problems: InputProblems;
}

/** The CDC 2018 NDC table (a large module, imported on first need). */
async function loadNdcLookup(): Promise<NdcLookup> {
  const [{ makeNdcLookup }, { NDC_TABLE }] = await Promise.all([import("@/lib/mme/ndc"), import("@/lib/mme/ndc/ndc-table.generated")]);
  return makeNdcLookup(NDC_TABLE);
}

export class JobRunner {
  private readonly reader: ItemReader;
  private readonly medications: Map<string, ItemRef>;
  private readonly cache = new Map<ItemRef, SourcedResource>();
  private ndc: Promise<NdcLookup> | null = null;

  constructor(private readonly setup: JobSetup) {
    this.reader = new ItemReader(setup.paths);
    this.medications = new Map(setup.medications);
  }

  private findMedication = (reference: string): SourcedResource | undefined => {
    const ref = this.medications.get(reference) ?? this.medications.get(normalizeReference(reference));
    if (ref === undefined) return undefined;
    let item = this.cache.get(ref);
    if (item === undefined) {
      item = this.reader.read(ref);
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(ref, item);
    }
    return item;
  };

  async run(jobs: readonly Job[]): Promise<JobResult[]> {
    const out: JobResult[] = [];
    for (const job of jobs) {
      const resources = readPatient(job.ref, job.items.map((i) => this.reader.read(i)), this.findMedication);
      const ndcLookup = needsNdc(resources) ? await (this.ndc ??= loadNdcLookup()) : undefined;
      const outcome = patientOutcome(job.ref, resources, { settings: this.setup.settings, problems: this.setup.problems, findMedication: this.findMedication, ndcLookup });
      out.push({ json: outcome.json, summary: patientSummaryOf(outcome.result, outcome.findings), unreadableLines: outcome.unreadableLines });
    }
    return out;
  }

  close(): void {
    this.reader.close();
  }
}
